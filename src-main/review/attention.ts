/**
 * "Needs attention": who is behind and why, gathered from the services that already answer each
 * question — pacing (targets/month.ts), anomaly alerts (targets/alerts.ts), QA analytics
 * (audits/analytics.ts) and the coaching follow-ups (coaching/due.ts). Nothing is recomputed here;
 * this module only picks what is off and says which agent it belongs to.
 */
import type { AttentionAgent, AttentionReason, Filter, Output } from '../../src-shared/api';
import { monthOf, monthRange } from '../../src-shared/targets-calendar';
import { addDays, todayIn, type Day } from '../../src-shared/time';
import { auditAnalytics } from '../audits/analytics';
import { dueItems } from '../coaching/due';
import { listAgents } from '../people';
import { inChosenTeams } from '../people/team-filter';
import { alertsFor } from '../targets/alerts';
import { pacing } from '../targets/month';
import { agentWorkingDays, loadCalendarBook, loadThresholds } from '../targets/store';
import type { Workspace } from '../workspace';
import { now } from '../clock';

/** A target KPI under this pace is behind (the dashboard paints it red from here). */
export const BEHIND_BELOW = 0.9;
/** Alerts are looked for over the last days of the range at most (a year of alerts is not a morning list). */
const ALERT_DAYS = 31;

/** Audits expected by `to`: the month's number pro-rated by working days elapsed, rounded down. */
export function auditsExpected(
  perMonth: number,
  elapsedWorkingDays: number,
  monthWorkingDays: number,
): number {
  if (monthWorkingDays <= 0) return 0;
  return Math.floor((perMonth * Math.min(elapsedWorkingDays, monthWorkingDays)) / monthWorkingDays);
}

export async function needsAttention(
  ws: Workspace,
  filter: Filter,
  auditsPerMonth: number,
): Promise<Output<'review.attention'>> {
  const to = filter.to;
  const monthFrom = monthRange(monthOf(to)).from;
  const monthToDate: Filter = {
    from: monthFrom,
    to,
    teamId: filter.teamId,
    teamIds: filter.teamIds,
    agentId: filter.agentId,
  };
  const reasons = new Map<number, AttentionReason[]>();
  const add = (agentId: number, reason: AttentionReason) =>
    reasons.set(agentId, [...(reasons.get(agentId) ?? []), reason]);

  // Behind pace: every target KPI of every agent with calls this month, under the mark.
  const paced = await pacing(ws, monthToDate);
  const active = new Set(paced.agents.map((a) => a.agentId));
  for (const agent of paced.agents) {
    const behind = agent.kpis
      .filter((k) => k.pace !== null && k.pace < BEHIND_BELOW)
      .sort((a, b) => a.pace! - b.pace!);
    for (const k of behind)
      add(agent.agentId, {
        kind: 'behindPace',
        kpi: k.kpi,
        pace: k.pace!,
        actual: k.actual,
        expected: k.expected,
      });
  }

  // Open (unacknowledged) anomaly alerts of the range the dashboard shows (its last 31 days).
  const alertsFrom = filter.from > addDays(to, 1 - ALERT_DAYS) ? filter.from : addDays(to, 1 - ALERT_DAYS);
  const alerts = await alertsFor(
    ws.kysely,
    { from: alertsFrom, to, teamId: filter.teamId, teamIds: filter.teamIds },
    await loadThresholds(ws.kysely),
  );
  for (const a of alerts) {
    if (a.acked || (filter.agentId !== undefined && a.agentId !== filter.agentId)) continue;
    add(a.agentId, { kind: 'alert', alert: a });
  }

  // QA month to date: below the pass mark, or fewer audits than expected by now.
  const qa = await auditAnalytics(ws.kysely, monthToDate, 'agent');
  const passMark = qa.trend.passMark;
  const audited = new Map(qa.groups.map((g) => [Number(g.key), g.overall]));
  const agents = await listAgents(ws.kysely);
  // Audits expected by now, on the working days of the agent's team (a team may work Saturdays).
  const calendarOf = await agentWorkingDays(
    ws.kysely,
    await loadCalendarBook(ws.kysely),
    monthRange(monthOf(to)),
  );
  const expectedOf = (agentId: number) => {
    const cal = calendarOf(agentId, agents.find((a) => a.id === agentId)?.teamId);
    return auditsExpected(
      auditsPerMonth,
      cal.count(monthFrom, to),
      cal.count(monthFrom, monthRange(monthOf(to)).to),
    );
  };
  for (const agentId of active) {
    const overall = audited.get(agentId);
    const n = overall?.n ?? 0;
    if (passMark !== null && overall?.mean != null && overall.mean < passMark)
      add(agentId, { kind: 'qaBelowPass', score: overall.mean, passMark, audits: n });
    const expected = expectedOf(agentId);
    if (n < expected) add(agentId, { kind: 'qaTooFew', audits: n, expected });
  }

  // Follow-ups whose day has passed (today in the workspace's zone).
  const inScope = new Set(
    agents
      .filter(
        (a) => inChosenTeams(filter, a.teamId) && (filter.agentId === undefined || a.id === filter.agentId),
      )
      .map((a) => a.id),
  );
  const today: Day = todayIn((await ws.settings()).timeZone, now());
  for (const item of await dueItems(ws.kysely, today)) {
    if (item.bucket !== 'overdue' || item.due === null || !inScope.has(item.agentId)) continue;
    add(item.agentId, { kind: 'overdue', dueKind: item.kind, due: item.due, text: item.text });
  }

  const byId = new Map(agents.map((a) => [a.id, a]));
  const rows: AttentionAgent[] = [...reasons.entries()].flatMap(([agentId, list]) => {
    const a = byId.get(agentId);
    return a ? [{ agentId, code: a.code, name: a.name, teamName: a.teamName, reasons: list }] : [];
  });
  return {
    monthFrom,
    alertsFrom,
    to,
    behindBelow: BEHIND_BELOW,
    passMark,
    agents: rows.sort(
      (x, y) =>
        y.reasons.length - x.reasons.length ||
        worstPace(x) - worstPace(y) ||
        x.code.localeCompare(y.code, 'en', { numeric: true }),
    ),
  };
}

function worstPace(a: AttentionAgent): number {
  return Math.min(1, ...a.reasons.flatMap((r) => (r.kind === 'behindPace' ? [r.pace] : [])));
}
