/**
 * Behaviour ratings of the month: a grid of agents × dimensions where the lead types a score 1–5
 * and a short reason (keyboard first: digits, Tab to the reason, ↑ ↓ / Enter to the agent above or
 * below). The same grid takes a self-rating or a peer's rating; whichever is being entered, the
 * other raters' scores stand beside it. The training log of the month sits below.
 */
import { useState, type KeyboardEvent } from 'react';
import type { AgentRatingsRow, Output, RatingEntryRow, TrainingSessionRow } from '../../../src-shared/api';
import { RATING_DIMENSIONS, type RaterKind, type RatingDimension } from '../../../src-shared/ratings';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Segmented } from '../../components/Segmented';
import { SkeletonBlock } from '../../components/Skeleton';
import { TeamSelect } from '../../components/TeamSelect';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT, type Translate } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { TrainingLog } from './TrainingLog';
import { agentLabel, codeWorthShowing } from '../../../src-shared/agent-label';

const KINDS: readonly RaterKind[] = ['lead', 'self', 'peer'];

export function RatingsSection({ month }: { month: string }) {
  const t = useT();
  const teams = useWorkspace((s) => s.teams);
  const agents = useWorkspace((s) => s.agents);
  const [teamId, setTeamId] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<RaterKind>('lead');
  const [peerId, setPeerId] = useState<number | null>(null);
  const data = useApiQuery('ratings.month', teamId === undefined ? { month } : { month, teamId });
  const listed = data.data?.agents ?? [];
  return (
    <div className="ratings">
      <Panel title={t('targets.ratings.title', { month })} testId="ratings-panel">
        <div className="targets-toolbar ratings-toolbar">
          <TeamSelect
            label={t('targets.ratings.team')}
            teams={teams}
            value={teamId ?? null}
            onChange={(id) => setTeamId(id ?? undefined)}
            allLabel={t('targets.ratings.allTeams')}
            selectClassName="input"
            testId="ratings-team"
          />
          <div className="field">
            <span className="field__label">{t('targets.ratings.ratingAs')}</span>
            <Segmented
              kind="radio"
              options={KINDS}
              value={kind}
              onChange={setKind}
              labelOf={(k) => t(`targets.ratings.kind.${k}`)}
              label={t('targets.ratings.ratingAs')}
              testIdOf={(k) => `ratings-kind-${k}`}
            />
          </div>
          {kind === 'peer' ? (
            <Field label={t('targets.ratings.peerRater')}>
              <select
                className="input"
                value={peerId ?? ''}
                onChange={(e) => setPeerId(e.target.value ? Number(e.target.value) : null)}
                data-testid="ratings-peer"
              >
                <option value="">{t('targets.ratings.choosePeer')}</option>
                {listed.map((r) => {
                  const a = agents.find((x) => x.id === r.agentId);
                  return (
                    <option key={r.agentId} value={r.agentId}>
                      {a ? agentLabel(a) : ''}
                    </option>
                  );
                })}
              </select>
            </Field>
          ) : null}
        </div>
        <p className="field__hint ratings-hint">{t('targets.ratings.hint')}</p>
        <QueryView query={data} skeleton={<SkeletonBlock lines={8} lineHeight={22} />}>
          {(d) =>
            kind === 'peer' && peerId === null ? (
              <p className="field__hint">{t('targets.ratings.choosePeer')}</p>
            ) : (
              // Keyed by the ratings this grid edits: after its own save it starts from what was
              // stored, but another rater's ratings arriving (the re-read after the self-rating's
              // save) do not remount it and wipe what is being typed.
              <RatingsGrid
                key={`${kind}:${peerId}:${JSON.stringify([...initialCells(d.entries, kind, peerId)])}`}
                data={d}
                month={month}
                kind={kind}
                peerId={peerId}
                t={t}
              />
            )
          }
        </QueryView>
      </Panel>
      {/* Keyed by month: a half-typed training of another month starts again in this one. */}
      <TrainingLog key={month} month={month} sessions={data.data?.sessions} teamId={teamId} />
    </div>
  );
}

interface Cell {
  score: string;
  reason: string;
}

const cellKey = (agentId: number, d: RatingDimension) => `${agentId}:${d}`;

function raterIdOf(kind: RaterKind, agentId: number, peerId: number | null): number {
  return kind === 'lead' ? 0 : kind === 'self' ? agentId : (peerId ?? 0);
}

function initialCells(entries: RatingEntryRow[], kind: RaterKind, peerId: number | null): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const e of entries) {
    if (e.raterKind !== kind || e.raterId !== raterIdOf(kind, e.agentId, peerId)) continue;
    cells.set(cellKey(e.agentId, e.dimension), { score: String(e.score), reason: e.reason });
  }
  return cells;
}

const EMPTY: Cell = { score: '', reason: '' };
const validScore = (s: string) => s === '' || /^[1-5]$/.test(s);

/** Moves focus to the same field of the agent above or below (↑ ↓, Enter). */
function navigate(e: KeyboardEvent<HTMLInputElement>) {
  const step = e.key === 'ArrowDown' || e.key === 'Enter' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
  if (step === 0) return;
  const [row, col] = (e.currentTarget.dataset.nav ?? '').split(':');
  const next = document.querySelector<HTMLInputElement>(`[data-nav="${Number(row) + step}:${col}"]`);
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.select();
}

function RatingsGrid({
  data,
  month,
  kind,
  peerId,
  t,
}: {
  data: Output<'ratings.month'>;
  month: string;
  kind: RaterKind;
  peerId: number | null;
  t: Translate;
}) {
  const agents = useWorkspace((s) => s.agents);
  const refresh = useWorkspace((s) => s.refresh);
  const [saved] = useState(() => initialCells(data.entries, kind, peerId));
  const [cells, setCells] = useState(saved);
  const [saving, setSaving] = useState(false);
  // A role that may not rate (a manager) reads the month's ratings.
  const mayRate = useMayCall()('ratings.set');
  // A peer does not rate themself: that is a self-rating.
  const rows = data.agents.filter((r) => kind !== 'peer' || r.agentId !== peerId);
  if (rows.length === 0) return <p className="field__hint">{t('targets.ratings.noAgents')}</p>;

  const cellOf = (agentId: number, d: RatingDimension) => cells.get(cellKey(agentId, d)) ?? EMPTY;
  const update = (agentId: number, d: RatingDimension, patch: Partial<Cell>) =>
    setCells((prev) => new Map(prev).set(cellKey(agentId, d), { ...cellOf(agentId, d), ...patch }));
  const dirty = rows.flatMap((r) =>
    RATING_DIMENSIONS.filter((d) => {
      const now = cellOf(r.agentId, d);
      const before = saved.get(cellKey(r.agentId, d)) ?? EMPTY;
      return now.score !== before.score || now.reason.trim() !== before.reason;
    }).map((d) => ({ agentId: r.agentId, d })),
  );
  const invalid = rows.some((r) => RATING_DIMENSIONS.some((d) => !validScore(cellOf(r.agentId, d).score)));
  const missingReason = rows.reduce(
    (n, r) =>
      n +
      RATING_DIMENSIONS.filter(
        (d) => cellOf(r.agentId, d).score !== '' && !cellOf(r.agentId, d).reason.trim(),
      ).length,
    0,
  );
  const leadRated = data.agents.filter((r) => RATING_DIMENSIONS.some((d) => r.lead[d] !== null)).length;

  const save = async () => {
    setSaving(true);
    try {
      await call('ratings.set', {
        month,
        entries: dirty.map(({ agentId, d }) => {
          const c = cellOf(agentId, d);
          return {
            agentId,
            raterKind: kind,
            raterId: raterIdOf(kind, agentId, peerId),
            dimension: d,
            score: c.score === '' ? null : Number(c.score),
            reason: c.reason.trim(),
          };
        }),
      });
      await refresh();
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <div className="table-scroll">
        <table className="data-table ratings-table" data-testid="ratings-table">
          <thead>
            <tr>
              <th scope="col">{t('targets.plan.agent')}</th>
              {RATING_DIMENSIONS.map((d) => (
                <th key={d} scope="col" className="ratings-table__dim">
                  {t(`targets.ratings.dim.${d}`)}
                  <span className="ratings-table__dim-hint">{t(`targets.ratings.dimHint.${d}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const agent = agents.find((a) => a.id === r.agentId);
              const name = agent?.name ?? agent?.code ?? String(r.agentId);
              return (
                <tr key={r.agentId} data-agent-id={r.agentId}>
                  <th scope="row" className="ratings-table__agent">
                    {name}
                    {agent && codeWorthShowing(agent) ? (
                      <span className="ratings-table__code">{agent.code}</span>
                    ) : null}
                  </th>
                  {RATING_DIMENSIONS.map((d, j) => {
                    const c = cellOf(r.agentId, d);
                    const bad = !validScore(c.score);
                    const label = `${name} · ${t(`targets.ratings.dim.${d}`)}`;
                    return (
                      <td key={d} className="rating-cell">
                        <div className="rating-cell__line">
                          <input
                            className={
                              bad ? 'input rating-cell__score is-invalid' : 'input rating-cell__score'
                            }
                            inputMode="numeric"
                            maxLength={1}
                            value={c.score}
                            readOnly={!mayRate}
                            placeholder="–"
                            aria-label={`${label}: ${t('targets.ratings.score')}`}
                            aria-invalid={bad}
                            title={bad ? t('targets.ratings.badScore') : t('targets.ratings.score')}
                            onChange={(e) => update(r.agentId, d, { score: e.target.value.trim() })}
                            onFocus={(e) => e.currentTarget.select()}
                            onKeyDown={navigate}
                            data-nav={`${i}:${2 * j}`}
                            data-testid={`rating-${r.agentId}-${d}`}
                          />
                          <Others row={r} d={d} kind={kind} t={t} />
                        </div>
                        <input
                          className="input rating-cell__reason"
                          value={c.reason}
                          readOnly={!mayRate}
                          maxLength={200}
                          placeholder={t('targets.ratings.reasonPlaceholder')}
                          aria-label={`${label}: ${t('targets.ratings.reason')}`}
                          onChange={(e) => update(r.agentId, d, { reason: e.target.value })}
                          onKeyDown={navigate}
                          data-nav={`${i}:${2 * j + 1}`}
                          data-testid={`reason-${r.agentId}-${d}`}
                        />
                        {d === 'learning' ? <Trainings row={r} sessions={data.sessions} t={t} /> : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="targets-toolbar ratings-footer">
        {mayRate ? (
          <button
            type="button"
            className="button button--primary"
            disabled={dirty.length === 0 || invalid || saving}
            onClick={() => void save()}
            data-testid="ratings-save"
          >
            {t('targets.ratings.save')}
          </button>
        ) : null}
        <span className="targets-status" data-testid="ratings-status">
          {invalid
            ? t('targets.ratings.badScore')
            : dirty.length > 0
              ? t('targets.ratings.unsaved', { count: dirty.length })
              : t('targets.ratings.rated', { rated: leadRated, agents: data.agents.length })}
          {missingReason > 0 ? ` · ${t('targets.ratings.missingReason', { count: missingReason })}` : ''}
        </span>
      </div>
    </>
  );
}

/** The other raters' scores of this dimension, beside the one being entered. */
function Others({
  row,
  d,
  kind,
  t,
}: {
  row: AgentRatingsRow;
  d: RatingDimension;
  kind: RaterKind;
  t: Translate;
}) {
  const peer = row.peer[d];
  const items: { key: string; text: string; empty: boolean }[] = [];
  if (kind !== 'lead')
    items.push({
      key: 'lead',
      text: t('targets.ratings.lead', { score: row.lead[d] ?? '–' }),
      empty: row.lead[d] === null,
    });
  if (kind !== 'self')
    items.push({
      key: 'self',
      text: t('targets.ratings.self', { score: row.self[d] ?? '–' }),
      empty: row.self[d] === null,
    });
  items.push({
    key: 'peer',
    text:
      peer.average === null
        ? t('targets.ratings.peerNone')
        : t('targets.ratings.peer', { score: peer.average.toFixed(1), count: peer.raters }),
    empty: peer.average === null,
  });
  return (
    <span className="rating-others">
      {items.map((it) => (
        <span
          key={it.key}
          className={it.empty ? 'rating-others__item is-empty' : 'rating-others__item'}
          data-testid={`others-${it.key}-${row.agentId}-${d}`}
        >
          {it.text}
        </span>
      ))}
    </span>
  );
}

/** The month's trainings the agent attended, beside the learning rating they feed. */
function Trainings({
  row,
  sessions,
  t,
}: {
  row: AgentRatingsRow;
  sessions: TrainingSessionRow[];
  t: Translate;
}) {
  const attended = sessions.filter((s) => row.trainings.sessionIds.includes(s.id));
  if (attended.length === 0)
    return <span className="rating-trainings is-empty">{t('targets.ratings.noTrainings')}</span>;
  return (
    <span
      className="rating-trainings"
      title={attended.map((s) => `${s.day} ${s.topic}`).join('\n')}
      data-testid={`trainings-${row.agentId}`}
    >
      {t('targets.ratings.trainings', {
        count: row.trainings.count,
        hours: Number(row.trainings.hours.toFixed(1)),
        topics: attended.map((s) => s.topic).join(', '),
      })}
    </span>
  );
}
