/**
 * One parsed row -> one normalised call, or the reason it cannot be stored (with the field, in the
 * file's own header name). Shared by import and (later) its preview, so the preview is what lands.
 */
import { hash } from 'node:crypto';
import type { Direction, Disposition, Outcome } from '../../src-shared/domain';
import { localParts } from '../../src-shared/time';
import { amountProblem, durationProblem, reasonText, type Reason } from './bounds';
import { lookupValue, type CallField, type CallPreset, type ColumnMap } from './preset';
import { parseAmount, parseDuration, parsePhone, parseTimestamp, ValueError } from './values';

export interface NormalizedCall {
  sourceKey: string;
  /** the file's own call id ('' when it has none): legs sharing it are one call */
  callId: string;
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
  | { ok: true; call: NormalizedCall }
  /** `code`: the reason as a translatable key, where it has one */
  | { ok: false; field: string | null; reason: string; code?: Reason };

export interface NormaliseOptions {
  timeZone: string;
  /** the workspace's secret salt for customer-number hashes */
  salt: string;
  /** the user's meanings of the file's texts, over the layout's own maps */
  values?: {
    dispositions?: Readonly<Record<string, Disposition>>;
    outcomes?: Readonly<Record<string, Outcome>>;
  };
}

class FieldError extends Error {
  constructor(
    readonly field: CallField,
    message: string,
    readonly code?: Reason,
  ) {
    super(message);
  }
}

/** Throws the field's error when a value is outside the bounds of bounds.ts. */
function checkBound(field: CallField, problem: Reason | null): void {
  if (problem) throw new FieldError(field, reasonText(problem), problem);
}

function choices(map: Readonly<Record<string, unknown>>): string {
  return Object.keys(map)
    .filter((k) => k !== '')
    .join(', ');
}

/** Salted SHA-256 of the digits (the same bytes as hashing salt then digits); one-shot, no Hash object. */
export function hashPhone(digits: string, salt: string): string {
  return hash('sha256', salt + digits, 'hex').slice(0, 32);
}

/**
 * A customer number as it may be kept in a rejected row's text: every digit but the last four
 * hidden (`138••••5678`), so a workspace stores no full number unless the user asks it to.
 */
export function maskPhoneText(text: string): string {
  let keep = 4;
  const chars = [...text];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/\d/.test(chars[i]!)) continue;
    if (keep > 0) keep--;
    else chars[i] = '•';
  }
  return chars.join('');
}

/**
 * The text of each field of the current row: its column's cell, or what the layout derives. One
 * instance serves row after row (`load`), so a million rows do not make millions of closures.
 */
export class FieldTexts {
  private row: readonly string[] = [];
  private derived: Partial<Record<CallField, string>> | undefined;

  constructor(
    private readonly preset: CallPreset,
    private readonly columns: ColumnMap,
  ) {}

  private readonly fromCell = (field: CallField): string => {
    const index = this.columns[field];
    return index === undefined ? '' : (this.row[index] ?? '').trim();
  };

  load(row: readonly string[]): this {
    this.row = row;
    this.derived = this.preset.derive?.(this.fromCell, row);
    return this;
  }

  get(field: CallField): string {
    const text = this.derived?.[field];
    return text === undefined ? this.fromCell(field) : text.trim();
  }
}

/** What a layout's texts mean once the user's meanings are laid over its own. */
export function valueMaps(preset: CallPreset, values: NormaliseOptions['values']) {
  return {
    dispositions: { ...preset.dispositions, ...values?.dispositions },
    outcomes: { ...preset.outcomes, ...values?.outcomes },
  };
}

/** Texts looked up per value map before the cache stops growing (a file has few distinct ones). */
const MAX_CACHED_TEXTS = 1000;

/** `lookupValue` with the answer for each exact (already trimmed) text remembered. */
function cachedLookup<T>(map: Readonly<Record<string, T>>): (text: string) => T | undefined {
  const cache = new Map<string, T | undefined>();
  return (text) => {
    if (cache.has(text)) return cache.get(text);
    const value = lookupValue(map, text);
    if (cache.size < MAX_CACHED_TEXTS) cache.set(text, value);
    return value;
  };
}

export function createNormaliser(
  preset: CallPreset,
  columns: ColumnMap,
  header: readonly string[],
  options: NormaliseOptions,
): (row: readonly string[]) => RowResult {
  const { dispositions, outcomes } = valueMaps(preset, options.values);
  const lookups = {
    disposition: cachedLookup(dispositions),
    direction: cachedLookup(preset.directions),
    outcome: cachedLookup(outcomes),
  };
  const fieldName = (field: CallField) => {
    const index = columns[field];
    return index === undefined ? field : (header[index] ?? field);
  };
  const { timeZone, salt } = options;
  const fields = new FieldTexts(preset, columns);
  const cell = (field: CallField): string => fields.get(field);
  const read = <T>(field: CallField, parse: (text: string) => T): T => {
    try {
      return parse(cell(field));
    } catch (err) {
      if (err instanceof ValueError) throw new FieldError(field, err.message);
      throw err;
    }
  };
  const mapped = <T>(
    field: 'disposition' | 'direction' | 'outcome',
    map: Readonly<Record<string, T>>,
    fallback?: T,
  ): T => {
    const text = cell(field);
    const value = (lookups[field](text) as T | undefined) ?? fallback;
    if (value === undefined)
      throw new FieldError(field, `unknown ${field} "${text}" (expected ${choices(map)})`);
    return value;
  };
  const parseStart = (text: string) => parseTimestamp(text, timeZone);

  return (cells) => {
    fields.load(cells);
    try {
      const agentCode = cell('agentCode');
      // A leg without an agent (the trunk's, the queue's) is fine: its call takes the agent's leg.
      if (agentCode === '' && !preset.legs) throw new FieldError('agentCode', 'agent code (工号) is empty');
      const startedAt = read('startedAt', parseStart);
      const disposition = mapped('disposition', dispositions);
      const direction = mapped('direction', preset.directions);
      const outcome = mapped('outcome', outcomes, preset.outcomeFallback);
      const talkSeconds = read('talkSeconds', parseDuration);
      checkBound('talkSeconds', durationProblem(talkSeconds));
      const ringSeconds = read('ringSeconds', parseDuration);
      checkBound('ringSeconds', durationProblem(ringSeconds));
      const saleAmount = read('saleAmount', parseAmount);
      checkBound('saleAmount', amountProblem(saleAmount));
      const phone = parsePhone(cell('phone'));
      const callId = cell('callId');
      const { day, hour, weekday } = localParts(startedAt, timeZone);
      const sourceKey = callId
        ? `${preset.sourceKeyPrefix}:${callId}`
        : 'h:' + hash('sha1', `${agentCode}|${startedAt}|${phone.digits ?? ''}|${talkSeconds}`, 'base64url');
      const sale = outcome === 'sale';
      return {
        ok: true,
        call: {
          sourceKey,
          callId,
          agentCode,
          agentName: cell('agentName') || null,
          teamName: cell('team') || null,
          campaign: cell('campaign') || null,
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
          phoneHash: phone.digits ? hashPhone(phone.digits, salt) : null,
          phoneLast4: phone.digits ? phone.digits.slice(-4) : null,
          recordingRef: cell('recording') || null,
        },
      };
    } catch (err) {
      if (err instanceof FieldError) {
        const code = err.code && { code: err.code };
        return { ok: false, field: fieldName(err.field), reason: err.message, ...code };
      }
      throw err;
    }
  };
}
