/**
 * Asterisk CDR semantics shared by the cdr_csv and cdr_custom layouts (same fields, different
 * column orders). Reference: Asterisk's CDR specification (docs.asterisk.org, "Asterisk 12 CDR
 * Specification") and `cdr/cdr_csv.c`.
 *
 * - One CDR per pair of bridged channels, written when it ENDS: a transferred or queued call is
 *   several rows sharing `linkedid` (Asterisk 1.8+, logged by cdr_csv only with
 *   `newcdrcolumns=yes`); without it `uniqueid` identifies each row and rows are not merged.
 * - The agent is the extension of the agent's device: `SIP/1001-0000000a`, `PJSIP/1001-00000012`,
 *   `IAX2/1001-123`. A peer whose name is not 2-6 digits (`PJSIP/trunk-provider-…`, `SIP/gw1-…`)
 *   is a trunk; `Local/…` channels are dialplan plumbing (queues, follow-me): neither is an agent.
 * - Direction: OUTBOUND when the agent's device is the calling `channel` and `dst` is an external
 *   number (7+ digits); INBOUND when the agent's device is the called `dstchannel` (a call from a
 *   trunk or a queue delivered to the agent, and also an internal or transferred call to them);
 *   otherwise, an agent on `channel` calling something that is not a person (voicemail, a feature
 *   code) is outbound too: the row is the agent's own doing. The customer's number is `dst` for
 *   outbound and `src` for inbound.
 * - `billsec` is talk time; `duration - billsec` is ring time (start to answer). An unanswered CDR
 *   has an empty `answer`. Dispositions: ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION.
 * - PBXs know nothing of sales: the outcome is always none.
 */
import type { CallField, CallPreset } from '../preset';

const AGENT_DEVICE_RE = /^(?:SIP|PJSIP|IAX2)\/(\d{2,6})-[0-9a-z]+(?:;\d+)?$/i;
const EXTERNAL_NUMBER_RE = /^\+?\d{7,}$/;

/** The agent's extension in a channel name, or '' for a trunk, a Local channel or nothing. */
export function agentExtension(channel: string): string {
  return AGENT_DEVICE_RE.exec(channel.trim())?.[1] ?? '';
}

export function isExternalNumber(text: string): boolean {
  return EXTERNAL_NUMBER_RE.test(text.trim().replace(/[\s-]/g, ''));
}

/** The Asterisk CDR field names both layouts write (their order differs). */
type AsteriskField =
  'src' | 'dst' | 'channel' | 'dstchannel' | 'duration' | 'billsec' | 'uniqueid' | 'linkedid';

/** `derive` for a layout whose columns are `names`: agent, direction, phone, ring time, call id. */
export function asteriskDerive(names: readonly string[]): NonNullable<CallPreset['derive']> {
  const index = (name: AsteriskField) => names.indexOf(name);
  const at = Object.fromEntries(
    (['src', 'dst', 'channel', 'dstchannel', 'duration', 'billsec', 'uniqueid', 'linkedid'] as const).map(
      (name) => [name, index(name)],
    ),
  ) as Record<AsteriskField, number>;
  return (_cell, row) => {
    const get = (name: AsteriskField) => (at[name] < 0 ? '' : (row[at[name]] ?? '').trim());
    const caller = agentExtension(get('channel'));
    const callee = agentExtension(get('dstchannel'));
    const outbound = caller !== '' && (isExternalNumber(get('dst')) || callee === '');
    const derived: Partial<Record<CallField, string>> = outbound
      ? { agentCode: caller, direction: 'outbound', phone: get('dst') }
      : callee !== ''
        ? { agentCode: callee, direction: 'inbound', phone: get('src') }
        : { agentCode: '', direction: 'inbound', phone: get('src') };
    const duration = Number(get('duration'));
    const billsec = Number(get('billsec'));
    if (Number.isFinite(duration) && Number.isFinite(billsec) && get('duration') !== '') {
      derived.ringSeconds = String(Math.max(0, duration - billsec));
    }
    derived.callId = get('linkedid') || get('uniqueid');
    return derived;
  };
}

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
} as const satisfies Partial<CallPreset>;
