/**
 * One audit: the recording and notes on the left, the scorecard on the right, everything on the
 * keyboard. Answers and notes autosave as a draft (stored in the workspace, so a restart loses
 * nothing); submit asks the server to score them with the audit's scorecard version.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AuditDetail, AuditNote, ItemComments } from '../../../src-shared/api';
import { allItems, scoreAudit, type AnswerValue, type Answers } from '../../../src-shared/scorecard';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { agentHref, routeHref } from '../../hooks/useHashRoute';
import { useFormat, useT } from '../../i18n/language';
import { CalibrationPanel } from './CalibrationPanel';
import { AuditNotes } from './AuditNotes';
import { playerControls, RecordingPlayer } from './RecordingPlayer';
import { AuditComment } from './AuditComment';
import { AuditResponsePanel } from './AuditResponsePanel';
import { PassBadge } from './PassBadge';
import { ScorecardForm } from './ScorecardForm';
import { useDraftAutosave, type SaveState } from './useDraftAutosave';
import { isTypingTarget, shortcutFor } from './shortcuts';
import { visibleName } from '../../../src-shared/visible-text';
import { useMayCall } from '../../stores/auth';

export function AuditFormPage({ auditId }: { auditId: number }) {
  const t = useT();
  const query = useApiQuery('audits.get', { auditId });
  // The submitted answer replaces the draft; the form seeds its state from `detail` once (per
  // audit and status), so a reload on window focus never overwrites what is being typed.
  const [submitted, setSubmitted] = useState<AuditDetail | null>(null);
  const detail = (submitted?.id === auditId ? submitted : null) ?? query.data ?? null;

  return (
    <div className="page page--audit">
      <a href={routeHref('audits')} className="agent-header__back" data-testid="audit-back">
        <span aria-hidden="true">←</span> {t('audits.form.back')}
      </a>
      {query.error && !detail ? <ErrorMessage error={query.error} onRetry={query.reload} /> : null}
      {detail ? (
        <AuditForm
          key={`${detail.id}/${detail.status}/${detail.response?.state ?? ''}`}
          detail={detail}
          onSubmitted={setSubmitted}
        />
      ) : query.error ? null : (
        <SkeletonBlock lines={8} lineHeight={20} />
      )}
    </div>
  );
}

function AuditForm({ detail, onSubmitted }: { detail: AuditDetail; onSubmitted(d: AuditDetail): void }) {
  const t = useT();
  const f = useFormat();
  const card = detail.scorecard.definition;
  const items = useMemo(() => allItems(card), [card]);
  // A role that may not score (a manager, an agent) reads a draft as it stands.
  const may = useMayCall();
  const mayScore = may('audits.submit');
  const readOnly = detail.status === 'submitted' || !mayScore;
  // Answering a dispute with a revised score opens the submitted scorecard again (not autosaved:
  // the answer sends the new answers).
  const [revising, setRevising] = useState(false);
  const locked = readOnly && !revising;
  const [answers, setAnswers] = useState<Answers>(detail.answers);
  const [notes, setNotes] = useState<AuditNote[]>(detail.notes);
  const [comment, setComment] = useState(detail.comment);
  const [itemComments, setItemComments] = useState<ItemComments>(detail.itemComments);
  // Submitting with items unanswered asks first (how many, and what happens to them).
  const [confirmingUnanswered, setConfirmingUnanswered] = useState(false);
  const [focused, setFocusedState] = useState(() => {
    const firstOpen = items.findIndex((i) => detail.answers[i.key] === undefined);
    return firstOpen < 0 ? 0 : firstOpen;
  });
  // The focused item as of the last key, not of the last render: keys typed faster than React
  // renders (a quick reviewer, a loaded machine) each move on from the one before, instead of
  // answering the same item twice and leaving the next one open.
  const focusedNow = useRef(focused);
  const setFocused = useCallback((next: number | ((current: number) => number)) => {
    const value = typeof next === 'function' ? next(focusedNow.current) : next;
    focusedNow.current = value;
    setFocusedState(value);
  }, []);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiCallError | null>(null);
  // The element in state (a callback ref), so controls and notes follow it when it mounts.
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const controls = useMemo(() => playerControls(() => audio), [audio]);
  const live = scoreAudit(card, answers);
  const answered = items.length - live.missing.length;

  // Autosave: a moment after the last change, the whole draft (answers and notes) is written.
  const [changed, setChanged] = useState(false);
  const save = useDraftAutosave(
    { auditId: detail.id, answers: answers as Record<string, AnswerValue>, notes, comment, itemComments },
    !readOnly,
    changed,
  );

  const answer = useCallback(
    (key: string, value: AnswerValue) => {
      const item = items.find((i) => i.key === key);
      if (locked || !item) return;
      if (value === 'na' && !item.allowNA) return;
      if (item.type === 'yesno' ? /^[1-5]$/.test(value) : value === 'yes' || value === 'no') return;
      setChanged(true);
      setAnswers((a) => ({ ...a, [key]: value }));
      const index = items.indexOf(item);
      setFocused(Math.min(items.length - 1, index + 1));
    },
    [items, locked, setFocused],
  );
  const changeNotes = (next: AuditNote[]) => {
    setChanged(true);
    setNotes(next);
  };
  const changeComment = (text: string) => {
    setChanged(true);
    setComment(text);
  };
  const changeItemComment = (key: string, text: string) => {
    setChanged(true);
    setItemComments((c) => ({ ...c, [key]: text }));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const action = shortcutFor(e.key);
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'move') setFocused((i) => Math.min(items.length - 1, Math.max(0, i + action.by)));
      else if (action.kind === 'answer') {
        const item = items[focusedNow.current];
        if (item) answer(item.key, action.value);
      } else if (action.kind === 'playPause') controls.playPause();
      else if (action.kind === 'seek') controls.seekBy(action.by);
      else controls.changeSpeed(action.by);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, answer, controls, setFocused]);

  const submit = async (allowUnanswered: boolean) => {
    if (live.missing.length > 0 && !allowUnanswered) {
      setConfirmingUnanswered(true);
      return;
    }
    setConfirmingUnanswered(false);
    setSubmitting(true);
    setSubmitError(null);
    try {
      const done = await call('audits.submit', {
        auditId: detail.id,
        answers: answers as Record<string, AnswerValue>,
        notes,
        comment,
        itemComments,
        allowUnanswered,
      });
      onSubmitted(done);
    } catch (err) {
      setSubmitError(toApiCallError(err));
      setSubmitting(false);
    }
  };

  const score = locked ? detail.score : live.percent;
  const failed = locked ? detail.failed : live.failed;
  const revise = (on: boolean) => {
    setRevising(on);
    if (!on) setAnswers(detail.answers);
  };
  return (
    <>
      <header className="audit-header">
        <h1 className="page__title">
          {t('audits.form.title', { agent: visibleName(detail.call.agentName) })}
        </h1>
        {detail.calibrationId !== null ? (
          <p className="audit-calibration-label" data-testid="calibration-label">
            {t('audits.calibration.blindForm')}
          </p>
        ) : null}
        <p className="audit-header__facts">
          <a href={agentHref(detail.call.agentId)}>{visibleName(detail.call.agentName)}</a>
          <span>{f.dateTime(detail.call.startedAt)}</span>
          <span>{f.duration(detail.call.talkSeconds)}</span>
          {detail.call.phoneLast4 ? <span>···{detail.call.phoneLast4}</span> : null}
          {detail.call.isSale ? <span className="badge badge--done">{t('audits.stratum.sale')}</span> : null}
          <span className="muted">
            {detail.scorecard.name} · {t('audits.version', { version: detail.scorecard.version })}
          </span>
        </p>
      </header>
      <div className="audit-layout">
        <div className="audit-layout__side">
          <section className="panel audit-panel">
            <h2 className="panel__title">{t('audits.form.recording')}</h2>
            <RecordingPlayer callId={detail.call.id} audio={audio} audioRef={setAudio} controls={controls} />
            <p className="audit-help" data-testid="audit-help">
              {t('audits.form.help')}
            </p>
          </section>
          <AuditNotes
            notes={notes}
            readOnly={readOnly}
            audio={audio}
            controls={controls}
            onChange={changeNotes}
          />
          <AuditComment comment={comment} readOnly={readOnly} onChange={changeComment} />
        </div>
        <div className="audit-layout__main panel">
          <div
            className="audit-score"
            data-testid="audit-score"
            data-score={score ?? ''}
            data-failed={failed}
          >
            <div>
              <span className="audit-score__label">{t('audits.form.score')}</span>
              <span className={failed ? 'audit-score__value is-bad' : 'audit-score__value'}>
                {score === null ? '—' : f.percent(score / 100)}
              </span>
              {locked || live.missing.length === 0 ? <PassBadge score={score} failed={failed} /> : null}
            </div>
            <span className="muted">{t('audits.form.answered', { answered, total: items.length })}</span>
            {!mayScore && detail.status !== 'submitted' ? (
              <span className="badge">{t('audits.status.draft')}</span>
            ) : readOnly ? (
              <>
                <span className="muted" data-testid="audit-submitted">
                  {t('audits.form.submitted', {
                    reviewer: detail.reviewer,
                    time: detail.submittedAt ? f.dateTime(detail.submittedAt) : '',
                  })}
                  {/* a team workspace: the login that submitted it, beside the name typed as reviewer */}
                  {detail.submittedBy ? ` ${t('activity.asLogin', { login: detail.submittedBy })}` : null}
                </span>
                {detail.calibrationId === null && may('calibrations.create') ? (
                  <CalibrateButton detail={detail} />
                ) : null}
              </>
            ) : (
              <>
                <SaveStatus state={save} />
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void submit(false)}
                  disabled={submitting || answered === 0}
                  data-testid="audit-submit"
                >
                  {submitting ? t('audits.form.submitting') : t('audits.form.submit')}
                </button>
              </>
            )}
          </div>
          {live.criticalFails.length > 0 ? (
            <p className="audit-critical" role="status">
              {t('audits.form.criticalFail')}
            </p>
          ) : null}
          {detail.response ? (
            <AuditResponsePanel
              detail={detail}
              response={detail.response}
              answers={answers}
              revising={revising}
              onRevising={revise}
              onChanged={onSubmitted}
            />
          ) : null}
          {confirmingUnanswered && !readOnly ? (
            <div className="audit-confirm" role="alertdialog" data-testid="audit-unanswered-confirm">
              <span>
                {t('audits.form.unansweredConfirm', { count: live.missing.length, total: items.length })}
              </span>
              <button
                type="button"
                className="button button--primary button--small"
                onClick={() => void submit(true)}
                data-testid="audit-submit-anyway"
              >
                {t('audits.form.submitAnyway')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setConfirmingUnanswered(false);
                  const first = items.findIndex((i) => answers[i.key] === undefined);
                  if (first >= 0) setFocused(first);
                }}
                data-testid="audit-keep-scoring"
              >
                {t('audits.form.keepScoring')}
              </button>
            </div>
          ) : null}
          {submitError ? <ErrorMessage error={submitError} compact /> : null}
          <ScorecardForm
            card={card}
            answers={answers}
            focused={focused}
            readOnly={locked}
            commentsReadOnly={readOnly}
            onFocus={setFocused}
            onAnswer={answer}
            comments={itemComments}
            onComment={changeItemComment}
          />
        </div>
      </div>
      {/* Full width: one column per reviewer. */}
      {detail.calibrationId !== null && may('calibrations.report') ? (
        <CalibrationPanel calibrationId={detail.calibrationId} reviewer={detail.reviewer} />
      ) : null}
    </>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useT();
  const f = useFormat();
  if (state.kind === 'error') return <ErrorMessage error={state.error} compact />;
  return (
    <span className="muted audit-save" data-testid="audit-save" data-state={state.kind}>
      {state.kind === 'pending'
        ? t('audits.form.unsaved')
        : state.kind === 'saving'
          ? t('audits.form.saving')
          : state.kind === 'saved'
            ? t('audits.form.saved', { time: f.time(state.at) })
            : ''}
    </span>
  );
}

/** Starts a calibration of this call with this audit's scorecard version; reviewers join from the Audits page. */
function CalibrateButton({ detail }: { detail: AuditDetail }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'created' | ApiCallError>('idle');
  if (state === 'created') return <span role="status">{t('audits.calibration.created')}</span>;
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          void call('calibrations.create', {
            callId: detail.call.id,
            versionId: detail.scorecard.versionId,
          }).then(
            () => setState('created'),
            (err: unknown) => setState(toApiCallError(err)),
          )
        }
      >
        {t('audits.calibrate')}
      </button>
      {state !== 'idle' ? <ErrorMessage error={state} compact /> : null}
    </>
  );
}
