/**
 * Alert acknowledgements across a time-zone change. An alert is judged on one agent's outbound calls
 * of one local day and acknowledged under `<day>:<agent>:<kind>` (src-shared/anomalies.ts). When the
 * zone changes, the calls move between days, so the same day names other calls: left alone, an ack
 * would vouch for calls the lead never looked at, and the alert the lead did acknowledge would come
 * back as new.
 *
 * "The same alert" after the change is the one judged on the same calls: the ack of day D follows to
 * the day D' when more than half of the agent's calls of D land on D' AND more than half of the
 * agent's calls on D' came from D (then no two acks can claim one day). Otherwise the day's calls were
 * split or merged with others: the acknowledged alert no longer exists as such, and its ack is dropped
 * (the alerts of the new days show unacknowledged, to be looked at again). An ack of a day with no
 * calls left (its batch undone) is dropped too: in the new zone that day names other calls.
 */
import type { Kysely } from 'kysely';
import { alertKey, parseAlertKey } from '../../src-shared/anomalies';
import { addDays, localParts, type Day } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { loadAckTimes, moveAcks } from '../targets/store';

/** Calls read per query while counting where an agent's days go. */
const CHUNK = 20_000;
/**
 * Two zones are at most 26 hours apart, so a call's day moves by at most 2; the calls that end up
 * on any day an acked day can move to were on days at most 4 away from it.
 */
const REACH_DAYS = 4;

/** Where each acknowledgement goes: its new key, or null when it is dropped (unmoved ones left out). */
export interface AckMoves {
  moves: Map<string, string | null>;
  ackedAt: Map<string, number>;
}

/** How many acknowledgements a change drops (their alerts show again, unacknowledged). */
export function droppedCount({ moves }: AckMoves): number {
  return [...moves.values()].filter((m) => m === null).length;
}

/** For one agent: how many outbound calls go from each old day to each new day. */
class DayFlows {
  private readonly out = new Map<Day, Map<Day, number>>();
  private readonly into = new Map<Day, number>();

  add(from: Day, to: Day): void {
    const targets = this.out.get(from) ?? this.out.set(from, new Map()).get(from)!;
    targets.set(to, (targets.get(to) ?? 0) + 1);
    this.into.set(to, (this.into.get(to) ?? 0) + 1);
  }

  /** Where the calls of old day `from` went, when both majorities hold; null otherwise. */
  follow(from: Day): Day | null {
    const targets = this.out.get(from);
    if (!targets) return null;
    let total = 0;
    let best: [Day, number] | null = null;
    for (const [day, n] of targets) {
      total += n;
      if (best === null || n > best[1]) best = [day, n];
    }
    if (best === null || best[1] * 2 <= total) return null;
    return best[1] * 2 > (this.into.get(best[0]) ?? 0) ? best[0] : null;
  }
}

/** Closed day ranges covering every day within REACH_DAYS of `days`. */
function reachOf(days: Iterable<Day>): Array<[Day, Day]> {
  const ranges: Array<[Day, Day]> = [];
  for (const day of [...days].sort()) {
    const from = addDays(day, -REACH_DAYS);
    const to = addDays(day, REACH_DAYS);
    const last = ranges[ranges.length - 1];
    if (last && from <= addDays(last[1], 1)) last[1] = to > last[1] ? to : last[1];
    else ranges.push([from, to]);
  }
  return ranges;
}

/** Counts where `agentId`'s outbound calls of `[from, to]` go in zone `zone`, CHUNK rows at a time. */
async function countFlows(
  db: Kysely<Database>,
  agentId: number,
  [from, to]: [Day, Day],
  zone: string,
  flows: DayFlows,
): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('calls')
      .select(['id', 'day', 'started_at'])
      .where('agent_id', '=', agentId)
      .where('direction', '=', 'outbound')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where('id', '>', after)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) flows.add(r.day, localParts(r.started_at, zone).day);
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Where the acknowledgements go in zone `to`. Reads each call's stored day: in a change, it must run
 * before the calls' days are rewritten.
 */
export async function planAckMoves(db: Kysely<Database>, to: string): Promise<AckMoves> {
  const ackedAt = await loadAckTimes(db);
  const daysByAgent = new Map<number, Set<Day>>();
  for (const key of ackedAt.keys()) {
    const k = parseAlertKey(key);
    if (k) (daysByAgent.get(k.agentId) ?? daysByAgent.set(k.agentId, new Set()).get(k.agentId)!).add(k.day);
  }
  const flowsByAgent = new Map<number, DayFlows>();
  for (const [agentId, days] of daysByAgent) {
    const flows = new DayFlows();
    for (const range of reachOf(days)) await countFlows(db, agentId, range, to, flows);
    flowsByAgent.set(agentId, flows);
  }
  const moves = new Map<string, string | null>();
  for (const key of ackedAt.keys()) {
    const k = parseAlertKey(key);
    // A key of another shape is not tied to a day: nothing to follow.
    if (!k) continue;
    const day = flowsByAgent.get(k.agentId)?.follow(k.day) ?? null;
    const next = day === null ? null : alertKey(k.kind, k.agentId, day);
    if (next !== key) moves.set(key, next);
  }
  return { moves, ackedAt };
}

/** Re-keys the acknowledgements as planned (in the zone change's transaction). */
export async function applyAckMoves(db: Kysely<Database>, { moves, ackedAt }: AckMoves): Promise<void> {
  await moveAcks(db, moves, ackedAt);
}
