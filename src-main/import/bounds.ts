/**
 * The sane bounds of what an import stores, in one place for calls and orders. A value outside
 * them is a misread column or a damaged file, never a real call or sale; rejecting it per row
 * also keeps every SQL sum inside 64-bit integers: a day, an agent or a whole workspace would need
 * 10^14 calls at the longest duration, or 9.2 million sales at the largest amount, to overflow.
 */
import { translate, type MessageParams } from '../../src-shared/i18n';
import type { importReasonsEn } from '../../src-shared/i18n/import-reasons.en';

/** A call (ring or talk) longer than 24 hours is not a call. */
export const MAX_CALL_SECONDS = 86_400;
/** 10^12 minor units: ten billion yuan (or dollars) in one sale or payment. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

export type ReasonKey = keyof typeof importReasonsEn;

/** Why a row was not stored, as a translatable key with its values. */
export interface Reason {
  key: ReasonKey;
  params: MessageParams;
}

/** The English sentence of a reason: what the CLI prints and the rejects CSV holds. */
export function reasonText(reason: Reason): string {
  return translate('en', reason.key, reason.params);
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** null when a duration in seconds is within bounds, else why not. */
export function durationProblem(seconds: number): Reason | null {
  if (seconds < 0) return { key: 'importReason.durationNegative', params: { value: String(seconds) } };
  if (!(seconds <= MAX_CALL_SECONDS))
    return {
      key: 'importReason.durationTooLong',
      params: { value: grouped(seconds), max: grouped(MAX_CALL_SECONDS) },
    };
  return null;
}

/** null when an amount in minor units is within bounds, else why not. */
export function amountProblem(minor: number): Reason | null {
  if (minor < 0) return { key: 'importReason.amountNegative', params: { value: minorText(minor) } };
  if (!(minor <= MAX_AMOUNT_MINOR))
    return {
      key: 'importReason.amountTooLarge',
      params: { value: minorText(minor), max: minorText(MAX_AMOUNT_MINOR) },
    };
  return null;
}

function minorText(minor: number): string {
  const abs = Math.abs(minor);
  if (!Number.isSafeInteger(abs)) return `${minor < 0 ? '-' : ''}${abs.toExponential(3)}`;
  return `${minor < 0 ? '-' : ''}${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}
