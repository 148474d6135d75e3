/**
 * 3CX call log / call reports export (v18 and v20 web client, "Call Logs" → Export, or the
 * scheduled "Call Log" report), UTF-8 with a BOM, CRLF, one header row: Call Time, Call ID, From,
 * To, Direction, Status, Ringing, Talking, Cost, Call Activity Details (v18 also Totals; v20 may add
 * Reason, Play, Sentiment, Summary, Transcription). Columns are matched by name.
 *
 * - One call is SEVERAL rows sharing Call ID: a queue or IVR segment, then the agent's, then each
 *   transfer. Parties read `Zhang Wei (1001)`, `Queue Sales (800)`, `+8613800138001`.
 * - The agent is the party on our side of the segment: `From` when Direction is Outbound, `To`
 *   otherwise (Inbound, Inbound Queue, Internal). It counts as an agent only as `Name (ext)` with a
 *   2-6 digit extension and a name that does not name a system extension: queue, ring group,
 *   IVR / digital receptionist, voicemail, fax, parking (3CX names them so by default; numbers
 *   alone cannot tell, queues and agents share the same number range).
 * - Direction: Outbound → outbound; Inbound, Inbound Queue → inbound; Internal (extension to
 *   extension) → inbound too, so a colleague's call is never counted as a dial.
 * - Status: Answered → connected; Unanswered and Waiting (still queued when exported) → no_answer.
 * - Ringing and Talking are HH:MM:SS. PBXs know nothing of sales: the outcome is always none.
 */
import type { CallPreset } from '../preset';

const PARTY_RE = /^(.*?)\s*\(\s*(\+?[\d\s-]+)\s*\)\s*$/;
const EXTENSION_RE = /^\d{2,6}$/;
const SYSTEM_PARTY_RE =
  /\b(?:queue|ring ?group|ivr|digital receptionist|receptionist|auto ?attendant|voice ?mail|fax|park)\b|队列|语音导航|语音信箱|振铃组/i;

interface Party {
  name: string;
  number: string;
}

/** `Zhang Wei (1001)` → name and number; a bare `+8613800138001` is a number without a name. */
export function readParty(text: string): Party {
  const t = text.trim();
  const m = PARTY_RE.exec(t);
  return m ? { name: m[1]!.trim(), number: m[2]!.replace(/[\s-]/g, '') } : { name: '', number: t };
}

export function isAgentParty(party: Party): boolean {
  return EXTENSION_RE.test(party.number) && party.name !== '' && !SYSTEM_PARTY_RE.test(party.name);
}

export const threeCxPreset: CallPreset = {
  id: '3cx',
  name: '3CX call log',
  columns: {
    callId: ['Call ID', 'CallID'],
    // From and To are read as the agent and the phone of an outbound segment (derive swaps them
    // for inbound ones); rejects of agent-less calls name the From column.
    agentCode: ['From'],
    phone: ['To'],
    startedAt: ['Call Time', 'Start Time'],
    direction: ['Direction'],
    disposition: ['Status'],
    ringSeconds: ['Ringing'],
    talkSeconds: ['Talking'],
  },
  required: ['callId', 'agentCode', 'phone', 'startedAt', 'direction', 'disposition', 'talkSeconds'],
  sourceKeyPrefix: '3cx',
  dispositions: {
    Answered: 'connected',
    Unanswered: 'no_answer',
    Waiting: 'no_answer',
  },
  outcomes: { '': 'none' },
  directions: {
    Outbound: 'outbound',
    Inbound: 'inbound',
    'Inbound Queue': 'inbound',
    Internal: 'inbound',
  },
  legs: true,
  derive(cell) {
    const outbound = cell('direction').toLowerCase() === 'outbound';
    const from = readParty(cell('agentCode'));
    const to = readParty(cell('phone'));
    const ours = outbound ? from : to;
    const theirs = outbound ? to : from;
    const agent = isAgentParty(ours);
    return {
      agentCode: agent ? ours.number : '',
      agentName: agent ? ours.name : '',
      phone: EXTENSION_RE.test(theirs.number) ? '' : theirs.number,
    };
  },
};
