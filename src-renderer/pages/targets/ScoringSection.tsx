/**
 * The scoring profile (weights, cap, grade bands) with a what-if editor: the ranking of the chosen
 * month is recomputed under the weights on screen, beside the saved ones, before anything is saved.
 * The lead picks whose profile: the workspace default or a campaign's own (scored on its calls only).
 * The behaviour ratings have weights of their own beside the KPIs'.
 */
import { addMonthsTo } from '../../../src-shared/targets-calendar';
import { useEffect, useState } from 'react';
import type { Output, ScoreRow } from '../../../src-shared/api';
import { DEFAULT_RATING_TARGET, RATING_DIMENSIONS, type RatingDimension } from '../../../src-shared/ratings';
import {
  DEFAULT_PROFILE,
  SCORE_ITEMS,
  type ScoreItem,
  type ScoringProfile,
} from '../../../src-shared/scoring';
import { TARGET_KPIS } from '../../../src-shared/targets';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useCampaignList } from '../../stores/campaigns';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { HowComputed } from '../dashboard/HowComputed';

export function ScoringSection({ month, onMonth }: { month: string; onMonth: (month: string) => void }) {
  const t = useT();
  const [campaignId, setCampaignId] = useState<number | undefined>(undefined);
  const campaigns = useCampaignList() ?? [];
  const own = useApiQuery('targets.campaignProfiles', {});
  const ownIds = own.data?.campaignIds ?? [];
  const saved = useApiQuery('targets.profile', campaignId === undefined ? {} : { campaignId });
  const campaign = campaigns.find((c) => c.id === campaignId);
  const skeleton = <SkeletonBlock lines={6} lineHeight={20} />;
  return (
    <>
      <div className="targets-toolbar scoring-campaign">
        <Field label={t('targets.scoring.profileFor')}>
          <select
            className="input"
            value={campaignId ?? ''}
            onChange={(e) => setCampaignId(e.target.value ? Number(e.target.value) : undefined)}
            data-testid="scoring-campaign"
          >
            <option value="">{t('targets.scoring.workspaceDefault')}</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {ownIds.includes(c.id) ? t('targets.scoring.ownProfile', { campaign: c.name }) : c.name}
              </option>
            ))}
          </select>
        </Field>
        {campaign ? (
          <p className="field__hint" data-testid="scoring-campaign-note">
            {ownIds.includes(campaign.id)
              ? t('targets.scoring.campaignNote', { campaign: campaign.name })
              : t('targets.scoring.usesDefault', { campaign: campaign.name })}
          </p>
        ) : null}
      </div>
      <QueryView query={saved} skeleton={skeleton}>
        {(profile) =>
          // Drawn once the profile on hand is the chosen campaign's: weights typed into the last
          // choice's, still on screen while this one loads, were wiped when it arrived.
          saved.dataInput?.campaignId !== campaignId ? (
            skeleton
          ) : (
            <ProfileEditor
              key={`${campaignId ?? 0}:${JSON.stringify(profile)}`}
              saved={profile}
              month={month}
              onMonth={onMonth}
              campaignId={campaignId}
              ownProfile={campaignId !== undefined && ownIds.includes(campaignId)}
              t={t}
            />
          )
        }
      </QueryView>
    </>
  );
}

function ProfileEditor({
  saved,
  month,
  onMonth,
  campaignId,
  ownProfile,
  t,
}: {
  saved: ScoringProfile;
  month: string;
  onMonth: (month: string) => void;
  campaignId: number | undefined;
  ownProfile: boolean;
  t: ReturnType<typeof useT>;
}) {
  // A team lead tries weights as a what-if; the manager saves them.
  const may = useMayCall();
  const maySave = may('targets.setProfile');
  const [draft, setDraft] = useState<ScoringProfile>(saved);
  // The what-if answer follows the weights as they are typed, a moment after the last keystroke.
  const [asked, setAsked] = useState<ScoringProfile>(saved);
  useEffect(() => {
    const id = setTimeout(() => setAsked(draft), 250);
    return () => clearTimeout(id);
  }, [draft]);
  const refresh = useWorkspace((s) => s.refresh);
  const scope = campaignId === undefined ? {} : { campaignId };
  const whatIf = useApiQuery('targets.scores', { month, profile: asked, ...scope });
  const current = useApiQuery('targets.scores', { month, ...scope });
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  const setWeight = (kpi: (typeof TARGET_KPIS)[number], w: number) =>
    setDraft((d) => ({ ...d, weights: { ...d.weights, [kpi]: w } }));
  const ratingWeights = draft.ratingWeights ?? DEFAULT_PROFILE.ratingWeights;
  const ratingTarget = draft.ratingTarget ?? DEFAULT_RATING_TARGET;
  const setRatingWeight = (d: RatingDimension, w: number) =>
    setDraft((p) => ({ ...p, ratingWeights: { ...ratingWeights, [d]: w } }));

  return (
    <div className="scoring">
      <Panel
        title={t('targets.scoring.weights')}
        actions={
          <HowComputed
            title={t('targets.tab.scoring')}
            formula={t('targets.scoring.formula')}
            testId="scoring-info"
          />
        }
        testId="scoring-profile"
      >
        <div className="scoring-weights">
          {TARGET_KPIS.map((kpi) => (
            <label key={kpi} className="field">
              <span className="field__label">{t(`targets.kpi.${kpi}`)}</span>
              <input
                className="input input--narrow"
                type="number"
                min={0}
                value={draft.weights[kpi]}
                onChange={(e) => setWeight(kpi, Math.max(0, Number(e.target.value) || 0))}
                data-testid={`weight-${kpi}`}
              />
            </label>
          ))}
          <Field label={t('targets.scoring.cap')}>
            <span className="input-with-unit">
              <input
                className="input input--narrow"
                type="number"
                min={100}
                max={300}
                value={Math.round(draft.cap * 100)}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, cap: Math.min(3, Math.max(1, Number(e.target.value) / 100)) }))
                }
                data-testid="weight-cap"
              />
              <span className="input-with-unit__unit">%</span>
            </span>
          </Field>
        </div>
        <div className="scoring-weights scoring-weights--ratings">
          <span className="field__label scoring-bands-label">{t('targets.scoring.ratingWeights')}</span>
          {RATING_DIMENSIONS.map((d) => (
            <label key={d} className="field">
              <span className="field__label">{t(`targets.ratings.dim.${d}`)}</span>
              <input
                className="input input--narrow"
                type="number"
                min={0}
                value={ratingWeights[d]}
                onChange={(e) => setRatingWeight(d, Math.max(0, Number(e.target.value) || 0))}
                data-testid={`weight-${d}`}
              />
            </label>
          ))}
          <Field label={t('targets.scoring.ratingTarget')}>
            <input
              className="input input--narrow"
              type="number"
              min={1}
              max={5}
              step={0.5}
              value={ratingTarget}
              onChange={(e) =>
                setDraft((p) => ({
                  ...p,
                  ratingTarget: Math.min(5, Math.max(1, Number(e.target.value) || 1)),
                }))
              }
              data-testid="rating-target"
            />
          </Field>
          <p className="field__hint scoring-rating-hint">
            {t('targets.scoring.ratingHint', { target: String(ratingTarget) })}
          </p>
        </div>
        <div className="scoring-weights">
          <span className="field__label scoring-bands-label">{t('targets.scoring.bands')}</span>
          {(['A', 'B', 'C'] as const).map((g) => (
            <label key={g} className="field field--inline">
              <span className="field__label">{g} ≥</span>
              <input
                className="input input--narrow"
                type="number"
                value={draft.bands[g]}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, bands: { ...d.bands, [g]: Number(e.target.value) || 0 } }))
                }
                data-testid={`band-${g}`}
              />
            </label>
          ))}
        </div>
        <div className="targets-toolbar">
          {maySave ? (
            <button
              type="button"
              className="button button--primary"
              disabled={!changed}
              onClick={() =>
                void call('targets.setProfile', { profile: draft, ...scope }).then(() => refresh())
              }
              data-testid="profile-save"
            >
              {t('targets.scoring.saveProfile')}
            </button>
          ) : null}
          <button type="button" className="button" disabled={!changed} onClick={() => setDraft(saved)}>
            {t('targets.scoring.reset')}
          </button>
          {ownProfile && campaignId !== undefined && may('targets.dropProfile') ? (
            <button
              type="button"
              className="button"
              onClick={() => void call('targets.dropProfile', { campaignId }).then(() => refresh())}
              data-testid="profile-drop"
            >
              {t('targets.scoring.dropProfile')}
            </button>
          ) : null}
        </div>
      </Panel>
      <Panel
        title={t('targets.scoring.whatIf', { month })}
        subtitle={
          whatIf.data && !whatIf.data.complete
            ? t('targets.scoring.toDate', { day: whatIf.data.asOf })
            : undefined
        }
        testId="scoring-ranking"
      >
        <QueryView query={whatIf} skeleton={<SkeletonBlock lines={8} lineHeight={18} />}>
          {(data) => (
            <Ranking
              data={data}
              savedRows={current.data?.rows}
              stale={whatIf.loading}
              month={month}
              onMonth={onMonth}
            />
          )}
        </QueryView>
      </Panel>
    </div>
  );
}

function Ranking({
  data,
  savedRows,
  stale,
  month,
  onMonth,
}: {
  data: Output<'targets.scores'>;
  savedRows: ScoreRow[] | undefined;
  stale: boolean;
  month: string;
  onMonth: (month: string) => void;
}) {
  const t = useT();
  const f = useFormat();
  const agents = useWorkspace((s) => s.agents);
  if (data.rows.length === 0) {
    // On a month's first day nothing is scored yet: the month before is one click away.
    const before = addMonthsTo(month, -1);
    return (
      <p className="field__hint">
        {t('targets.scoring.noRows', { month })}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => onMonth(before)}
          data-testid="scoring-month-before"
        >
          {t('targets.scoring.showMonth', { month: before })}
        </button>
      </p>
    );
  }
  const shown = SCORE_ITEMS.filter((k) =>
    data.rows.some((r) => r.parts.some((p) => p.kpi === k && !p.leftOut)),
  );
  return (
    <>
      <ul className="breakdown-legend" aria-label={t('targets.scoring.breakdown')}>
        {shown.map((k) => (
          <li key={k}>
            <span
              className={`breakdown__swatch breakdown__part--${SCORE_ITEMS.indexOf(k)}`}
              aria-hidden="true"
            />
            {t(`targets.kpi.${k}`)}
            <SourceOf kpi={k} rows={data.rows} />
          </li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="data-table ranking-table" data-testid={stale ? undefined : 'ranking-table'}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('targets.scoring.rank')}
              </th>
              <th scope="col">{t('targets.plan.agent')}</th>
              <th scope="col" className="num">
                {t('targets.scoring.score')}
              </th>
              <th scope="col">{t('targets.scoring.grade')}</th>
              <th scope="col" className="num">
                {t('targets.scoring.savedRank')}
              </th>
              <th scope="col">{t('targets.scoring.breakdown')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => {
              const agent = agents.find((a) => a.id === row.agentId);
              const before = savedRows?.find((r) => r.agentId === row.agentId)?.rank ?? null;
              const moved = before !== null && row.rank !== null ? before - row.rank : 0;
              return (
                <tr key={row.agentId} data-agent-id={row.agentId} data-rank={row.rank ?? ''}>
                  <td className="num">{row.rank ?? '—'}</td>
                  <th scope="row">{agent?.name ?? agent?.code}</th>
                  <td className="num" data-testid="score">
                    {row.score === null ? t('common.noData') : row.score.toFixed(1)}
                  </td>
                  <td>
                    {row.grade ? <span className={`grade grade--${row.grade}`}>{row.grade}</span> : '—'}
                  </td>
                  <td className="num">
                    {before ?? '—'}
                    {moved !== 0 ? (
                      <span className={moved > 0 ? 'rank-move is-up' : 'rank-move is-down'}>
                        {moved > 0 ? ` ▲${moved}` : ` ▼${-moved}`}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <div className="breakdown-with-source">
                      <Breakdown row={row} f={f} t={t} />
                      <RowSource row={row} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One bar per agent: each KPI's points as a segment, widths on a 0–120 point scale. */
function Breakdown({
  row,
  f,
  t,
}: {
  row: ScoreRow;
  f: ReturnType<typeof useFormat>;
  t: ReturnType<typeof useT>;
}) {
  const scale = 120;
  return (
    <div className="breakdown" role="list">
      {row.parts
        .filter((p) => !p.leftOut && p.points > 0)
        .map((p) => {
          const source = p.source ? t('orders.sub.source', { source: t(`orders.source.${p.source}`) }) : '';
          const title = `${t('targets.scoring.partTitle', {
            kpi: t(`targets.kpi.${p.kpi}`),
            attainment: f.attainment(p.attainment),
            points: p.points.toFixed(1),
          })}${source ? ` (${source})` : ''}`;
          return (
            <span
              key={p.kpi}
              role="listitem"
              className={`breakdown__part breakdown__part--${SCORE_ITEMS.indexOf(p.kpi)}`}
              style={{ width: `${(100 * p.points) / scale}%` }}
              title={title}
              aria-label={title}
            />
          );
        })}
    </div>
  );
}

/** Where the ranking's sales or revenue came from: orders, calls, or each for some agents. */
function SourceOf({ kpi, rows }: { kpi: ScoreItem; rows: ScoreRow[] }) {
  const t = useT();
  const sources = new Set(
    rows.flatMap((r) => r.parts.filter((p) => p.kpi === kpi && p.source).map((p) => p.source!)),
  );
  if (sources.size === 0) return null;
  const label = [...sources]
    .sort()
    .reverse()
    .map((s) => t(`orders.source.${s}`))
    .join(' / ');
  return (
    <span
      className="breakdown-legend__source"
      data-testid={`score-source-${kpi}`}
      data-source={[...sources].join(',')}
    >
      {' '}
      ({t('orders.sub.source', { source: label })})
    </span>
  );
}

/** The agent's sales and revenue source, beside their bar (an agent without orders falls back to calls). */
function RowSource({ row }: { row: ScoreRow }) {
  const t = useT();
  const source = row.parts.find((p) => p.source)?.source;
  if (!source) return null;
  return (
    <span className="breakdown__source" data-testid="row-source" data-source={source}>
      {t('orders.sub.source', { source: t(`orders.source.${source}`) })}
    </span>
  );
}
