/**
 * One parsed row -> one normalised call, or the reason it cannot be stored (with the field, in the
 * file's own header name). Shared by import and (later) its preview, so the preview is what lands.
 */
import { createHash } from 'node:crypto';
import type { Direction, Disposition, Outcome } from '../../src-shared/domain';
import { localParts } from '../../src-shared/time';
import { lookupValue, type CallField, type CallPreset, type ColumnMap } from './preset';
import { parseAmount, parseDuration, parsePhone, parseTimestamp, ValueError } from './values';

export interface NormalizedCall {
  sourceKey: string;
  agentCode: string;
  agentName: string | null;
  teamName: string | null;
  campaign: string | null;
  startedAt: number;
  day: string;
  hour: number;
  weekday: number;
  direction: Direction;
  disposition: Disposition;
  ringSeconds: number;
  talkSeconds: number;
  outcome: Outcome;
  intent: boolean;
  sale: boolean;
  /** minor units */
  saleAmount: number;
  phoneHash: string | null;
  phoneLast4: string | null;
  recordingRef: string | null;
}

export type RowResult =
  { ok: true; call: NormalizedCall } | { ok: false; field: string | null; reason: string };

export interface NormaliseOptions {
  timeZone: string;
  /** the workspace's secret salt for customer-number hashes */
  salt: string;
}

class FieldError extends Error {
  constructor(
    readonly field: CallField,
    message: string,
  ) {
    super(message);
  }
}

function choices(map: Readonly<Record<string, unknown>>): string {
  return Object.keys(map)
    .filter((k) => k !== '')
    .join(', ');
}

export function hashPhone(digits: string, salt: string): string {
  return createHash('sha256').update(salt).update(digits).digest('hex').slice(0, 32);
}

export function createNormaliser(
  preset: CallPreset,
  columns: ColumnMap,
  header: readonly string[],
  options: NormaliseOptions,
): (row: readonly string[]) => RowResult {
  const cell = (row: readonly string[], field: CallField): string => {
    const index = columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const read = <T>(row: readonly string[], field: CallField, parse: (text: string) => T): T => {
    try {
      return parse(cell(row, field));
    } catch (err) {
      if (err instanceof ValueError) throw new FieldError(field, err.message);
      throw err;
    }
  };
  const mapped = <T>(
    row: readonly string[],
    field: CallField,
    map: Readonly<Record<string, T>>,
    what: string,
  ): T => {
    const text = cell(row, field);
    const value = lookupValue(map, text);
    if (value === undefined)
      throw new FieldError(field, `unknown ${what} "${text}" (expected ${choices(map)})`);
    return value;
  };
  const fieldName = (field: CallField) => {
    const index = columns[field];
    return index === undefined ? field : (header[index] ?? field);
  };

  return (row) => {
    try {
      const agentCode = cell(row, 'agentCode');
      if (agentCode === '') throw new FieldError('agentCode', 'agent code (工号) is empty');
      const startedAt = read(row, 'startedAt', (t) => parseTimestamp(t, options.timeZone));
      const disposition = mapped(row, 'disposition', preset.dispositions, 'disposition');
      const direction = mapped(row, 'direction', preset.directions, 'direction');
      const outcome = mapped(row, 'outcome', preset.outcomes, 'outcome');
      const talkSeconds = read(row, 'talkSeconds', parseDuration);
      const ringSeconds = read(row, 'ringSeconds', parseDuration);
      const saleAmount = read(row, 'saleAmount', parseAmount);
      if (saleAmount < 0) throw new FieldError('saleAmount', 'a sale amount cannot be negative');
      const phone = parsePhone(cell(row, 'phone'));
      const callId = cell(row, 'callId');
      const { day, hour, weekday } = localParts(startedAt, options.timeZone);
      const sourceKey = callId
        ? `${preset.sourceKeyPrefix}:${callId}`
        : 'h:' +
          createHash('sha1')
            .update(`${agentCode}|${startedAt}|${phone.digits ?? ''}|${talkSeconds}`)
            .digest('base64url');
      const sale = outcome === 'sale';
      return {
        ok: true,
        call: {
          sourceKey,
          agentCode,
          agentName: cell(row, 'agentName') || null,
          teamName: cell(row, 'team') || null,
          campaign: cell(row, 'campaign') || null,
          startedAt,
          day,
          hour,
          weekday,
          direction,
          disposition,
          ringSeconds,
          talkSeconds,
          outcome,
          intent: sale || outcome === 'intent',
          sale,
          saleAmount: sale ? saleAmount : 0,
          phoneHash: phone.digits ? hashPhone(phone.digits, options.salt) : null,
          phoneLast4: phone.digits ? phone.digits.slice(-4) : null,
          recordingRef: cell(row, 'recording') || null,
        },
      };
    } catch (err) {
      if (err instanceof FieldError) return { ok: false, field: fieldName(err.field), reason: err.message };
      throw err;
    }
  };
}
