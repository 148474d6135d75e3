/**
 * Twilio's call log as the Console exports it (Monitor → Logs → Calls → Export CSV; the same
 * fields as the Calls resource of the REST API): Date Created, Date Updated, Start Time, End Time
 * (UTC), Duration (seconds), Sid, From, To, Status (completed, busy, no-answer, failed, canceled),
 * Direction (inbound, outbound-api, outbound-dial, trunking-originating…), Price, Price Unit,
 * Parent Call Sid, and more not read here. Columns are matched by name, in any order.
 *
 * One row is one LEG. A click-to-call first rings the agent (an `outbound-api` leg to
 * `client:alice`, `sip:alice@…` or the agent's phone), then dials the customer from it: a child
 * `outbound-dial` leg whose Parent Call Sid is the agent leg's Sid. Legs group by that parent Sid;
 * the call is one dial of the agent, and its answer and talk are the customer leg's (the merger's
 * `customerLegTalks`): the agent leg is "completed" as soon as the agent picks up. An inbound call
 * rung through to an agent (`outbound-dial` to a client or SIP user) is that agent's inbound call;
 * an inbound call no agent took has no agent leg and is rejected as such. A `trunking-originating`
 * leg (a PBX calling out over an Elastic SIP trunk) is a dial of the calling SIP user on its own.
 */
import type { CallPreset } from '../preset';
import { assumeUtc } from '../values';

/** Twilio call SIDs: `CA` and 32 hex digits (account SIDs start `AC`, number SIDs `PN`). */
const CALL_SID_RE = /^CA[0-9a-f]{32}$/i;

/** `client:alice`, `sip:alice@acme.sip.twilio.com` → `alice`; '' for a phone number. */
function endpointUser(address: string): string {
  const m = /^(?:client|sip):([^@;]+)/i.exec(address.trim());
  return m ? m[1]! : '';
}

export const twilioPreset: CallPreset = {
  id: 'twilio',
  name: 'Twilio call log',
  columns: {
    // The parent's Sid when the row is a child leg; the row's own Sid is found in derive.
    callId: ['Parent Call Sid', 'ParentCallSid', 'parent_call_sid'],
    agentCode: ['To'],
    phone: ['From'],
    startedAt: ['Start Time', 'StartTime', 'start_time'],
    talkSeconds: ['Duration'],
    disposition: ['Status'],
    direction: ['Direction'],
  },
  required: ['callId', 'agentCode', 'phone', 'startedAt', 'talkSeconds', 'disposition', 'direction'],
  sourceKeyPrefix: 'twilio',
  dispositions: {
    completed: 'connected',
    busy: 'busy',
    'no-answer': 'no_answer',
    canceled: 'no_answer',
    failed: 'failed',
  },
  pendingStatuses: ['queued', 'ringing', 'in-progress', 'initiated'],
  outcomes: { '': 'none' },
  directions: { outbound: 'outbound', inbound: 'inbound' },
  legs: true,
  customerLegTalks: true,
  derive(cell, row) {
    const to = cell('agentCode');
    const from = cell('phone');
    const kind = cell('direction').toLowerCase();
    const ownSid = row.map((v) => v.trim()).find((v) => CALL_SID_RE.test(v)) ?? '';
    const callId = cell('callId') || ownSid;
    const startedAt = assumeUtc(cell('startedAt'));
    if (kind === 'outbound-api') {
      // The agent's own leg: its status and length are the agent's, the customer's come with the child.
      const agent = endpointUser(to) || to;
      const status = cell('disposition').toLowerCase() === 'completed' ? 'no-answer' : cell('disposition');
      return {
        callId,
        startedAt,
        agentCode: agent,
        phone: '',
        direction: 'outbound',
        disposition: status,
        talkSeconds: '0',
      };
    }
    if (kind === 'trunking-originating') {
      return { callId, startedAt, agentCode: endpointUser(from) || from, phone: to, direction: 'outbound' };
    }
    if (kind === 'outbound-dial' && endpointUser(to) !== '') {
      return { callId, startedAt, agentCode: endpointUser(to), phone: '', direction: 'inbound' };
    }
    // The customer's leg: a child dialled out to them, or an inbound call from them.
    return {
      callId,
      startedAt,
      agentCode: '',
      phone: kind === 'inbound' ? from : to,
      direction: kind === 'inbound' ? 'inbound' : 'outbound',
    };
  },
};
