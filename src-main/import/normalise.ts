/**
 * One parsed row -> one normalised call, or the reason it cannot be stored (with the field, in the
 * file's own header name). Shared by import and (later) its preview, so the preview is what lands.
 */
import { hash } from 'node:crypto';
import type { Direction, Disposition, Outcome } from '../../src-shared/domain';
import { INBOUND_FLAG } from './direction-values';
import { localParts } from '../../src-shared/time';
import {
  learnPbx,
  pbxClassifier,
  pbxColumns,
  type CallKind,
  type PbxLeg,
  type PbxPlan,
} from './pbx-classify';
import { agentCodeFromName, durationIn, splitAgent, type ColumnReadings } from './infer-columns';
import { amountProblem, durationProblem, reasonText, type Reason } from './bounds';
import {
  lookupValue,
  type CallField,
  type CallPreset,
  type ColumnMap,
  type DirectionMeaning,
} from './preset';
import { parseAmount, parsePhone, parseTimestamp, ValueError } from './values';

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
  /** a PBX leg's kind (pbx-classify.ts); absent for layouts that log calls, not legs */
  kind?: CallKind;
}

/** Something read around rather than rejected: the call is stored, the note says what was lost. */
export interface FieldWarning {
  field: string;
  reason: string;
}

export type RowResult =
  | { ok: true; call: NormalizedCall; warnings?: FieldWarning[] }
  /** `code`: the reason as a translatable key, where it has one */
  | { ok: false; field: string | null; reason: string; code?: Reason };

export interface NormaliseOptions {
  /** the zone of the file's wall-clock times */
  timeZone: string;
  /** the workspace's zone, which a call's day, hour and weekday are counted in (default: timeZone) */
  dayTimeZone?: string;
  /** the workspace's secret salt for customer-number hashes */
  salt: string;
  /** the user's meanings of the file's texts, over the layout's own maps */
  values?: {
    dispositions?: Readonly<Record<string, Disposition>>;
    outcomes?: Readonly<Record<string, Outcome>>;
    directions?: Readonly<Record<string, DirectionMeaning>>;
  };
  /** a PBX layout's learned endpoints (pbx-classify.ts); unlearned roles when absent */
  pbx?: PbxPlan;
  /** how values a preset does not describe are read (day-first dates, split date and time, units) */
  readings?: ColumnReadings;
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
  /** the current row's PBX leg, for a PBX layout */
  leg: PbxLeg | undefined;

  constructor(
    private readonly preset: CallPreset,
    private readonly columns: ColumnMap,
    private readonly classify?: (row: readonly string[]) => PbxLeg,
  ) {}

  private readonly fromCell = (field: CallField): string => {
    const index = this.columns[field];
    return index === undefined ? '' : (this.row[index] ?? '').trim();
  };

  load(row: readonly string[]): this {
    this.row = row;
    this.leg = this.classify?.(row);
    this.derived = this.preset.derive?.(this.fromCell, row, this.leg);
    return this;
  }

  get(field: CallField): string {
    const text = this.derived?.[field];
    return text === undefined ? this.fromCell(field) : text.trim();
  }
}

/** What a layout's texts mean once the user's meanings are laid over its own. */
export function valueMaps(
  preset: CallPreset,
  values: NormaliseOptions['values'],
  readings: ColumnReadings = {},
) {
  // An inbound flag column (呼入标记 1/0) is read by the flag's table, a type column by the layout's.
  const directions = readings.inboundFlag ? INBOUND_FLAG : preset.directions;
  return {
    dispositions: { ...preset.dispositions, ...values?.dispositions },
    outcomes: { ...preset.outcomes, ...values?.outcomes },
    directions: values?.directions ? { ...directions, ...values.directions } : directions,
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

/** A PBX layout's row classifier: the plan's learned roles, or name-based ones before learning. */
export function pbxLegs(
  preset: CallPreset,
  header: readonly string[],
  plan: PbxPlan | undefined,
): ((row: readonly string[]) => PbxLeg) | undefined {
  if (!preset.pbx) return undefined;
  return pbxClassifier(plan ?? learnPbx(pbxColumns(header), []));
}

export function createNormaliser(
  preset: CallPreset,
  columns: ColumnMap,
  header: readonly string[],
  options: NormaliseOptions,
): (row: readonly string[]) => RowResult {
  const readings = options.readings ?? {};
  const { dispositions, outcomes, directions } = valueMaps(preset, options.values, readings);
  const lookups = {
    disposition: cachedLookup(dispositions),
    direction: cachedLookup(directions),
    outcome: cachedLookup(outcomes),
  };
  const fieldName = (field: CallField) => {
    const index = columns[field];
    return index === undefined ? field : (header[index] ?? field);
  };
  const { timeZone, salt } = options;
  const dayZone = options.dayTimeZone ?? timeZone;
  const fields = new FieldTexts(preset, columns, pbxLegs(preset, header, options.pbx));
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
  const startZone = readings.startZone ?? timeZone;
  const dayFirst = readings.dateOrder === 'dmy';
  const parseStart = (text: string) => parseTimestamp(text, startZone, dayFirst);
  const timeColumn = readings.startTimeColumn;
  const startText = (): string => {
    const date = cell('startedAt');
    if (timeColumn === undefined || date === '') return date;
    return `${date} ${(currentRow[timeColumn] ?? '').trim()}`;
  };
  const parseTalk = durationIn(readings.talkUnit);
  const parseRing = durationIn(readings.ringUnit);
  const noStatusColumn = columns.disposition === undefined;
  let currentRow: readonly string[] = [];
  let warnings: FieldWarning[] | undefined;
  const warn = (field: CallField, reason: string) =>
    (warnings ??= []).push({ field: fieldName(field), reason });
  // An optional field that cannot be read is stored empty with a warning, never a lost call.
  const optional = <T>(field: CallField, parse: (text: string) => T, empty: T): T => {
    try {
      return parse(cell(field));
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      warn(field, `${err.message}; stored without it`);
      return empty;
    }
  };

  return (cells) => {
    fields.load(cells);
    currentRow = cells;
    warnings = undefined;
    try {
      let agentCode = cell('agentCode');
      let agentName = cell('agentName') || null;
      if (readings.agentCombined) {
        const split = splitAgent(agentCode);
        if (split) {
          agentCode = split.code;
          if (agentName === null || columns.agentName === columns.agentCode) agentName = split.name;
        }
      } else if (
        agentName !== null &&
        columns.agentCode !== undefined &&
        columns.agentName === columns.agentCode
      ) {
        // One column names the agent and nothing codes them: the code is derived from the name.
        agentCode = agentCodeFromName(agentName);
      }
      // A leg without an agent (the trunk's, the queue's) is fine: its call takes the agent's leg.
      const robot = agentCode === '' && preset.agentlessIsRobot === true;
      if (agentCode === '' && !preset.legs && !robot)
        throw new FieldError('agentCode', 'agent code (工号) is empty');
      const startedAt =
        timeColumn === undefined
          ? read('startedAt', parseStart)
          : read('startedAt', () => parseStart(startText()));
      const talkSeconds = optional('talkSeconds', parseTalk, 0);
      checkBound('talkSeconds', durationProblem(talkSeconds));
      const disposition = readDisposition(talkSeconds);
      const meaning = readDirection();
      // An internal call is stored as nothing: it is counted as such (produce.ts), not as a dial.
      const direction = meaning === 'internal' ? 'outbound' : meaning;
      const outcome = readOutcome();
      // Unreadable: stored empty with a warning; readable but out of bounds: the row is rejected.
      const ringSeconds = optional('ringSeconds', parseRing, 0);
      checkBound('ringSeconds', durationProblem(ringSeconds));
      const saleAmount = optional('saleAmount', parseAmount, 0);
      checkBound('saleAmount', amountProblem(saleAmount));
      const phone = parsePhone(cell('phone'));
      if (phone.damaged)
        warn('phone', `cannot read "${maskPhoneText(cell('phone'))}" as a phone number; stored without it`);
      const callId = cell('callId');
      const { day, hour, weekday } = localParts(startedAt, dayZone);
      const sourceKey = callId
        ? `${preset.sourceKeyPrefix}:${callId}`
        : 'h:' + hash('sha1', `${agentCode}|${startedAt}|${phone.digits ?? ''}|${talkSeconds}`, 'base64url');
      const sale = outcome === 'sale';
      const call: NormalizedCall = {
        sourceKey,
        callId,
        agentCode,
        agentName,
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
        // A number the exporting system masked keeps its last digits; it cannot be counted as a repeat.
        phoneLast4: phone.digits ? phone.digits.slice(-4) : (phone.maskedLast4 ?? null),
        recordingRef: cell('recording') || null,
      };
      // Only PBX layouts classify legs; other rows keep the object shape they always had.
      if (fields.leg) call.kind = fields.leg.kind;
      else if (meaning === 'internal') call.kind = 'internal';
      else if (robot) call.kind = 'robot';
      return { ok: true, call, warnings };
    } catch (err) {
      if (err instanceof FieldError) {
        const code = err.code && { code: err.code };
        return { ok: false, field: fieldName(err.field), reason: err.message, ...code };
      }
      throw err;
    }
  };

  /**
   * Without a status column a call is connected when it has talk time; a status text the maps do
   * not know is read the same way, with a warning naming it (the preview lists such texts).
   */
  function readDisposition(talkSeconds: number): Disposition {
    const text = cell('disposition');
    const known = lookups.disposition(text);
    if (known !== undefined) return known;
    const byTalk: Disposition = talkSeconds > 0 ? 'connected' : 'no_answer';
    if (noStatusColumn) return byTalk;
    if (preset.strictValues || preset.pendingStatuses?.includes(text.toUpperCase())) {
      return mapped('disposition', dispositions);
    }
    warn(
      'disposition',
      `unknown status "${text}" read as ${byTalk} (talk time ${talkSeconds > 0 ? '> 0' : '= 0'})`,
    );
    return byTalk;
  }

  /** A direction text the maps do not know is read as outbound, with a warning naming it. */
  function readDirection(): DirectionMeaning {
    const text = cell('direction');
    const known = lookups.direction(text);
    if (known !== undefined) return known;
    if (preset.strictValues) return mapped('direction', directions);
    warn('direction', `unknown direction "${text}" read as outbound`);
    return 'outbound';
  }

  function readOutcome(): Outcome {
    const text = cell('outcome');
    const known = lookups.outcome(text) ?? preset.outcomeFallback;
    if (known !== undefined) return known;
    if (preset.strictValues) return mapped('outcome', outcomes);
    warn('outcome', `unknown outcome "${text}" stored as none`);
    return 'none';
  }
}
