/**
 * The call's recording beside the scorecard: play/pause, ±5 s, speed 0.75–2×. The `<audio>` element
 * is the state (position, speed, playing); the keyboard handler drives the same element. The host
 * says first whether the call's file is found (by reference, name pattern or index): when it is
 * not, Play is disabled and the reason is given in the UI's language.
 */
import { useEffect, useState } from 'react';
import type { RecordingFound } from '../../../src-shared/api';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT, type Translate } from '../../i18n/language';
import { recordingUrl } from './recording-url';
import { clockTime, nextSpeed, SPEEDS } from './shortcuts';

export interface PlayerControls {
  playPause(): void;
  seekBy(seconds: number): void;
  seekTo(seconds: number): void;
  changeSpeed(by: -1 | 1): void;
  setSpeed(rate: number): void;
}

/** Controls over whichever `<audio>` element `element()` returns when a control is used. */
export function playerControls(element: () => HTMLAudioElement | null): PlayerControls {
  return {
    playPause() {
      const a = element();
      if (!a) return;
      if (a.paused) void a.play().catch(() => undefined);
      else a.pause();
    },
    seekBy(seconds) {
      const a = element();
      if (!a) return;
      const end = Number.isFinite(a.duration) ? a.duration : Infinity;
      a.currentTime = Math.min(end, Math.max(0, a.currentTime + seconds));
    },
    seekTo(seconds) {
      const a = element();
      if (a) a.currentTime = seconds;
    },
    setSpeed(rate) {
      const a = element();
      if (a) a.playbackRate = rate;
    },
    changeSpeed(by) {
      const a = element();
      if (a) a.playbackRate = nextSpeed(a.playbackRate, by);
    },
  };
}

interface RecordingPlayerProps {
  callId: number;
  audio: HTMLAudioElement | null;
  audioRef(element: HTMLAudioElement | null): void;
  controls: PlayerControls;
}

export function RecordingPlayer({ callId, audio, audioRef, controls }: RecordingPlayerProps) {
  const t = useT();
  const lookup = useApiQuery('recordings.find', { callId });
  const found = lookup.data;
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState<number | null>(null);
  const [speed, setSpeed] = useState(1);
  /** the file was found but the browser could not play it */
  const [undecodable, setUndecodable] = useState(false);

  useEffect(() => {
    const a = audio;
    if (!a) return;
    const sync = () => {
      setPlaying(!a.paused);
      setTime(a.currentTime);
      setSpeed(a.playbackRate);
      setDuration(Number.isFinite(a.duration) ? a.duration : null);
    };
    const onError = () => setUndecodable(true);
    const events = ['play', 'pause', 'timeupdate', 'ratechange', 'loadedmetadata', 'seeked', 'ended'];
    events.forEach((e) => a.addEventListener(e, sync));
    a.addEventListener('error', onError);
    return () => {
      events.forEach((e) => a.removeEventListener(e, sync));
      a.removeEventListener('error', onError);
    };
  }, [audio, callId]);

  if (!found || !found.found) {
    return (
      <div className="player player--none" data-testid="player" data-found="false">
        {found ? <RecordingProblem found={found} t={t} /> : null}
        <div className="player__controls">
          <button
            type="button"
            className="button button--primary player__play"
            disabled
            data-testid="player-play"
          >
            <span aria-hidden="true">▶</span>
            <span>{t('audits.form.play')}</span>
          </button>
        </div>
      </div>
    );
  }
  const progress = duration ? Math.min(1, time / duration) : 0;
  return (
    <div
      className="player"
      data-testid="player"
      data-found="true"
      data-playing={playing}
      data-time={time.toFixed(2)}
    >
      <audio ref={audioRef} src={recordingUrl(callId)} preload="metadata" data-testid="player-audio" />
      {undecodable ? (
        <p className="player__problem" role="alert" data-testid="player-problem">
          {t('recordings.problem.decode')}
        </p>
      ) : null}
      <div className="player__controls">
        <button
          type="button"
          className="button button--primary player__play"
          onClick={controls.playPause}
          data-testid="player-play"
          aria-label={playing ? t('audits.form.pause') : t('audits.form.play')}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          <span>{playing ? t('audits.form.pause') : t('audits.form.play')}</span>
        </button>
        <button type="button" className="button button--small" onClick={() => controls.seekBy(-5)}>
          {t('audits.form.back5')}
        </button>
        <button type="button" className="button button--small" onClick={() => controls.seekBy(5)}>
          {t('audits.form.forward5')}
        </button>
        <label className="player__speed">
          <span>{t('audits.form.speed')}</span>
          <select
            className="select"
            value={speed}
            onChange={(e) => {
              controls.setSpeed(Number(e.target.value));
            }}
            data-testid="player-speed"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="player__clock num" data-testid="player-clock">
          {clockTime(time)} / {duration === null ? '–:––' : clockTime(duration)}
        </span>
      </div>
      <div
        className="player__bar"
        role="slider"
        aria-label={t('audits.form.recording')}
        aria-valuemin={0}
        aria-valuemax={Math.round(duration ?? 0)}
        aria-valuenow={Math.round(time)}
        tabIndex={-1}
        onClick={(e) => {
          if (!duration) return;
          const box = e.currentTarget.getBoundingClientRect();
          controls.seekTo(((e.clientX - box.left) / box.width) * duration);
        }}
      >
        <div className="player__fill" style={{ width: `${progress * 100}%` }} />
      </div>
    </div>
  );
}

/** Why nothing plays, in the UI's language, with the path the stored reference names when missing. */
function RecordingProblem({ found, t }: { found: RecordingFound; t: Translate }) {
  return (
    <p className="player__problem" role="alert" data-testid="player-problem" data-problem={found.problem}>
      {t(`recordings.problem.${found.problem ?? 'not_found'}`)}
      {found.lookedFor ? (
        <>
          {' '}
          <code className="path">{found.lookedFor}</code>
        </>
      ) : null}{' '}
      {found.problem === 'no_folder' || found.problem === 'not_found' ? (
        <a href="#/settings">{t('recordings.goSettings')}</a>
      ) : null}
    </p>
  );
}
