/**
 * The training log of the month: date, topic, attendees (agents), optional hours and notes. What an
 * agent attended shows beside their learning rating in the grid above.
 */
import { useState } from 'react';
import type { TrainingSessionRow } from '../../../src-shared/api';
import { monthRange } from '../../../src-shared/targets-calendar';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { SkeletonBlock } from '../../components/Skeleton';
import { useLanguage, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';

interface Draft {
  id?: number;
  day: string;
  topic: string;
  hours: string;
  notes: string;
  attendees: number[];
}

function blankDraft(month: string, today: string | undefined): Draft {
  const { from, to } = monthRange(month);
  const day = today && today >= from && today <= to ? today : from;
  return { day, topic: '', hours: '', notes: '', attendees: [] };
}

export function TrainingLog({
  month,
  sessions,
  teamId,
}: {
  month: string;
  sessions: TrainingSessionRow[] | undefined;
  teamId: number | undefined;
}) {
  const t = useT();
  const language = useLanguage();
  const today = useWorkspace((s) => s.info?.today);
  const agents = useWorkspace((s) => s.agents);
  const refresh = useWorkspace((s) => s.refresh);
  const [draft, setDraft] = useState<Draft>(() => blankDraft(month, today));
  const [error, setError] = useState<string | null>(null);
  const { from, to } = monthRange(month);
  const shown = agents.filter((a) => a.active && (teamId === undefined || a.teamId === teamId));
  const nameOf = (id: number) => {
    const a = agents.find((x) => x.id === id);
    return a?.name ?? a?.code ?? String(id);
  };
  const hours = draft.hours.trim() === '' ? null : Number(draft.hours);
  const valid =
    draft.topic.trim() !== '' &&
    draft.attendees.length > 0 &&
    /^\d{4}-\d{2}-\d{2}$/.test(draft.day) &&
    (hours === null || (Number.isFinite(hours) && hours >= 0 && hours <= 24));
  const toggle = (id: number, on: boolean) =>
    setDraft((d) => ({
      ...d,
      attendees: on ? [...new Set([...d.attendees, id])] : d.attendees.filter((a) => a !== id),
    }));
  const allShown = shown.length > 0 && shown.every((a) => draft.attendees.includes(a.id));

  const save = async () => {
    setError(null);
    try {
      await call('ratings.saveTraining', {
        ...(draft.id !== undefined ? { id: draft.id } : {}),
        day: draft.day,
        topic: draft.topic.trim(),
        hours,
        notes: draft.notes.trim() || null,
        attendees: draft.attendees,
      });
      setDraft(blankDraft(month, today));
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async (id: number) => {
    await call('ratings.deleteTraining', { id });
    if (draft.id === id) setDraft(blankDraft(month, today));
    await refresh();
  };

  // A role that may not log trainings (a manager) reads the log.
  const mayWrite = useMayCall()('ratings.saveTraining');
  return (
    <Panel
      title={t('targets.training.title', { month })}
      subtitle={t('targets.training.hint')}
      testId="training-panel"
    >
      {mayWrite ? (
        <form
          className="training-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) void save();
          }}
        >
          <div className="targets-toolbar">
            <Field label={t('targets.training.day')}>
              <input
                className="input"
                type="date"
                min={from}
                max={to}
                value={draft.day}
                onChange={(e) => setDraft((d) => ({ ...d, day: e.target.value }))}
                data-testid="training-day"
              />
            </Field>
            <Field label={t('targets.training.topic')} className="training-form__topic">
              <input
                className="input"
                value={draft.topic}
                maxLength={120}
                onChange={(e) => setDraft((d) => ({ ...d, topic: e.target.value }))}
                data-testid="training-topic"
              />
            </Field>
            <Field label={t('targets.training.hours')}>
              <input
                className="input input--narrow"
                inputMode="decimal"
                value={draft.hours}
                onChange={(e) => setDraft((d) => ({ ...d, hours: e.target.value }))}
                data-testid="training-hours"
              />
            </Field>
            <Field label={t('targets.training.notes')} className="training-form__notes">
              <input
                className="input"
                value={draft.notes}
                maxLength={500}
                onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))}
                data-testid="training-notes"
              />
            </Field>
          </div>
          <fieldset className="training-form__attendees" data-testid="training-attendees">
            <legend className="field__label">
              {t('targets.training.attendees')} ·{' '}
              {t('targets.training.attendeeCount', { count: draft.attendees.length })}
            </legend>
            <label className="training-form__agent training-form__all">
              <input
                type="checkbox"
                checked={allShown}
                onChange={(e) => shown.forEach((a) => toggle(a.id, e.target.checked))}
              />
              {t('targets.training.selectAll')}
            </label>
            {shown.map((a) => (
              <label key={a.id} className="training-form__agent">
                <input
                  type="checkbox"
                  checked={draft.attendees.includes(a.id)}
                  onChange={(e) => toggle(a.id, e.target.checked)}
                  data-testid={`attendee-${a.id}`}
                />
                {a.name ?? a.code}
              </label>
            ))}
          </fieldset>
          <div className="targets-toolbar">
            <button
              type="submit"
              className="button button--primary"
              disabled={!valid}
              data-testid="training-save"
            >
              {draft.id === undefined ? t('targets.training.add') : t('targets.training.update')}
            </button>
            {draft.id !== undefined ? (
              <button type="button" className="button" onClick={() => setDraft(blankDraft(month, today))}>
                {t('targets.training.cancel')}
              </button>
            ) : null}
            {error ? <span className="error-message error-message--compact">{error}</span> : null}
          </div>
        </form>
      ) : null}
      {sessions === undefined ? (
        <SkeletonBlock lines={3} lineHeight={18} />
      ) : sessions.length === 0 ? (
        <p className="field__hint">{t('targets.training.none', { month })}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table training-table" data-testid="training-table">
            <thead>
              <tr>
                <th scope="col">{t('targets.training.day')}</th>
                <th scope="col">{t('targets.training.topic')}</th>
                <th scope="col" className="num">
                  {t('targets.training.hours')}
                </th>
                <th scope="col">{t('targets.training.attendees')}</th>
                <th scope="col">{t('targets.training.notes')}</th>
                <th scope="col" aria-label={t('targets.training.edit')} />
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} data-session-id={s.id}>
                  <td>{s.day}</td>
                  <td>{s.topic}</td>
                  <td className="num">{s.hours ?? '—'}</td>
                  <td className="training-table__attendees">
                    {t('targets.training.attendeeList', {
                      count: s.attendees.length,
                      names: s.attendees.map(nameOf).join(language === 'zh-CN' ? '、' : ', '),
                    })}
                  </td>
                  <td>{s.notes ?? ''}</td>
                  <td className="training-table__actions">
                    {mayWrite ? (
                      <>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() =>
                            setDraft({
                              id: s.id,
                              day: s.day,
                              topic: s.topic,
                              hours: s.hours === null ? '' : String(s.hours),
                              notes: s.notes ?? '',
                              attendees: s.attendees,
                            })
                          }
                        >
                          {t('targets.training.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => void remove(s.id)}
                          data-testid={`training-delete-${s.id}`}
                        >
                          {t('targets.training.delete')}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
