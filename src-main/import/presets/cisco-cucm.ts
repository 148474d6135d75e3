/**
 * Cisco Unified Communications Manager CDR flat files (CDR Analysis and Reporting / the CDR
 * repository's `cdr_StandAloneCluster_…` files): a header row of field names, then a row of their
 * types (`INTEGER,INTEGER,…,VARCHAR(50)`), then one row per call leg. Fields used (by name, so
 * any CUCM version's column set reads): cdrRecordType (1 = CDR; 2 = CMR, the voice-quality
 * records, passed over), globalCallID_callId (legs of one call share it), dateTimeOrigination,
 * dateTimeConnect and dateTimeDisconnect (epoch seconds, UTC; connect 0 = never answered),
 * callingPartyNumber, finalCalledPartyNumber, duration (connect to disconnect: talk time),
 * destCause_value (Q.850: 17 busy, 16/18/19 no answer when nobody connected).
 *
 * Agent, direction, customer: the shared PBX classifier (pbx-classify.ts) on callingPartyNumber
 * and finalCalledPartyNumber: an extension reaching an external number is an outbound dial,
 * outside to an extension inbound, extension to extension internal (counted, not stored).
 */
import type { CallPreset } from '../preset';

const NO_ANSWER_CAUSES = new Set(['0', '16', '18', '19', '']);
const TYPE_ROW_RE = /^(?:INTEGER|UNIQUEIDENTIFIER|VARCHAR\(\d+\)|DATETIME|SMALLINT|BIGINT)$/i;

export const ciscoCucmPreset: CallPreset = {
  id: 'cisco-cucm',
  name: 'Cisco CUCM CDR',
  columns: {
    callId: ['globalCallID_callId'],
    agentCode: ['callingPartyNumber'],
    startedAt: ['dateTimeOrigination'],
    ringSeconds: ['dateTimeConnect'],
    talkSeconds: ['duration'],
    disposition: ['destCause_value'],
  },
  required: ['callId', 'agentCode', 'startedAt', 'ringSeconds', 'talkSeconds', 'disposition'],
  sourceKeyPrefix: 'cucm',
  dispositions: { connected: 'connected', busy: 'busy', no_answer: 'no_answer', failed: 'failed' },
  outcomes: { '': 'none' },
  directions: { outbound: 'outbound', inbound: 'inbound' },
  legs: true,
  pbx: true,
  // The type row under the header, and CMR records (cdrRecordType 2).
  skipRow: (row) => TYPE_ROW_RE.test((row[0] ?? '').trim()) || (row[0] ?? '').trim() === '2',
  derive(cell, _row, leg) {
    const start = Number(cell('startedAt'));
    const connect = Number(cell('ringSeconds'));
    const answered = connect > 0 || Number(cell('talkSeconds')) > 0;
    const cause = cell('disposition');
    return {
      agentCode: leg?.agentCode ?? '',
      direction: leg?.kind === 'outbound' ? 'outbound' : 'inbound',
      phone: leg?.phone ?? '',
      ringSeconds: connect > 0 && start > 0 ? String(Math.max(0, connect - start)) : '0',
      disposition: answered
        ? 'connected'
        : cause === '17'
          ? 'busy'
          : NO_ANSWER_CAUSES.has(cause)
            ? 'no_answer'
            : 'failed',
    };
  },
};
