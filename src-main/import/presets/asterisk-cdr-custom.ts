/**
 * Asterisk `cdr_custom` with the mapping of the sample `cdr_custom.conf` shipped with Asterisk
 * (/var/log/asterisk/cdr-custom/Master.csv, no header): clid, src, dst, dcontext, channel,
 * dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags,
 * accountcode, uniqueid, userfield (each through CSV_QUOTE) and sequence (unquoted): 19 columns.
 * Sites often append their own variables after these (e.g. callid, rtcpinfo): up to 24 columns
 * are read, the extra ones as `Column 20`…. Semantics: asterisk-common.ts; without linkedid each
 * row is its own call (uniqueid).
 */
import type { CallPreset } from '../preset';
import { asteriskBase } from './asterisk-common';

const NAMES = [
  'clid',
  'src',
  'dst',
  'dcontext',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'accountcode',
  'uniqueid',
  'userfield',
  'sequence',
] as const;

export const asteriskCdrCustomPreset: CallPreset = {
  ...asteriskBase,
  id: 'asterisk-cdr-custom',
  name: 'Asterisk cdr_custom (Master.csv)',
  headerless: { names: NAMES, columnCounts: [19, 20, 21, 22, 23, 24] },
};
