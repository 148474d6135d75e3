/**
 * Rows that are legs (segments) of one call become one call. PBXs write a row when a leg ENDS, so
 * the legs of one call arrive out of start order and may be far apart in the file (a long transfer
 * ends after many short calls). Legs are grouped by the file's call id and a group is merged once
 * it has been quiet for `windowRows` further rows, and everything is merged at `finish()`.
 *
 * Memory bound: at most the legs of the groups touched in the last `windowRows` rows are held
 * (default 50 000 rows, with their row text for rejects: a few tens of MB), whatever the file's size. Consequence: a leg that turns
 * up more than `windowRows` rows after the last leg of its call has been merged starts a second
 * group with the same call id, hence the same `source_key`; the store keeps the first and counts
 * the second as a duplicate, so that leg's talk time is lost. No real PBX writes legs of one call
 * that far apart (the window is hours of traffic on a busy floor).
 */
import type { Disposition } from '../../src-shared/domain';
import type { NormalizedCall } from './normalise';
import { dominantKind, type CallKind } from './pbx-classify';

export interface Leg {
  line: number;
  call: NormalizedCall;
  /** the row's text, kept for the reject of a call without an agent */
  raw?: string;
}

export type MergedCall =
  | { ok: true; line: number; legs: number; call: NormalizedCall }
  | { ok: false; line: number; field: string; reason: string; raw?: string; skipped?: undefined }
  /** a PBX call that is no dial and has no agent (internal, feature code, voicemail…): counted */
  | { ok: false; line: number; skipped: CallKind };

export interface LegMergerOptions {
  /** rows after its last leg before a call is merged and emitted */
  windowRows?: number;
  /** the agent column's name in the file, for rejects of calls without an agent */
  agentField?: string;
  /** an outbound call's answer and talk come from its legs without an agent (CallPreset) */
  customerLegTalks?: boolean;
}

export const DEFAULT_WINDOW_ROWS = 50_000;

interface Group {
  callId: string;
  legs: Leg[];
  /** row counter at the group's last leg */
  lastSeen: number;
}

/**
 * When no agent leg connected, the call's disposition is the best any leg reached: somebody
 * answering beats a voicemail, which beats a busy line, which beats ringing out, which beats a
 * failure.
 */
const DISPOSITION_RANK: Readonly<Record<Disposition, number>> = {
  connected: 5,
  voicemail: 4,
  busy: 3,
  no_answer: 2,
  failed: 1,
};

export class LegMerger {
  private readonly windowRows: number;
  private readonly agentField: string;
  private readonly customerLegTalks: boolean;
  /** open groups in order of their last leg: the stalest first (re-inserted on every touch) */
  private readonly open = new Map<string, Group>();
  private seen = 0;

  constructor(options: LegMergerOptions = {}) {
    this.windowRows = Math.max(1, options.windowRows ?? DEFAULT_WINDOW_ROWS);
    this.agentField = options.agentField ?? 'agentCode';
    this.customerLegTalks = options.customerLegTalks ?? false;
  }

  /** Takes one leg; returns the calls that are complete (quiet for the window), by first line. */
  add(leg: Leg): MergedCall[] {
    this.seen++;
    const out: MergedCall[] = [];
    const callId = leg.call.callId;
    if (callId === '') {
      out.push(this.merge('', [leg]));
    } else {
      const group = this.open.get(callId);
      if (group) {
        this.open.delete(callId);
        group.legs.push(leg);
        group.lastSeen = this.seen;
        this.open.set(callId, group);
      } else {
        this.open.set(callId, { callId, legs: [leg], lastSeen: this.seen });
      }
    }
    for (const [id, group] of this.open) {
      if (this.seen - group.lastSeen < this.windowRows) break;
      this.open.delete(id);
      out.push(this.merge(group.callId, group.legs));
    }
    return byFirstLine(out);
  }

  /** Merges every call still open. */
  finish(): MergedCall[] {
    const out = [...this.open.values()].map((g) => this.merge(g.callId, g.legs));
    this.open.clear();
    return byFirstLine(out);
  }

  private merge(callId: string, legs: Leg[]): MergedCall {
    const inLineOrder = [...legs].sort((a, b) => a.line - b.line);
    const first = inLineOrder[0]!;
    const agentLegs = inLineOrder.filter((l) => l.call.agentCode !== '');
    if (agentLegs.length === 0) {
      const kinds = inLineOrder.flatMap((l) => (l.call.kind ? [l.call.kind] : []));
      if (kinds.length > 0) return { ok: false, line: first.line, skipped: dominantKind(kinds) };
      const id = callId || `on line ${first.line}`;
      const what = legs.length === 1 ? 'its only leg is not' : `none of its ${legs.length} legs is`;
      return {
        ok: false,
        line: first.line,
        field: this.agentField,
        reason: `no leg of call ${id} has an agent (${what} an agent's extension: a trunk, queue, IVR or external party)`,
        raw: first.raw,
      };
    }
    const agentLeg = longestTalk(agentLegs).call;
    const earliest = inLineOrder.reduce((e, l) => (l.call.startedAt < e.call.startedAt ? l : e)).call;
    // The call's direction is that of the first agent leg: a transfer to a colleague does not turn
    // an outbound dial into an inbound call, even when the colleague talked longer.
    const firstAgentLeg = agentLegs.reduce((e, l) => (l.call.startedAt < e.call.startedAt ? l : e)).call;
    const customerLegs = inLineOrder.filter((l) => l.call.agentCode === '');
    // Who answered and for how long: the customer's leg where the layout says so, else the agent's.
    const talkLeg =
      this.customerLegTalks && firstAgentLeg.direction === 'outbound' && customerLegs.length > 0
        ? longestTalk(customerLegs).call
        : agentLeg;
    const disposition =
      talkLeg.disposition === 'connected'
        ? 'connected'
        : inLineOrder
            .map((l) => l.call.disposition)
            .reduce((best, d) => (DISPOSITION_RANK[d] > DISPOSITION_RANK[best] ? d : best));
    const firstWith = <T>(pick: (c: NormalizedCall) => T | null): T | null => {
      for (const l of inLineOrder) {
        const v = pick(l.call);
        if (v !== null) return v;
      }
      return null;
    };
    const outcome = firstWith((c) => (c.outcome === 'none' ? null : c.outcome)) ?? 'none';
    const sale = outcome === 'sale';
    const phoneLeg =
      agentLeg.phoneHash !== null ? agentLeg : (firstWith((c) => (c.phoneHash ? c : null)) ?? agentLeg);
    return {
      ok: true,
      line: first.line,
      legs: legs.length,
      call: {
        sourceKey: agentLeg.sourceKey,
        callId,
        agentCode: agentLeg.agentCode,
        agentName: agentLeg.agentName,
        teamName: agentLeg.teamName,
        campaign: agentLeg.campaign ?? firstWith((c) => c.campaign),
        startedAt: earliest.startedAt,
        day: earliest.day,
        hour: earliest.hour,
        weekday: earliest.weekday,
        direction: firstAgentLeg.direction,
        disposition,
        ringSeconds: talkLeg.ringSeconds,
        talkSeconds: talkLeg.talkSeconds,
        outcome,
        intent: sale || outcome === 'intent',
        sale,
        saleAmount: sale ? Math.max(...inLineOrder.map((l) => l.call.saleAmount)) : 0,
        phoneHash: phoneLeg.phoneHash,
        phoneLast4: phoneLeg.phoneLast4,
        recordingRef: agentLeg.recordingRef ?? firstWith((c) => c.recordingRef),
        ...(firstAgentLeg.kind && { kind: firstAgentLeg.kind }),
      },
    };
  }
}

/** The leg that talked longest (the earliest of equals). */
function longestTalk(legs: readonly Leg[]): Leg {
  return legs.reduce((best, l) =>
    l.call.talkSeconds > best.call.talkSeconds ||
    (l.call.talkSeconds === best.call.talkSeconds && l.call.startedAt < best.call.startedAt)
      ? l
      : best,
  );
}

function byFirstLine(calls: MergedCall[]): MergedCall[] {
  return calls.sort((a, b) => a.line - b.line);
}
