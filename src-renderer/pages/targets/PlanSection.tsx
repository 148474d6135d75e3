/**
 * The month's targets for everyone, each team and each agent, typed in a grid. Under each cell the
 * suggestion from history (and, for an agent, the team's per agent): "Fill in suggestions" copies
 * them into the empty cells; nothing is stored until Save.
 */
import { useMemo, useState } from 'react';
import type { Output, TargetEntry } from '../../../src-shared/api';
import { TARGET_KPIS, type TargetKpi } from '../../../src-shared/targets';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { fromInput, targetColumn, toInput } from './target-units';

type Plan = Output<'targets.plan'>;
type Scope = TargetEntry['scope'];

interface PlanRow {
  scope: Scope;
  scopeId: number;
  label: string;
  suggestion: Partial<Record<TargetKpi, number | null>>;
  team?: Partial<Record<TargetKpi, number | null>>;
}

const cellKey = (scope: Scope, scopeId: number, kpi: TargetKpi) => `${scope}:${scopeId}:${kpi}`;

export function PlanSection({ month }: { month: string }) {
  const [uplift, setUplift] = useState(5);
  const plan = useApiQuery('targets.plan', { month, uplift: uplift / 100 });
  const t = useT();
  return (
    <Panel
      title={t('targets.tab.plan')}
      subtitle={plan.data ? t('targets.workingDays', { count: plan.data.workingDays }) : undefined}
      testId="targets-plan"
    >
      <QueryView query={plan} skeleton={<SkeletonBlock lines={8} lineHeight={20} />}>
        {(data) => <PlanGrid key={`${data.month}`} plan={data} uplift={uplift} setUplift={setUplift} />}
      </QueryView>
    </Panel>
  );
}

function PlanGrid({ plan, uplift, setUplift }: { plan: Plan; uplift: number; setUplift(n: number): void }) {
  const t = useT();
  const may = useMayCall();
  const f = useFormat();
  const agents = useWorkspace((s) => s.agents);
  const teams = useWorkspace((s) => s.teams);
  const refresh = useWorkspace((s) => s.refresh);
  const saved = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of plan.targets) m.set(cellKey(e.scope, e.scopeId, e.kpi), e.value);
    return m;
  }, [plan.targets]);
  const [draft, setDraft] = useState<Map<string, string>>(() => new Map());
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  const rows: PlanRow[] = useMemo(() => {
    const out: PlanRow[] = [
      { scope: 'all', scopeId: 0, label: t('targets.plan.everyone'), suggestion: plan.all.values },
    ];
    for (const team of plan.teams) {
      const name = teams.find((x) => x.id === team.teamId)?.name ?? String(team.teamId);
      out.push({
        scope: 'team',
        scopeId: team.teamId,
        // A team with working days of its own (it works Saturdays) says how many: its targets count them.
        label:
          team.workingDays === plan.workingDays
            ? t('targets.plan.teamRow', { team: name })
            : t('teamCalendar.planTeamRow', { team: name, count: team.workingDays }),
        suggestion: team.values,
      });
      for (const a of plan.agents.filter((x) => x.teamId === team.teamId)) out.push(agentRow(a));
    }
    for (const a of plan.agents.filter((x) => x.teamId === null)) out.push(agentRow(a));
    return out;
    function agentRow(a: Plan['agents'][number]): PlanRow {
      const agent = agents.find((x) => x.id === a.agentId);
      return {
        scope: 'agent',
        scopeId: a.agentId,
        label: agent?.name ?? agent?.code ?? String(a.agentId),
        suggestion: a.values,
        team: plan.teams.find((x) => x.teamId === a.teamId)?.perAgent,
      };
    }
  }, [plan, agents, teams, t]);

  // The suggestions of a KPI's column in one form (the floor's ¥万 beside an agent's ¥ would not read).
  const suggestionFormat = useMemo(
    () =>
      new Map(
        TARGET_KPIS.map((kpi) => [
          kpi,
          targetColumn(
            kpi,
            rows.flatMap((row) => [row.suggestion[kpi] ?? null, row.team?.[kpi] ?? null]),
            f,
          ),
        ]),
      ),
    [rows, f],
  );

  const valueOf = (k: string, kpi: TargetKpi) => draft.get(k) ?? toInput(kpi, saved.get(k));
  const setCell = (k: string, text: string) => {
    setStatus('idle');
    setDraft((d) => new Map(d).set(k, text));
  };
  const fillSuggestions = () => {
    const next = new Map(draft);
    for (const row of rows)
      for (const kpi of TARGET_KPIS) {
        const k = cellKey(row.scope, row.scopeId, kpi);
        const s = row.suggestion[kpi];
        if (s !== null && s !== undefined && valueOf(k, kpi) === '') next.set(k, toInput(kpi, s));
      }
    setDraft(next);
    setStatus('idle');
  };
  const save = async () => {
    const entries: (Omit<TargetEntry, 'value'> & { value: number | null })[] = [];
    for (const [k, text] of draft) {
      const [scope, id, kpi] = k.split(':') as [Scope, string, TargetKpi];
      const value = fromInput(kpi, text);
      if (value === undefined) continue;
      entries.push({ scope, scopeId: Number(id), kpi, value });
    }
    setStatus('saving');
    await call('targets.set', { month: plan.month, entries });
    setDraft(new Map());
    setStatus('saved');
    await refresh();
  };
  const hasHistory = plan.agents.length > 0;
  // A role that may not set targets (QA) reads them and their suggestions.
  const maySet = may('targets.set');

  return (
    <div className="plan">
      <div className="targets-toolbar">
        <Field label={t('targets.plan.uplift')} className="field--inline">
          <span className="input-with-unit">
            <input
              className="input input--narrow"
              type="number"
              step={1}
              value={uplift}
              onChange={(e) => setUplift(Number(e.target.value) || 0)}
              data-testid="plan-uplift"
            />
            <span className="input-with-unit__unit">%</span>
          </span>
        </Field>
        {maySet ? (
          <>
            <button
              type="button"
              className="button"
              onClick={fillSuggestions}
              disabled={!hasHistory}
              data-testid="plan-fill"
            >
              {t('targets.plan.useSuggestions')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void save()}
              disabled={draft.size === 0 || status === 'saving'}
              data-testid="plan-save"
            >
              {status === 'saving' ? t('targets.saving') : t('targets.save')}
            </button>
            <span className="targets-status" role="status">
              {status === 'saved' ? t('targets.saved') : draft.size > 0 ? t('targets.plan.dirty') : ''}
            </span>
          </>
        ) : null}
      </div>
      <p className="field__hint">
        {hasHistory ? t('targets.plan.hint') : t('targets.plan.noHistory', { month: plan.month })}
      </p>
      <div className="table-scroll">
        <table className="data-table plan-table" data-testid="plan-table">
          <thead>
            <tr>
              <th scope="col">{t('targets.plan.agent')}</th>
              {TARGET_KPIS.map((kpi) => (
                <th key={kpi} scope="col" className="num">
                  {t(`targets.kpi.${kpi}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.scope}:${row.scopeId}`}
                className={row.scope === 'agent' ? undefined : 'plan-table__group'}
                data-scope={row.scope}
                data-scope-id={row.scopeId}
              >
                <th scope="row">{row.label}</th>
                {TARGET_KPIS.map((kpi) => {
                  const k = cellKey(row.scope, row.scopeId, kpi);
                  const suggestion = row.suggestion[kpi] ?? null;
                  const team = row.team?.[kpi] ?? null;
                  const show = suggestionFormat.get(kpi)!;
                  return (
                    <td key={kpi} className="num plan-cell">
                      <input
                        className={draft.has(k) ? 'input plan-input is-dirty' : 'input plan-input'}
                        inputMode="decimal"
                        value={valueOf(k, kpi)}
                        readOnly={!maySet}
                        onChange={(e) => setCell(k, e.target.value)}
                        aria-label={`${row.label} ${t(`targets.kpi.${kpi}`)}`}
                        data-testid={`target-${row.scope}-${row.scopeId}-${kpi}`}
                      />
                      {suggestion !== null ? (
                        <span className="plan-cell__hint">
                          {t('targets.plan.suggestion', { value: show(suggestion) })}
                          {team !== null
                            ? ` · ${t('targets.plan.teamSuggestion', { value: show(team) })}`
                            : ''}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
