/**
 * A team's monthly target split across its agents: evenly, by each agent's share of the last three
 * months, or by hand with the agents not fixed rescaled so the sum stays the team target
 * (`decompose` in src-shared/targets.ts). Rates are not split.
 */
import { useMemo, useState } from 'react';
import type { Output } from '../../../src-shared/api';
import {
  decompose,
  isAdditive,
  TARGET_KPIS,
  type SplitMethod,
  type TargetKpi,
} from '../../../src-shared/targets';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Segmented } from '../../components/Segmented';
import { SkeletonBlock } from '../../components/Skeleton';
import { TeamSelect } from '../../components/TeamSelect';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { fromInput, targetColumn, toInput } from './target-units';

const SPLIT_KPIS = TARGET_KPIS.filter(isAdditive);
const METHODS: SplitMethod[] = ['even', 'share', 'hand'];

export function SplitSection({ month }: { month: string }) {
  const t = useT();
  const plan = useApiQuery('targets.plan', { month, uplift: 0.05 });
  return (
    <Panel title={t('targets.tab.split')} subtitle={t('targets.split.rateNote')} testId="targets-split">
      <QueryView query={plan} skeleton={<SkeletonBlock lines={6} lineHeight={20} />}>
        {(data) => <Splitter plan={data} />}
      </QueryView>
    </Panel>
  );
}

function Splitter({ plan }: { plan: Output<'targets.plan'> }) {
  const t = useT();
  const f = useFormat();
  const teams = useWorkspace((s) => s.teams);
  const agents = useWorkspace((s) => s.agents);
  const refresh = useWorkspace((s) => s.refresh);
  const [teamId, setTeamId] = useState<number | null>(plan.teams[0]?.teamId ?? null);
  const [kpi, setKpi] = useState<TargetKpi>('sales');
  const [method, setMethod] = useState<SplitMethod>('share');
  const [totalText, setTotalText] = useState<string | null>(null);
  const [hand, setHand] = useState<Map<number, string>>(new Map());
  const [saved, setSaved] = useState(false);

  const team = plan.teams.find((x) => x.teamId === teamId);
  const members = plan.agents.filter((a) => a.teamId === teamId);
  const savedTotal = plan.targets.find(
    (e) => e.scope === 'team' && e.scopeId === teamId && e.kpi === kpi,
  )?.value;
  const defaultTotal = savedTotal ?? team?.values[kpi] ?? null;
  const total = fromInput(kpi, totalText ?? toInput(kpi, defaultTotal)) ?? 0;
  const basis = members.map((a) => a.basis[kpi] ?? 0);

  const values = useMemo(() => {
    if (method !== 'hand') return decompose(kpi, total, method, basis);
    const start = decompose(kpi, total, 'share', basis);
    const typed = members.map((a) =>
      hand.has(a.agentId) ? fromInput(kpi, hand.get(a.agentId)!) : undefined,
    );
    return decompose(kpi, total, 'hand', basis, {
      values: start.map((v, i) => typed[i] ?? v),
      fixed: typed.map((v) => v !== undefined && v !== null),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `basis` and `members` follow plan, team and kpi
  }, [kpi, total, method, hand, plan, teamId]);
  const sum = values.reduce((a, b) => a + b, 0);
  // One form per column (the sum and its difference belong to the split's column).
  const showBasis = targetColumn(kpi, basis, f);
  const showSplit = targetColumn(kpi, [...values, sum, Math.abs(sum - total)], f);

  const save = async () => {
    if (teamId === null) return;
    await call('targets.set', {
      month: plan.month,
      entries: [
        { scope: 'team', scopeId: teamId, kpi, value: total },
        ...members.map((a, i) => ({ scope: 'agent' as const, scopeId: a.agentId, kpi, value: values[i]! })),
      ],
    });
    setSaved(true);
    await refresh();
  };
  const reset = () => {
    setHand(new Map());
    setSaved(false);
  };

  return (
    <div className="split">
      <div className="targets-toolbar">
        <TeamSelect
          label={t('targets.split.team')}
          teams={plan.teams.map((x) => ({
            id: x.teamId,
            name: teams.find((tm) => tm.id === x.teamId)?.name ?? String(x.teamId),
          }))}
          value={teamId}
          onChange={(id) => {
            setTeamId(id);
            setTotalText(null);
            reset();
          }}
          fieldClassName="field field--inline"
          testId="split-team"
        />
        <Field label={t('targets.split.kpi')} className="field--inline">
          <select
            className="select"
            value={kpi}
            onChange={(e) => {
              setKpi(e.target.value as TargetKpi);
              setTotalText(null);
              reset();
            }}
            data-testid="split-kpi"
          >
            {SPLIT_KPIS.map((k) => (
              <option key={k} value={k}>
                {t(`targets.kpi.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('targets.split.total')} className="field--inline">
          <input
            className="input input--narrow"
            inputMode="decimal"
            value={totalText ?? toInput(kpi, defaultTotal)}
            onChange={(e) => {
              setTotalText(e.target.value);
              setSaved(false);
            }}
            data-testid="split-total"
          />
        </Field>
        <Segmented
          options={METHODS}
          value={method}
          onChange={(m) => {
            setMethod(m);
            reset();
          }}
          labelOf={(m) => t(`targets.split.${m}`)}
          label={t('targets.split.method')}
          testIdOf={(m) => `split-${m}`}
        />
      </div>
      {method === 'hand' ? <p className="field__hint">{t('targets.split.handHint')}</p> : null}
      <div className="table-scroll">
        <table className="data-table split-table" data-testid="split-table">
          <thead>
            <tr>
              <th scope="col">{t('targets.plan.agent')}</th>
              <th scope="col" className="num">
                {t('targets.split.basis')}
              </th>
              <th scope="col" className="num">
                {t(`targets.kpi.${kpi}`)}
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((a, i) => {
              const agent = agents.find((x) => x.id === a.agentId);
              return (
                <tr key={a.agentId} data-agent-id={a.agentId}>
                  <th scope="row">{agent?.name ?? agent?.code}</th>
                  <td className="num">{showBasis(a.basis[kpi] ?? null)}</td>
                  <td className="num">
                    {method === 'hand' ? (
                      <input
                        className={hand.has(a.agentId) ? 'input plan-input is-dirty' : 'input plan-input'}
                        inputMode="decimal"
                        value={hand.get(a.agentId) ?? toInput(kpi, values[i])}
                        onChange={(e) => {
                          setHand((h) => new Map(h).set(a.agentId, e.target.value));
                          setSaved(false);
                        }}
                        data-testid={`split-value-${a.agentId}`}
                      />
                    ) : (
                      <span data-testid={`split-value-${a.agentId}`} data-value={values[i]}>
                        {showSplit(values[i] ?? null)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('targets.split.sum')}</th>
              <td />
              <td className="num" data-testid="split-sum" data-value={sum}>
                {showSplit(sum)}
                {sum !== total ? (
                  <span className="split-diff">
                    {' '}
                    {t('targets.split.difference', { value: showSplit(Math.abs(sum - total)) })}
                  </span>
                ) : null}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="targets-toolbar">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save()}
          disabled={teamId === null || members.length === 0}
          data-testid="split-save"
        >
          {t('targets.split.saveAll')}
        </button>
        <span className="targets-status" role="status">
          {saved ? t('targets.saved') : ''}
        </span>
      </div>
    </div>
  );
}
