/** Notes on the call; a note made while listening keeps its time and seeks there when clicked. */
import { useState, type FormEvent } from 'react';
import type { AuditNote } from '../../../src-shared/api';
import { useT } from '../../i18n/language';
import type { PlayerControls } from './RecordingPlayer';
import { clockTime } from './shortcuts';

interface AuditNotesProps {
  notes: AuditNote[];
  readOnly: boolean;
  audio: HTMLAudioElement | null;
  controls: PlayerControls;
  onChange(notes: AuditNote[]): void;
}

export function AuditNotes({ notes, readOnly, audio, controls, onChange }: AuditNotesProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [, setTick] = useState(0);
  const position = audio && audio.currentTime > 0 ? audio.currentTime : null;

  const add = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    const offset = audio && audio.currentTime > 0 ? Math.round(audio.currentTime * 10) / 10 : null;
    onChange([...notes, { offsetSeconds: offset, text: trimmed }]);
    setText('');
  };

  return (
    <section className="panel audit-panel audit-notes" data-testid="audit-notes">
      <h2 className="panel__title">{t('audits.form.notes')}</h2>
      {notes.length === 0 ? <p className="muted">{t('audits.form.noNotes')}</p> : null}
      <ul className="audit-notes__list">
        {notes.map((note, i) => (
          <li key={i} className="audit-notes__note" data-testid="audit-note">
            {note.offsetSeconds !== null ? (
              <button
                type="button"
                className="link-button audit-notes__time num"
                onClick={() => controls.seekTo(note.offsetSeconds ?? 0)}
                data-testid="audit-note-seek"
                data-offset={note.offsetSeconds}
              >
                {clockTime(note.offsetSeconds)}
              </button>
            ) : null}
            <span className="audit-notes__text">{note.text}</span>
            {readOnly ? null : (
              <button
                type="button"
                className="link-button audit-notes__remove"
                onClick={() => onChange(notes.filter((_, j) => j !== i))}
              >
                {t('audits.form.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <form className="audit-notes__add" onSubmit={add}>
          <input
            className="input"
            value={text}
            maxLength={2000}
            placeholder={t('audits.form.notePlaceholder')}
            onChange={(e) => setText(e.target.value)}
            // Refresh the button's time when the reviewer starts typing.
            onFocus={() => setTick((n) => n + 1)}
            data-testid="audit-note-input"
          />
          <button
            type="submit"
            className="button button--small"
            disabled={text.trim() === ''}
            data-testid="audit-note-add"
          >
            {position === null
              ? t('audits.form.addGeneralNote')
              : t('audits.form.addNote', { time: clockTime(position) })}
          </button>
        </form>
      )}
    </section>
  );
}
