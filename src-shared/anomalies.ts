/**
 * Anomaly alerts per agent-day. A day is judged against the agent's own recent working days
 * (median and MAD: one odd day in the history does not move them) and against the team on the same
 * day. An alert needs both: a whole team moving together is a list or system problem, not the
 * agent's. Count checks (short connects, repeat dials, sales without talk) have their own rules.
 */

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from the median. */
export function mad(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  return median(values.map((v) => Math.abs(v - m)));
}

/** MAD × 1.4826 estimates the standard deviation of normal data. */
const MAD_TO_SD = 1.4826;

/**
 * How many robust standard deviations `x` lies from `values`. Null when there is too little to
 * judge or no spread at all (a MAD of 0 would make any difference infinite).
 */
export function robustZ(x: number, values: readonly number[], minCount: number): number | null {
  if (values.length < minCount) return null;
  const m = median(values)!;
  const d = mad(values)!;
  if (d === 0) return null;
  return (x - m) / (MAD_TO_SD * d);
}

export const ALERT_KINDS = [
  'dials',
  'connectRate',
  'avgTalk',
  'shortCalls',
  'repeatDials',
  'salesWithoutTalk',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertThresholds {
  /** robust z against the agent's own recent days */
  ownZ: number;
  /** robust z against the team on the same day (same direction) */
  teamZ: number;
  /** how many of the agent's working days before the day form the baseline */
  historyDays: number;
  /** fewer baseline days than this: no judgement */
  minHistoryDays: number;
  /** days with fewer dials are not judged on rates */
  minDials: number;
  /** a connect shorter than this (seconds) is a short connect */
  shortSeconds: number;
  /** the day's short-connect share must be at least this many times the agent's usual share */
  shortShareRatio: number;
  /** and this many binomial standard deviations above it */
  shortShareZ: number;
  /** dials to one number on one day that count as many */
  repeatDials: number;
  /** sales on calls shorter than the effective threshold, per day, that raise an alert */
  salesWithoutTalk: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  ownZ: 3.5,
  teamZ: 2,
  historyDays: 20,
  minHistoryDays: 8,
  minDials: 20,
  shortSeconds: 10,
  shortShareRatio: 2,
  shortShareZ: 3.5,
  repeatDials: 6,
  salesWithoutTalk: 1,
};

/** What is known about one agent on one day (from the rollup and the day's calls). */
export interface AgentDay {
  agentId: number;
  teamId: number | null;
  day: string;
  dials: number;
  connects: number;
  talkSeconds: number;
  /** connects shorter than `shortSeconds` */
  shortConnects: number;
  /** the most dials to one number that day, and that number's last four digits */
  maxRepeat: number;
  repeatLast4: string | null;
  /** sales on calls with talk under the effective threshold */
  salesWithoutTalk: number;
}

export interface Alert {
  key: string;
  kind: AlertKind;
  agentId: number;
  day: string;
  /** the day's value */
  value: number;
  /** the agent's usual value (median of the baseline, or the pooled share) */
  usual: number | null;
  /** the team's median that day */
  teamMedian: number | null;
  ownZ: number | null;
  teamZ: number | null;
  direction: 'high' | 'low';
  /** repeat dials: the number's last four digits */
  last4?: string | null;
}

const METRICS = {
  dials: (d: AgentDay) => d.dials,
  connectRate: (d: AgentDay) => (d.dials >= 1 ? d.connects / d.dials : null),
  avgTalk: (d: AgentDay) => (d.connects > 0 ? d.talkSeconds / d.connects : null),
} as const;

export function alertKey(kind: AlertKind, agentId: number, day: string): string {
  return `${day}:${agentId}:${kind}`;
}

/**
 * The alerts of the days in [from, to]. `days` must hold every agent-day with dials from
 * `historyDays` working days before `from` on, so each judged day has its baseline.
 */
export function detectAlerts(
  days: readonly AgentDay[],
  from: string,
  to: string,
  t: AlertThresholds,
): Alert[] {
  const byAgent = new Map<number, AgentDay[]>();
  const byTeamDay = new Map<string, AgentDay[]>();
  for (const d of days) {
    (byAgent.get(d.agentId) ?? byAgent.set(d.agentId, []).get(d.agentId)!).push(d);
    const tk = `${d.teamId ?? 0}|${d.day}`;
    (byTeamDay.get(tk) ?? byTeamDay.set(tk, []).get(tk)!).push(d);
  }
  const alerts: Alert[] = [];
  for (const [agentId, list] of byAgent) {
    list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    list.forEach((d, i) => {
      if (d.day < from || d.day > to) return;
      const history = list.slice(Math.max(0, i - t.historyDays), i);
      const peers = (byTeamDay.get(`${d.teamId ?? 0}|${d.day}`) ?? []).filter((p) => p.agentId !== agentId);

      for (const kind of ['dials', 'connectRate', 'avgTalk'] as const) {
        const metric = METRICS[kind];
        if (kind !== 'dials' && d.dials < t.minDials) continue;
        const x = metric(d);
        if (x === null) continue;
        const own = history
          .filter((h) => kind === 'dials' || h.dials >= t.minDials)
          .map(metric)
          .filter((v): v is number => v !== null);
        const zOwn = robustZ(x, own, t.minHistoryDays);
        if (zOwn === null || Math.abs(zOwn) < t.ownZ) continue;
        const team = peers
          .filter((p) => kind === 'dials' || p.dials >= t.minDials)
          .map(metric)
          .filter((v): v is number => v !== null);
        // With fewer than three peers there is no team to compare with: the agent's own history decides.
        const zTeam = team.length >= 3 ? robustZ(x, team, 3) : null;
        if (
          team.length >= 3 &&
          (zTeam === null || Math.sign(zTeam) !== Math.sign(zOwn) || Math.abs(zTeam) < t.teamZ)
        )
          continue;
        alerts.push({
          key: alertKey(kind, agentId, d.day),
          kind,
          agentId,
          day: d.day,
          value: x,
          usual: median(own),
          teamMedian: median(team),
          ownZ: zOwn,
          teamZ: zTeam,
          direction: zOwn > 0 ? 'high' : 'low',
        });
      }

      // Short connects: the day's share against the agent's pooled share over the baseline.
      const base = history.filter((h) => h.connects > 0);
      const baseConnects = base.reduce((s, h) => s + h.connects, 0);
      const baseShort = base.reduce((s, h) => s + h.shortConnects, 0);
      if (d.connects > 0 && base.length >= t.minHistoryDays && baseConnects > 0) {
        // A floor of half a short call per baseline day keeps a clean history from making one short call news.
        const p0 = Math.max(baseShort, base.length / 2) / baseConnects;
        const share = d.shortConnects / d.connects;
        const z = (d.shortConnects - d.connects * p0) / Math.sqrt(d.connects * p0 * (1 - p0));
        if (share >= t.shortShareRatio * p0 && z >= t.shortShareZ) {
          alerts.push({
            key: alertKey('shortCalls', agentId, d.day),
            kind: 'shortCalls',
            agentId,
            day: d.day,
            value: share,
            usual: baseShort / baseConnects,
            teamMedian: median(peers.filter((p) => p.connects > 0).map((p) => p.shortConnects / p.connects)),
            ownZ: z,
            teamZ: null,
            direction: 'high',
          });
        }
      }

      if (d.maxRepeat >= t.repeatDials) {
        alerts.push({
          key: alertKey('repeatDials', agentId, d.day),
          kind: 'repeatDials',
          agentId,
          day: d.day,
          value: d.maxRepeat,
          usual: null,
          teamMedian: null,
          ownZ: null,
          teamZ: null,
          direction: 'high',
          last4: d.repeatLast4,
        });
      }

      if (d.salesWithoutTalk >= t.salesWithoutTalk) {
        alerts.push({
          key: alertKey('salesWithoutTalk', agentId, d.day),
          kind: 'salesWithoutTalk',
          agentId,
          day: d.day,
          value: d.salesWithoutTalk,
          usual: null,
          teamMedian: null,
          ownZ: null,
          teamZ: null,
          direction: 'high',
        });
      }
    });
  }
  return alerts.sort((a, b) => (a.day === b.day ? a.agentId - b.agentId : a.day < b.day ? 1 : -1));
}
