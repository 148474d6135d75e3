/**
 * Asterisk CDRs exported WITH a header: FreePBX / Issabel "CDR Reports" CSV export and dumps of the
 * MySQL `asteriskcdrdb.cdr` table (`SELECT * … INTO OUTFILE`, phpMyAdmin, mysqldump-to-CSV). The
 * table's columns, in FreePBX's order: calldate, clid, src, dst, dcontext, channel, dstchannel,
 * lastapp, lastdata, duration, billsec, disposition, amaflags, accountcode, uniqueid, userfield,
 * did, recordingfile, cnum, cnam, outbound_cnum, outbound_cnam, dst_cnam, linkedid, peeraccount,
 * sequence — 16 to 26 of them depending on the version (older tables stop at userfield; Issabel
 * lacks the outbound_* ones). Matched by name, so any subset and order reads, as long as calldate,
 * disposition and billsec are there. Semantics as Asterisk's (asterisk-common.ts, pbx-classify.ts);
 * `calldate` is the start, in the server's wall clock.
 */
import type { CallPreset } from '../preset';
import { asteriskBase } from './asterisk-common';

export const freepbxCdrPreset: CallPreset = {
  ...asteriskBase,
  id: 'freepbx-cdr',
  name: 'FreePBX / Issabel CDR (asteriskcdrdb.cdr)',
  columns: {
    ...asteriskBase.columns,
    startedAt: ['calldate', 'call date', 'start'],
    recording: ['recordingfile'],
  },
  required: ['startedAt', 'disposition', 'talkSeconds', 'agentCode'],
};
