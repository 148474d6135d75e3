/**
 * Asterisk `cdr_csv` (cdr/cdr_csv.c, Asterisk 1.8-22): /var/log/asterisk/cdr-csv/Master.csv, no
 * header. Sixteen columns always; `loguniqueid=yes` adds uniqueid, `loguserfield=yes` adds
 * userfield, `newcdrcolumns=yes` adds peeraccount, linkedid, sequence. Read here: 16 columns,
 * 17 (uniqueid only), 18 (both) and 21 (all). 19 and 20 columns (newcdrcolumns without uniqueid or
 * userfield) shift the names and are not read by this layout. Dates are the server's wall clock
 * (`usegmtime=no`, the default), read in the workspace's time zone. Semantics: asterisk-common.ts.
 */
import type { CallPreset } from '../preset';
import { asteriskBase } from './asterisk-common';

const NAMES = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
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
  'uniqueid',
  'userfield',
  'peeraccount',
  'linkedid',
  'sequence',
] as const;

export const asteriskCdrCsvPreset: CallPreset = {
  ...asteriskBase,
  id: 'asterisk-cdr-csv',
  name: 'Asterisk cdr_csv (Master.csv)',
  headerless: { names: NAMES, columnCounts: [16, 17, 18, 21] },
};
