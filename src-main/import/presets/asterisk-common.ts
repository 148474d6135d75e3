/**
 * Asterisk CDR semantics shared by the cdr_csv and cdr_custom layouts (same fields, different
 * column orders). Reference: Asterisk's CDR specification (docs.asterisk.org, "Asterisk 12 CDR
 * Specification") and `cdr/cdr_csv.c`.
 *
 * - One CDR per pair of bridged channels, written when it ENDS: a transferred or queued call is
 *   several rows sharing `linkedid` (Asterisk 1.8+, logged by cdr_csv only with
 *   `newcdrcolumns=yes`); without it `uniqueid` identifies each row and rows are not merged.
 * - Which endpoints are agents' extensions and which are trunks, and what each row is (outbound
 *   dial, inbound call, internal call, feature code, voicemail, conference, queue, IVR, `Local/`
 *   plumbing): the shared PBX classifier, pbx-classify.ts, learned from the file.
 * - The customer's number is `dst` for outbound and `src` for inbound.
 * - `billsec` is talk time; `duration - billsec` is ring time (start to answer). An unanswered CDR
 *   has an empty `answer`. Dispositions: ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION.
 * - PBXs know nothing of sales: the outcome is always none.
 */
import type { CallPreset } from '../preset';

/** `derive` of every Asterisk layout: agent, direction and phone of the classified leg, ring, call id. */
export const asteriskDerive: NonNullable<CallPreset['derive']> = (_cell, _row, leg) =>
  leg
    ? {
        agentCode: leg.agentCode,
        direction: leg.kind === 'outbound' ? 'outbound' : 'inbound',
        phone: leg.phone,
        ringSeconds: leg.ringSeconds,
        callId: leg.callId,
      }
    : {};

/** What the two layouts share: value maps and the fields read straight from named columns. */
export const asteriskBase = {
  columns: {
    // The agent usually sits in `channel` (outbound); rejects of agent-less calls name that column.
    agentCode: ['channel'],
    startedAt: ['start'],
    disposition: ['disposition'],
    talkSeconds: ['billsec'],
  },
  required: ['startedAt', 'disposition', 'talkSeconds'],
  sourceKeyPrefix: 'ast',
  dispositions: {
    ANSWERED: 'connected',
    'NO ANSWER': 'no_answer',
    BUSY: 'busy',
    FAILED: 'failed',
    CONGESTION: 'failed',
  },
  outcomes: { '': 'none' },
  directions: { outbound: 'outbound', inbound: 'inbound' },
  legs: true,
  pbx: true,
  derive: asteriskDerive,
} as const satisfies Partial<CallPreset>;
