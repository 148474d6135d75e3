/**
 * 3CX v20 call reports ("Inbound calls" and "Outbound calls" under Reports, exported as CSV): one
 * row per call, no call id and no direction column — Call Time, Caller ID, Destination, Status,
 * Ringing, Talking (HH:MM:SS), then cost and notes columns — and a `Totals` row at the end.
 *
 * - Parties read as in the call log (threecx.ts): `Zhang Wei (1001)` is an agent at extension
 *   1001, a bare `+8613800138001` an outside number, queues and IVRs are named as such.
 * - Outbound report: the Caller ID is the agent, the Destination the customer. Inbound report: the
 *   Destination is the agent who took the call. A row whose two sides are agents is an internal
 *   call, read as the callee's inbound call (never a dial), as the call log layout does.
 * - Status: Answered → connected; Unanswered → no answer. The Totals row is passed over.
 */
import type { CallPreset } from '../preset';
import { isAgentParty, readParty, threeCxPreset } from './threecx';

const EXTENSION_RE = /^\d{2,6}$/;

export const threeCxReportPreset: CallPreset = {
  id: '3cx-report',
  name: '3CX v20 inbound / outbound calls report',
  columns: {
    agentCode: ['Caller ID', 'Caller'],
    phone: ['Destination'],
    startedAt: ['Call Time'],
    disposition: ['Status'],
    ringSeconds: ['Ringing'],
    talkSeconds: ['Talking'],
  },
  required: ['agentCode', 'phone', 'startedAt', 'disposition', 'talkSeconds'],
  sourceKeyPrefix: '3cxr',
  dispositions: { ...threeCxPreset.dispositions },
  outcomes: { '': 'none' },
  directions: { outbound: 'outbound', inbound: 'inbound' },
  // The call log has a Call ID and a Direction: a file with them is the call log layout.
  notWith: ['Call ID', 'CallID', 'Direction'],
  skipRow: (row) => /^\s*totals?\s*:?\s*$/i.test(row[0] ?? ''),
  derive(cell) {
    const caller = readParty(cell('agentCode'));
    const callee = readParty(cell('phone'));
    const calleeIsAgent = isAgentParty(callee);
    const outbound = isAgentParty(caller) && !calleeIsAgent;
    const agent = outbound ? caller : calleeIsAgent ? callee : null;
    const customer = outbound ? callee : caller;
    return {
      agentCode: agent?.number ?? '',
      agentName: agent?.name ?? '',
      direction: outbound ? 'outbound' : 'inbound',
      phone: EXTENSION_RE.test(customer.number) ? '' : customer.number,
    };
  },
};
