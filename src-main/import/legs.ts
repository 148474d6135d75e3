/**
 * Rows that are legs of one call become one call. (Interim version; see the legs branch.)
 */
import type { NormalizedCall } from './normalise';

export interface Leg {
  line: number;
  call: NormalizedCall;
}

export type MergedCall =
  | { ok: true; line: number; legs: number; call: NormalizedCall }
  | { ok: false; line: number; field: string; reason: string };

export class LegMerger {
  private readonly groups = new Map<string, Leg[]>();

  add(leg: Leg): MergedCall[] {
    if (!leg.call.callId) return [merge([leg])];
    const group = this.groups.get(leg.call.callId);
    if (group) group.push(leg);
    else this.groups.set(leg.call.callId, [leg]);
    return [];
  }

  finish(): MergedCall[] {
    const out = [...this.groups.values()].map(merge).sort((a, b) => a.line - b.line);
    this.groups.clear();
    return out;
  }
}

function merge(legs: Leg[]): MergedCall {
  const first = legs[0]!;
  const agentLegs = legs.filter((l) => l.call.agentCode !== '');
  if (agentLegs.length === 0)
    return {
      ok: false,
      line: first.line,
      field: 'agentCode',
      reason: `no leg of call ${first.call.callId} has an agent`,
    };
  const agent = agentLegs.reduce((best, l) => (l.call.talkSeconds > best.call.talkSeconds ? l : best));
  const earliest = legs.reduce((best, l) => (l.call.startedAt < best.call.startedAt ? l : best));
  return {
    ok: true,
    line: first.line,
    legs: legs.length,
    call: {
      ...agent.call,
      startedAt: earliest.call.startedAt,
      day: earliest.call.day,
      hour: earliest.call.hour,
      weekday: earliest.call.weekday,
    },
  };
}
