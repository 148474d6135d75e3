/**
 * What a call's direction is written as, beside a layout's own type words (外呼 / 呼入, Outbound /
 * Inbound, which its `directions` map lists): a flag column saying "this call came in" (云客's
 * 呼入标记 / incomingCall, 是否呼入, is_inbound) holds 1/0, 是/否, Y/N or true/false; set is an
 * inbound call, unset or empty an outbound one. Real exports write no third value.
 */
import type { DirectionMeaning } from './preset';

export const INBOUND_FLAG: Readonly<Record<string, DirectionMeaning>> = {
  '': 'outbound',
  '0': 'outbound',
  '1': 'inbound',
  否: 'outbound',
  是: 'inbound',
  n: 'outbound',
  y: 'inbound',
  no: 'outbound',
  yes: 'inbound',
  false: 'outbound',
  true: 'inbound',
};

/**
 * Header names (as `headerKey`s) of an inbound flag: the header alone proposes nothing, the column's
 * values must be a flag too (a 呼入标记 column of phone numbers is no direction).
 */
export const INBOUND_FLAG_HEADERS: ReadonlySet<string> = new Set([
  '呼入标记',
  '呼入标识',
  '呼入标志',
  '是否呼入',
  '是否为呼入',
  '来电标记',
  '来电标识',
  '来电标志',
  '是否来电',
  '是否为来电',
  'inbound',
  'incoming',
  'isinbound',
  'isincoming',
  'incomingcall',
  'inboundcall',
  'inboundflag',
  'incomingflag',
]);
