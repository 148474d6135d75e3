/**
 * FreeSWITCH `mod_cdr_csv` Master.csv (autoload_configs/cdr_csv.conf.xml), no header, every field
 * quoted: the `example` template (the shipped default-template, 15 columns: caller_id_name,
 * caller_id_number, destination_number, context, start_stamp, answer_stamp, end_stamp, duration,
 * billsec, hangup_cause, uuid, bleg_uuid, accountcode, read_codec, write_codec) and its 13-column
 * form without the codecs (the `sql` template's fields, used by many installs). The same file
 * re-saved by a spreadsheet (no quotes, `2020/2/10 22:41` dates without seconds, CRLF, GBK names)
 * has the same column counts and reads the same.
 *
 * - Answered = billsec > 0 or an answer_stamp. Not answered, by hangup cause (Q.850 names):
 *   USER_BUSY → busy; NO_ANSWER, NO_USER_RESPONSE, ORIGINATOR_CANCEL, CALL_REJECTED → no_answer
 *   (the phone rang or the caller gave up); any other cause (UNALLOCATED_NUMBER,
 *   NORMAL_TEMPORARY_FAILURE, RECOVERY_ON_TIMER_EXPIRE, …) → failed: the call never reached a
 *   person, which is what "failed" means to a team lead.
 * - Agent, direction and customer: the shared PBX classifier (pbx-classify.ts) on
 *   caller_id_number and destination_number: an extension (2-6 digits) reaching an external
 *   number is an OUTBOUND dial (agent name = caller_id_name); a call from outside to an extension
 *   is INBOUND for that extension; extension to extension is internal and `*…` a feature code:
 *   neither is stored, both are counted. An IVR or DID leg that never reached an extension has
 *   no agent.
 * - Legs (`legs="ab"` in the config; the default is `a`): the a-leg row carries its b-leg's uuid
 *   in bleg_uuid, the b-leg row has its own uuid there and an empty bleg_uuid. So the call id is
 *   `bleg_uuid || uuid`: both rows of one bridged call name the b-leg's uuid, from one row each.
 *   An a-leg bridged several times in turn names only its last b-leg; earlier b-legs stay
 *   separate calls.
 */
import type { Disposition } from '../../../src-shared/domain';
import { lookupValue, type CallPreset } from '../preset';

const NAMES = [
  'caller_id_name',
  'caller_id_number',
  'destination_number',
  'context',
  'start_stamp',
  'answer_stamp',
  'end_stamp',
  'duration',
  'billsec',
  'hangup_cause',
  'uuid',
  'bleg_uuid',
  'accountcode',
  'read_codec',
  'write_codec',
] as const;

/** Q.850 hangup causes of calls that were not answered; anything else unanswered is `failed`. */
const UNANSWERED_CAUSES: Readonly<Record<string, Disposition>> = {
  USER_BUSY: 'busy',
  NO_ANSWER: 'no_answer',
  NO_USER_RESPONSE: 'no_answer',
  ORIGINATOR_CANCEL: 'no_answer',
  CALL_REJECTED: 'no_answer',
};

const at = (name: (typeof NAMES)[number]) => NAMES.indexOf(name);

export const freeswitchCdrCsvPreset: CallPreset = {
  id: 'freeswitch-cdr-csv',
  name: 'FreeSWITCH mod_cdr_csv (Master.csv)',
  columns: {
    // The agent usually dials from caller_id_number; rejects of agent-less calls name that column.
    agentCode: ['caller_id_number'],
    startedAt: ['start_stamp'],
    talkSeconds: ['billsec'],
    disposition: ['hangup_cause'],
  },
  required: ['startedAt', 'talkSeconds', 'disposition'],
  sourceKeyPrefix: 'fs',
  dispositions: { connected: 'connected', busy: 'busy', no_answer: 'no_answer', failed: 'failed' },
  outcomes: { '': 'none' },
  directions: { outbound: 'outbound', inbound: 'inbound' },
  headerless: { names: NAMES, columnCounts: [13, 15] },
  legs: true,
  pbx: true,
  derive(_cell, row, leg) {
    const get = (name: (typeof NAMES)[number]) => (row[at(name)] ?? '').trim();
    const billsec = get('billsec');
    const answered = Number(billsec) > 0 || get('answer_stamp') !== '';
    const disposition = answered
      ? 'connected'
      : (lookupValue(UNANSWERED_CAUSES, get('hangup_cause')) ?? 'failed');
    const duration = Number(get('duration'));
    const ring =
      Number.isFinite(duration) && Number(billsec) >= 0 ? Math.max(0, duration - Number(billsec)) : 0;
    const outbound = leg?.kind === 'outbound';
    return {
      agentCode: leg?.agentCode ?? '',
      agentName: outbound ? get('caller_id_name') : '',
      direction: outbound ? 'outbound' : 'inbound',
      phone: leg?.phone ?? '',
      // No cause and no answer is not a FreeSWITCH CDR row: left empty, the row is rejected.
      disposition: get('hangup_cause') === '' && !answered ? '' : disposition,
      ringSeconds: String(ring),
      callId: get('bleg_uuid') || get('uuid'),
    };
  },
};
