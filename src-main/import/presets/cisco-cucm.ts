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
 * Written without the header (and type row), as a CDR repository or billing server keeps them, a
 * file is known by its width: the field order is fixed, each release only appends (Cisco's CDR
 * field list: 78 fields in 6.1, 94 in 7.1, 103 in 8.0, 104 in 8.5/8.6, 110 in 9.x, 125 in 10.0,
 * 129 in 11.x); the first 78 are named here, later ones read as `Column N`.
 *
 * Agent, direction, customer: the shared PBX classifier (pbx-classify.ts) on callingPartyNumber
 * and finalCalledPartyNumber: an extension reaching an external number is an outbound dial,
 * outside to an extension inbound, extension to extension internal (counted, not stored).
 */
import type { CallPreset } from '../preset';

/** The CDR fields of CUCM 6.1 in file order: every later release keeps them and appends. */
const NAMES = [
  'cdrRecordType',
  'globalCallID_callManagerId',
  'globalCallID_callId',
  'origLegCallIdentifier',
  'dateTimeOrigination',
  'origNodeId',
  'origSpan',
  'origIpAddr',
  'callingPartyNumber',
  'callingPartyUnicodeLoginUserID',
  'origCause_location',
  'origCause_value',
  'origPrecedenceLevel',
  'origMediaTransportAddress_IP',
  'origMediaTransportAddress_Port',
  'origMediaCap_payloadCapability',
  'origMediaCap_maxFramesPerPacket',
  'origMediaCap_g723BitRate',
  'origVideoCap_Codec',
  'origVideoCap_Bandwidth',
  'origVideoCap_Resolution',
  'origVideoTransportAddress_IP',
  'origVideoTransportAddress_Port',
  'origRSVPAudioStat',
  'origRSVPVideoStat',
  'destLegCallIdentifier',
  'destNodeId',
  'destSpan',
  'destIpAddr',
  'originalCalledPartyNumber',
  'finalCalledPartyNumber',
  'finalCalledPartyUnicodeLoginUserID',
  'destCause_location',
  'destCause_value',
  'destPrecedenceLevel',
  'destMediaTransportAddress_IP',
  'destMediaTransportAddress_Port',
  'destMediaCap_payloadCapability',
  'destMediaCap_maxFramesPerPacket',
  'destMediaCap_g723BitRate',
  'destVideoCap_Codec',
  'destVideoCap_Bandwidth',
  'destVideoCap_Resolution',
  'destVideoTransportAddress_IP',
  'destVideoTransportAddress_Port',
  'destRSVPAudioStat',
  'destRSVPVideoStat',
  'dateTimeConnect',
  'dateTimeDisconnect',
  'lastRedirectDn',
  'pkid',
  'originalCalledPartyNumberPartition',
  'callingPartyNumberPartition',
  'finalCalledPartyNumberPartition',
  'lastRedirectDnPartition',
  'duration',
  'origDeviceName',
  'destDeviceName',
  'origCallTerminationOnBehalfOf',
  'destCallTerminationOnBehalfOf',
  'origCalledPartyRedirectOnBehalfOf',
  'lastRedirectRedirectOnBehalfOf',
  'origCalledPartyRedirectReason',
  'lastRedirectRedirectReason',
  'destConversationID',
  'globalCallId_ClusterId',
  'joinOnBehalfOf',
  'Comment',
  'authCodeDescription',
  'authorizationLevel',
  'clientMatterCode',
  'origDTMFMethod',
  'destDTMFMethod',
  'callSecuredStatus',
  'origConversationID',
  'origMediaCap_Bandwidth',
  'destMediaCap_Bandwidth',
  'authorizationCodeValue',
] as const;

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

/** The same records written without the header: known by their width and read by content. */
export const ciscoCucmHeaderlessPreset: CallPreset = {
  ...ciscoCucmPreset,
  id: 'cisco-cucm-headerless',
  name: 'Cisco CUCM CDR (no header)',
  headerless: { names: NAMES, columnCounts: [78, 94, 103, 104, 110, 125, 129] },
};
