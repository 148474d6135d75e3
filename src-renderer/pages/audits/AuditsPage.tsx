/**
 * The Audits page (质检): who is reviewing, this week's spot-check list (drawn fairly, reproducible
 * from its seed), the agents still short of audits, and the workspace's scorecards.
 */
import { useState, type FormEvent } from 'react';
import type { Sample, SampleCall, ScorecardVersion } from '../../../src-shared/api';
import { presetRange } from '../../../src-shared/periods';
import { addDays, weekdayOf } from '../../../src-shared/time';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { RecordingIcon } from '../../components/RecordingIcon';
import { useApiQuery } from '../../hooks/useApiQuery';
import { agentHref, auditHref } from '../../hooks/useHashRoute';
import { useFormat, useLanguage, useT } from '../../i18n/language';
import { useAuth, useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { AgentAudits } from './AgentAudits';
import { useReviewer } from './reviewer';
import { CalibrationsPanel } from './CalibrationsPanel';
import { DisputesPanel } from './DisputesPanel';
import { useEditorTarget } from './editor-route';
import { QaAnalyticsPanel } from './QaAnalyticsPanel';
import { ScorecardEditor } from './ScorecardEditor';
import { ScorecardsPanel } from './ScorecardsPanel';
import { PassBadge } from './PassBadge';
import { visibleName } from '../../../src-shared/visible-text';

export function AuditsPage() {
  const t = useT();
  const info = useWorkspace((s) => s.info);
  const language = useLanguage();
  const [reviewer, setReviewer] = useReviewer();
  const scorecards = useApiQuery('scorecards.list', { language });
  const [versionId, setVersionId] = useState<number | null>(null);
  // Each part shows to the roles that may make its call: an agent sees their own audits and
  // disputes, a manager reads the lists without the reviewer's buttons.
  const may = useMayCall();
  const ownAgentId = useAuth((s) => s.state?.user?.agentId ?? null);
  const sample = useApiQuery('audits.sample', may('audits.sample') ? {} : null);
  const editorTarget = useEditorTarget();
  const [saved, setSaved] = useState<ScorecardVersion | null>(null);
  if (!info) return null;
  const cards = scorecards.data ?? [];
  if (editorTarget && scorecards.data && may('scorecards.save'))
    return (
      <ScorecardEditor
        key={editorTarget.kind === 'new' ? 'new' : editorTarget.scorecardId}
        target={editorTarget}
        cards={cards}
        onClose={(version) => {
          setSaved(version);
          if (version) {
            // The new version is what the next audits use.
            setVersionId(version.versionId);
            scorecards.reload();
          }
          window.location.hash = '/audits';
        }}
      />
    );
  const chosen = cards.find((c) => c.versionId === versionId) ?? cards[0] ?? null;

  return (
    <div className="page page--audits">
      <header className="page__header">
        <h1 className="page__title">{t('audits.title')}</h1>
        {/* the lead says how to draw and score a list: for who may */}
        {may('audits.buildSample') ? <p className="page__lead">{t('audits.lead')}</p> : null}
      </header>
      {ownAgentId !== null ? <AgentAudits filter={lastYear(ownAgentId, info.today)} /> : null}
      {may('audits.open') ? (
        <div className="audits-toolbar panel">
          <Field label={t('audits.reviewer')}>
            <input
              className="input"
              value={reviewer}
              maxLength={60}
              onChange={(e) => setReviewer(e.target.value)}
              data-testid="audits-reviewer"
            />
            <span className="field__hint">{t('audits.reviewerHint')}</span>
          </Field>
          <Field label={t('audits.scorecard')}>
            <select
              className="select"
              value={chosen?.versionId ?? ''}
              onChange={(e) => setVersionId(Number(e.target.value))}
              data-testid="audits-scorecard"
            >
              {cards.map((c) => (
                <option key={c.versionId} value={c.versionId}>
                  {c.name} · {t('audits.version', { version: c.version })}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      {/* Keyed by the list: the builder starts from the last list's period, size and seed. It waits
          for the first answer: fields typed into a builder drawn before would be wiped by its
          remount when the last list arrives. */}
      {may('audits.buildSample') && (sample.data !== undefined || sample.error) ? (
        <SampleBuilder
          key={sample.data?.id ?? 'new'}
          today={info.today}
          shortSaleSeconds={info.settings.shortSaleSeconds}
          last={sample.data ?? null}
          onBuilt={sample.reload}
        />
      ) : null}
      {sample.error ? <ErrorMessage error={sample.error} onRetry={sample.reload} /> : null}
      {sample.data === null ? (
        <EmptyState size="panel" title={t('audits.sample.title')} testId="audits-sample-empty">
          <p>{t('audits.sample.empty')}</p>
        </EmptyState>
      ) : sample.data ? (
        <div className="audits-grid">
          <SampleList sample={sample.data} reviewer={reviewer.trim()} scorecard={chosen} />
          <BelowMinimum sample={sample.data} />
        </div>
      ) : null}
      <DisputesPanel />
      {may('audits.analytics') ? <QaAnalyticsPanel /> : null}
      <div className="audits-grid audits-grid--even">
        <ScorecardsPanel cards={cards} saved={saved} onImported={scorecards.reload} />
        {may('calibrations.list') ? <CalibrationsPanel reviewer={reviewer.trim()} /> : null}
      </div>
    </div>
  );
}

/** An agent's own audits of the last twelve months. */
function lastYear(agentId: number, today: string) {
  return { from: addDays(today, -365), to: today, agentId };
}

function defaultPeriod(today: string) {
  // On a Monday "this week" is one day old: the list to build is last week's.
  return presetRange(weekdayOf(today) === 1 ? 'lastWeek' : 'thisWeek', today);
}

function SampleBuilder({
  today,
  shortSaleSeconds,
  last,
  onBuilt,
}: {
  today: string;
  shortSaleSeconds: number;
  last: Sample | null;
  onBuilt: () => void;
}) {
  const t = useT();
  const [period, setPeriod] = useState(() =>
    last ? { from: last.from, to: last.to } : defaultPeriod(today),
  );
  const [perAgent, setPerAgent] = useState(last?.perAgent ?? 3);
  const [minimum, setMinimum] = useState(last?.minimum ?? 3);
  const [seed, setSeed] = useState(() => last?.seed ?? Number(today.replace(/-/g, '')) % 100000);
  const [strata, setStrata] = useState(last?.strata ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('audits.buildSample', { ...period, perAgent, seed, strata, minimum });
      onBuilt();
    } catch (err) {
      setError(toApiCallError(err));
    } finally {
      setBusy(false);
    }
  };
  const numberInput = (value: number, set: (n: number) => void, min: number, max: number, testId: string) => (
    <input
      className="input input--narrow"
      type="number"
      min={min}
      max={max}
      value={value}
      onChange={(e) => set(Math.min(max, Math.max(min, Math.round(Number(e.target.value) || 0))))}
      data-testid={testId}
    />
  );

  return (
    <form className="panel audits-builder" onSubmit={(e) => void submit(e)} data-testid="sample-builder">
      <div className="audits-builder__fields">
        <Field label={t('audits.sample.from')}>
          <input
            className="input"
            type="date"
            value={period.from}
            max={period.to}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, from: e.target.value }))}
            data-testid="sample-from"
          />
        </Field>
        <Field label={t('audits.sample.to')}>
          <input
            className="input"
            type="date"
            value={period.to}
            min={period.from}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, to: e.target.value }))}
            data-testid="sample-to"
          />
        </Field>
        <Field label={t('audits.sample.perAgent')}>
          {numberInput(perAgent, setPerAgent, 1, 50, 'sample-per-agent')}
        </Field>
        <Field label={t('audits.sample.minimum')}>
          {numberInput(minimum, setMinimum, 0, 100, 'sample-minimum')}
        </Field>
        <label className="field" title={t('audits.sample.seedHint')}>
          <span className="field__label">{t('audits.sample.seed')}</span>
          {numberInput(seed, setSeed, 0, 2 ** 31 - 1, 'sample-seed')}
        </label>
        <label className="checkbox audits-builder__strata">
          <input type="checkbox" checked={strata} onChange={(e) => setStrata(e.target.checked)} />
          <span>{t('audits.sample.strata', { seconds: shortSaleSeconds })}</span>
        </label>
        <button className="button button--primary" type="submit" disabled={busy} data-testid="sample-build">
          {busy ? t('audits.sample.building') : t('audits.sample.build')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} compact /> : null}
    </form>
  );
}

function SampleList({
  sample,
  reviewer,
  scorecard,
}: {
  sample: Sample;
  reviewer: string;
  scorecard: ScorecardVersion | null;
}) {
  const t = useT();
  const f = useFormat();
  const agents = new Set(sample.calls.map((c) => c.agentId)).size;
  return (
    <Panel
      title={t('audits.sample.title')}
      subtitle={t('audits.sample.summary', {
        calls: sample.calls.length,
        agents,
        from: f.shortDay(sample.from),
        to: f.shortDay(sample.to),
        seed: sample.seed,
      })}
      className="audits-sample"
      testId="audits-sample"
    >
      {sample.calls.length === 0 ? (
        <p className="muted">{t('audits.sample.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table audits-sample__table">
            <thead>
              <tr>
                <th>{t('audits.sample.agent')}</th>
                <th>{t('audits.sample.time')}</th>
                <th className="num">{t('audits.sample.talk')}</th>
                <th>{t('audits.sample.why')}</th>
                <th>{t('audits.sample.status')}</th>
                <th aria-label={t('audits.sample.open')} />
              </tr>
            </thead>
            <tbody>
              {sample.calls.map((c) => (
                <SampleRow key={c.callId} call={c} reviewer={reviewer} scorecard={scorecard} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function SampleRow({
  call: c,
  reviewer,
  scorecard,
}: {
  call: SampleCall;
  reviewer: string;
  scorecard: ScorecardVersion | null;
}) {
  const t = useT();
  const f = useFormat();
  const [error, setError] = useState<ApiCallError | null>(null);
  const open = async () => {
    if (c.audit) {
      window.location.hash = auditHref(c.audit.id).slice(1);
      return;
    }
    if (!scorecard) return;
    try {
      const audit = await call('audits.open', { callId: c.callId, versionId: scorecard.versionId, reviewer });
      window.location.hash = auditHref(audit.id).slice(1);
    } catch (err) {
      setError(toApiCallError(err));
    }
  };
  const status = c.audit === null ? 'todo' : c.audit.status;
  const mayOpen = useMayCall()('audits.open');
  return (
    <tr data-testid="sample-row" data-call-id={c.callId} data-status={status}>
      <td>
        <a href={agentHref(c.agentId)}>{visibleName(c.agentName)}</a>
      </td>
      <td className="nowrap">{f.dateTime(c.startedAt)}</td>
      <td className="num">{f.duration(c.talkSeconds)}</td>
      <td>
        <span className={`stratum stratum--${c.stratum}`}>{t(`audits.stratum.${c.stratum}`)}</span>
        {c.isSale && c.stratum !== 'sale' && c.stratum !== 'short_sale' ? (
          <span className="muted"> · {t('audits.stratum.sale')}</span>
        ) : null}
        {c.hasRecording ? (
          <>
            {' '}
            <RecordingIcon label={t('recordings.has')} />
          </>
        ) : (
          <span className="muted"> · {t('audits.sample.noRecording')}</span>
        )}
      </td>
      <td className="nowrap">
        {c.audit?.status === 'submitted' ? (
          <>
            <span className={c.audit.failed ? 'is-bad' : undefined}>
              {c.audit.score === null ? '—' : f.percent(c.audit.score / 100)}
            </span>{' '}
            <PassBadge score={c.audit.score} failed={c.audit.failed} />
          </>
        ) : (
          <span className={status === 'draft' ? 'badge badge--running' : 'badge'}>
            {t(`audits.status.${status}`)}
          </span>
        )}
        {error ? <ErrorMessage error={error} compact /> : null}
      </td>
      <td className="num">
        {c.audit === null && !mayOpen ? null : (
          <button
            type="button"
            className="button button--small"
            onClick={() => void open()}
            disabled={c.audit === null && (reviewer === '' || scorecard === null)}
            title={reviewer === '' ? t('audits.reviewerHint') : undefined}
            data-testid="sample-open"
          >
            {c.audit === null
              ? t('audits.sample.open')
              : c.audit.status === 'draft'
                ? t('audits.sample.continue')
                : t('audits.sample.view')}
          </button>
        )}
      </td>
    </tr>
  );
}

function BelowMinimum({ sample }: { sample: Sample }) {
  const t = useT();
  return (
    <Panel title={t('audits.below.title')} className="audits-below" testId="audits-below">
      {sample.belowMinimum.length === 0 ? (
        <p className="muted">{t('audits.below.none')}</p>
      ) : (
        <ul className="audits-below__list">
          {sample.belowMinimum.map((b) => (
            <li key={b.agentId} data-testid="below-row" data-agent-id={b.agentId} data-audits={b.audits}>
              <a href={agentHref(b.agentId)}>{visibleName(b.agentName)}</a>
              <span className="audits-below__count">
                {b.audits} / {b.minimum}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
