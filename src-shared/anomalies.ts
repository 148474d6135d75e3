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

/** Fewer teammates than this on a day: the agent is compared with the whole floor instead. */
const MIN_TEAM_PEERS = 5;

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
  /** and a change of at least this share of the agent's usual value (0.4 = 40 %) */
  minChange: number;
  /** a run of this many consecutive days of the agent ... */
  sustainedDays: number;
  /** ... each at least this robust z off the same way is an alert too */
  sustainedZ: number;
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
  ownZ: 4,
  minChange: 0.4,
  sustainedDays: 3,
  sustainedZ: 2.5,
  teamZ: 2,
  historyDays: 20,
  minHistoryDays: 8,
  minDials: 20,
  shortSeconds: 10,
  shortShareRatio: 2,
  shortShareZ: 3,
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
  shortTalkSeconds: number;
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
  // Short connects left out: they are the short-call check's, so one cause raises one alert.
  avgTalk: (d: AgentDay) =>
    d.connects > d.shortConnects
      ? (d.talkSeconds - d.shortTalkSeconds) / (d.connects - d.shortConnects)
      : null,
} as const;

const DEVIATION_KINDS = ['dials', 'connectRate', 'avgTalk'] as const;

interface Deviation {
  /** position in the agent's own days (consecutive working days of the agent) */
  index: number;
  /** far enough off on its own */
  single: boolean;
  alert: Alert;
}

/**
 * A day far off on its own (|z| ≥ ownZ and a change of at least minChange), or a run of
 * `sustainedDays` of the agent's consecutive days all off the same way by at least sustainedZ:
 * three bad days in a row are news even when no single one is extreme.
 */
function sustainedOrSingle(deviations: Deviation[], t: AlertThresholds): Alert[] {
  const out: Alert[] = [];
  for (const kind of DEVIATION_KINDS) {
    const list = deviations.filter((d) => d.alert.kind === kind);
    let run: Deviation[] = [];
    const flush = () => {
      const sustained = run.length >= t.sustainedDays;
      for (const d of run) if (sustained || d.single) out.push(d.alert);
      run = [];
    };
    for (const d of list) {
      const prev = run[run.length - 1];
      const continues =
        prev !== undefined && d.index === prev.index + 1 && d.alert.direction === prev.alert.direction;
      if (!continues) flush();
      if (Math.abs(d.alert.ownZ!) >= t.sustainedZ) run.push(d);
      else if (d.single) out.push(d.alert);
    }
    flush();
  }
  return out;
}

export function alertKey(kind: AlertKind, agentId: number, day: string): string {
  return `${day}:${agentId}:${kind}`;
}

/** The parts of an alertKey, or null for a key of another shape. */
export function parseAlertKey(key: string): { day: string; agentId: number; kind: AlertKind } | null {
  const m = /^([^:]+):(\d+):(.+)$/.exec(key);
  const kind = ALERT_KINDS.find((k) => k === m?.[3]);
  return m && kind ? { day: m[1]!, agentId: Number(m[2]), kind } : null;
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
  const byDay = new Map<string, AgentDay[]>();
  for (const d of days) {
    (byAgent.get(d.agentId) ?? byAgent.set(d.agentId, []).get(d.agentId)!).push(d);
    (byDay.get(d.day) ?? byDay.set(d.day, []).get(d.day)!).push(d);
    const tk = `${d.teamId ?? 0}|${d.day}`;
    (byTeamDay.get(tk) ?? byTeamDay.set(tk, []).get(tk)!).push(d);
  }
  const alerts: Alert[] = [];
  for (const [agentId, list] of byAgent) {
    list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const deviations: Deviation[] = [];
    const shortFlagged = new Set<string>();
    list.forEach((d, i) => {
      if (d.day < from || d.day > to) return;
      const history = list.slice(Math.max(0, i - t.historyDays), i);
      const team = (byTeamDay.get(`${d.teamId ?? 0}|${d.day}`) ?? []).filter((p) => p.agentId !== agentId);
      // A MAD over three or four teammates is mostly noise: a small team is compared with the floor.
      const peers =
        team.length >= MIN_TEAM_PEERS ? team : (byDay.get(d.day) ?? []).filter((p) => p.agentId !== agentId);

      for (const kind of DEVIATION_KINDS) {
        const metric = METRICS[kind];
        if (kind !== 'dials' && d.dials < t.minDials) continue;
        const x = metric(d);
        if (x === null) continue;
        const own = history
          .filter((h) => kind === 'dials' || h.dials >= t.minDials)
          .map(metric)
          .filter((v): v is number => v !== null);
        // Average talk is skewed (a few long calls pull it up): judged on a log scale.
        const scale = kind === 'avgTalk' ? Math.log : (v: number) => v;
        const zOwn = robustZ(scale(x), own.map(scale), t.minHistoryDays);
        if (zOwn === null || Math.abs(zOwn) < Math.min(t.ownZ, t.sustainedZ)) continue;
        const others = peers
          .filter((p) => kind === 'dials' || p.dials >= t.minDials)
          .map(metric)
          .filter((v): v is number => v !== null);
        // With too few peers there is nothing to compare with: the agent's own history decides.
        const zTeam = robustZ(scale(x), others.map(scale), MIN_TEAM_PEERS);
        if (
          others.length >= MIN_TEAM_PEERS &&
          (zTeam === null || Math.sign(zTeam) !== Math.sign(zOwn) || Math.abs(zTeam) < t.teamZ)
        )
          continue;
        const usual = median(own)!;
        const change = usual === 0 ? Infinity : Math.abs(x - usual) / usual;
        deviations.push({
          index: i,
          single: Math.abs(zOwn) >= t.ownZ && change >= t.minChange,
          alert: {
            key: alertKey(kind, agentId, d.day),
            kind,
            agentId,
            day: d.day,
            value: x,
            usual,
            teamMedian: median(others),
            ownZ: zOwn,
            teamZ: zTeam,
            direction: zOwn > 0 ? 'high' : 'low',
          },
        });
      }

      // Short connects: the day's share against the agent's pooled share over the baseline, leaving
      // out days already flagged (a gamed day does not become the agent's usual), as a binomial count.
      const base = history.filter((h) => h.connects > 0 && !shortFlagged.has(h.day));
      const baseConnects = base.reduce((sum, h) => sum + h.connects, 0);
      const baseShort = base.reduce((sum, h) => sum + h.shortConnects, 0);
      if (d.connects > 0 && base.length >= t.minHistoryDays && baseConnects > 0) {
        const usualShare = baseShort / baseConnects;
        // At least half a short call per usual day: a clean history does not make one short call news.
        const p0 = Math.min(0.5, Math.max(baseShort, base.length / 2) / baseConnects);
        const share = d.shortConnects / d.connects;
        const z = (d.shortConnects - d.connects * p0) / Math.sqrt(d.connects * p0 * (1 - p0));
        if (share >= t.shortShareRatio * p0 && z >= t.shortShareZ) {
          shortFlagged.add(d.day);
          alerts.push({
            key: alertKey('shortCalls', agentId, d.day),
            kind: 'shortCalls',
            agentId,
            day: d.day,
            value: share,
            usual: usualShare,
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
    alerts.push(...sustainedOrSingle(deviations, t));
  }
  return alerts.sort((a, b) => (a.day === b.day ? a.agentId - b.agentId : a.day < b.day ? 1 : -1));
}
