/**
 * Anomaly alerts of the month (to yesterday): each says what was off, by how much against the
 * agent's usual and the team, links to the calls behind it in the calls explorer, and can be
 * acknowledged. The thresholds are editable below the list.
 */
import { useState } from 'react';
import type { AlertRow } from '../../../src-shared/api';
import type { AlertThresholds } from '../../../src-shared/anomalies';
import { monthRange } from '../../../src-shared/targets-calendar';
import { addDays } from '../../../src-shared/time';
import { call } from '../../api/client';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Formatters, type Translate } from '../../i18n/language';
import { useCallsFilters } from '../../stores/calls-filters';
import { useFilters } from '../../stores/filters';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';

export function AlertsSection({ month }: { month: string }) {
  const t = useT();
  const today = useWorkspace((s) => s.info?.today ?? '');
  const { from, to: monthEnd } = monthRange(month);
  const yesterday = addDays(today || monthEnd, -1);
  const to = monthEnd < yesterday ? monthEnd : yesterday;
  const alerts = useApiQuery('targets.alerts', to >= from ? { from, to } : null);
  const thresholds = useApiQuery('targets.thresholds', {});
  const may = useMayCall();
  const [showAcked, setShowAcked] = useState(false);
  const list = alerts.data?.alerts ?? [];
  const open = list.filter((a) => !a.acked).length;
  return (
    <div className="alerts">
      <Panel
        title={t('alerts.title')}
        subtitle={alerts.data ? t('alerts.count', { count: list.length, open }) : undefined}
        actions={
          <label className="alerts__toggle">
            <input type="checkbox" checked={showAcked} onChange={(e) => setShowAcked(e.target.checked)} />
            {t('alerts.showAcked')}
          </label>
        }
        testId="alerts-panel"
      >
        {to < from ? (
          <p className="field__hint">{t('alerts.none', { from, to: monthEnd })}</p>
        ) : (
          <QueryView query={alerts} skeleton={<SkeletonBlock lines={6} lineHeight={20} />}>
            {(data) => (
              <AlertList
                alerts={data.alerts.filter((a) => showAcked || !a.acked)}
                from={from}
                to={to}
                thresholds={thresholds.data}
              />
            )}
          </QueryView>
        )}
      </Panel>
      {may('targets.setThresholds') ? (
        <QueryView query={thresholds} skeleton={<SkeletonBlock lines={3} lineHeight={20} />}>
          {(data) => <ThresholdsEditor key={JSON.stringify(data)} saved={data} />}
        </QueryView>
      ) : null}
    </div>
  );
}

function AlertList({
  alerts,
  from,
  to,
  thresholds,
}: {
  alerts: AlertRow[];
  from: string;
  to: string;
  thresholds: AlertThresholds | undefined;
}) {
  const t = useT();
  const f = useFormat();
  const agents = useWorkspace((s) => s.agents);
  const info = useWorkspace((s) => s.info);
  const refresh = useWorkspace((s) => s.refresh);
  const mayAck = useMayCall()('targets.ack');
  if (alerts.length === 0) return <p className="field__hint">{t('alerts.none', { from, to })}</p>;
  const effective = info?.settings.effectiveThresholdSeconds ?? 30;
  const short = thresholds?.shortSeconds ?? 10;
  return (
    <div className="table-scroll">
      <table className="data-table alerts-table" data-testid="alerts-table">
        <thead>
          <tr>
            <th scope="col">{t('alerts.day')}</th>
            <th scope="col">{t('alerts.agent')}</th>
            <th scope="col">{t('alerts.kind')}</th>
            <th scope="col">{t('alerts.why')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => {
            const agent = agents.find((x) => x.id === a.agentId);
            return (
              <tr
                key={a.key}
                className={a.acked ? 'is-acked' : undefined}
                data-kind={a.kind}
                data-agent-id={a.agentId}
              >
                <td>{f.shortDay(a.day)}</td>
                <th scope="row">{agent?.name ?? agent?.code}</th>
                <td>
                  <span className={`alert-kind alert-kind--${a.direction}`}>
                    {t(`alerts.kind.${a.kind}`)}
                    {a.kind === 'dials' || a.kind === 'connectRate' || a.kind === 'avgTalk'
                      ? ` ${a.direction === 'low' ? '▼' : '▲'}`
                      : ''}
                  </span>
                </td>
                <td className="alerts-table__why">{explain(a, t, f, short, effective)}</td>
                <td className="alerts-table__actions">
                  <a
                    href="#/calls"
                    className="button button--small"
                    onClick={() => openCalls(a, short, effective)}
                    data-testid="alert-calls"
                  >
                    {t('alerts.calls')}
                  </a>
                  {mayAck ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() =>
                        void call('targets.ack', { key: a.key, acked: !a.acked }).then(() => refresh())
                      }
                      data-testid="alert-ack"
                    >
                      {a.acked ? t('alerts.acked') : t('alerts.ack')}
                    </button>
                  ) : a.acked ? (
                    <span className="muted">{t('alerts.acked')}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** An alert in words (also on the dashboard's "needs attention" list). */
export function explain(a: AlertRow, t: Translate, f: Formatters, short: number, effective: number): string {
  const z = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  const show = (v: number | null) =>
    v === null
      ? '—'
      : a.kind === 'connectRate'
        ? f.percent(v)
        : a.kind === 'avgTalk'
          ? f.duration(v)
          : f.count(Math.round(v));
  switch (a.kind) {
    case 'shortCalls':
      return t('alerts.explain.shortCalls', {
        value: f.percent(a.value),
        usual: f.percent(a.usual),
        z: z(a.ownZ),
        team: f.percent(a.teamMedian),
        seconds: short,
      });
    case 'repeatDials':
      return t('alerts.explain.repeatDials', { value: a.value, last4: a.last4 ?? '' });
    case 'salesWithoutTalk':
      return t('alerts.explain.salesWithoutTalk', { value: a.value, seconds: effective });
    default:
      return t('alerts.explain.deviation', {
        value: show(a.value),
        usual: show(a.usual),
        z: z(a.ownZ),
        team: show(a.teamMedian),
        teamZ: z(a.teamZ),
      });
  }
}

/** The calls behind an alert in the calls explorer: the agent's day, narrowed to the calls in question. */
function openCalls(a: AlertRow, short: number, effective: number): void {
  useFilters.setState({
    preset: 'custom',
    customFrom: a.day,
    customTo: a.day,
    agentId: a.agentId,
    teamId: null,
    campaignId: null,
  });
  const narrowing = {
    dispositions: [] as 'connected'[],
    outcomes: [] as 'sale'[],
    direction: null,
    talkMin: null as number | null,
    talkMax: null as number | null,
  };
  if (a.kind === 'shortCalls')
    Object.assign(narrowing, { dispositions: ['connected'], talkMin: 1, talkMax: short - 1 });
  if (a.kind === 'avgTalk') narrowing.dispositions = ['connected'];
  if (a.kind === 'salesWithoutTalk') Object.assign(narrowing, { outcomes: ['sale'], talkMax: effective - 1 });
  useCallsFilters.setState(narrowing);
}

const THRESHOLD_FIELDS = [
  ['ownZ', 1],
  ['minChange', 100],
  ['sustainedDays', 1],
  ['sustainedZ', 1],
  ['teamZ', 1],
  ['shortSeconds', 1],
  ['shortShareRatio', 1],
  ['shortShareZ', 1],
  ['repeatDials', 1],
  ['salesWithoutTalk', 1],
] as const;

function ThresholdsEditor({ saved }: { saved: AlertThresholds }) {
  const t = useT();
  const refresh = useWorkspace((s) => s.refresh);
  const [draft, setDraft] = useState(saved);
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  return (
    <Panel title={t('alerts.thresholds')} testId="alerts-thresholds">
      <p className="field__hint">{t('alerts.thresholdsHint', { days: draft.historyDays })}</p>
      <div className="thresholds">
        {THRESHOLD_FIELDS.map(([key, scale]) => (
          <label key={key} className="field">
            <span className="field__label">{t(`alerts.t.${key}`)}</span>
            <input
              className="input input--narrow"
              type="number"
              step={key.endsWith('Z') ? 0.5 : 1}
              value={Number((draft[key] * scale).toFixed(2))}
              onChange={(e) => setDraft((d) => ({ ...d, [key]: Number(e.target.value) / scale }))}
              data-testid={`threshold-${key}`}
            />
          </label>
        ))}
      </div>
      <div className="targets-toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={!changed}
          onClick={() => void call('targets.setThresholds', draft).then(() => refresh())}
        >
          {t('targets.save')}
        </button>
      </div>
    </Panel>
  );
}
