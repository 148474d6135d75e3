/**
 * Calls packed to cross from the import worker to the thread that inserts them. Structured-cloning
 * thousands of small objects costs more than producing them; a batch packed as columns (numbers in
 * one Float64Array, enums and flags in one Uint8Array, every text in one string with a length
 * table) is a few memcpys, and unpacking it is a loop of slices. Lossless: `unpackCalls` returns
 * calls equal to the ones packed (null stays null, '' stays '', numbers up to 2^53 exactly).
 */
import { DIRECTIONS, DISPOSITIONS, OUTCOMES } from '../../src-shared/domain';
import type { NormalizedCall } from './normalise';
import type { StoredCall } from './produce';

export interface PackedCalls {
  count: number;
  /** per call: line, legs, startedAt, hour, weekday, ringSeconds, talkSeconds, saleAmount */
  numbers: Float64Array;
  /** per call: direction, disposition, outcome (indexes into the domain lists), flags (1 intent, 2 sale) */
  codes: Uint8Array;
  /** per call and text field: its length in `text`, -1 for null */
  lengths: Int32Array;
  text: string;
}

const NUMBERS = 8;
const CODES = 4;
const TEXT_FIELDS = [
  'sourceKey',
  'callId',
  'agentCode',
  'agentName',
  'teamName',
  'campaign',
  'day',
  'phoneHash',
  'phoneLast4',
  'recordingRef',
] as const satisfies readonly (keyof NormalizedCall)[];
const TEXTS = TEXT_FIELDS.length;

function codeOf(list: readonly string[], value: string): number {
  const code = list.indexOf(value);
  if (code === -1) throw new Error(`cannot pack "${value}": not one of ${list.join(', ')}`);
  return code;
}

export function packCalls(calls: readonly StoredCall[]): PackedCalls {
  const count = calls.length;
  const numbers = new Float64Array(count * NUMBERS);
  const codes = new Uint8Array(count * CODES);
  const lengths = new Int32Array(count * TEXTS);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const { line, legs, call } = calls[i]!;
    let n = i * NUMBERS;
    numbers[n++] = line;
    numbers[n++] = legs;
    numbers[n++] = call.startedAt;
    numbers[n++] = call.hour;
    numbers[n++] = call.weekday;
    numbers[n++] = call.ringSeconds;
    numbers[n++] = call.talkSeconds;
    numbers[n] = call.saleAmount;
    let c = i * CODES;
    codes[c++] = codeOf(DIRECTIONS, call.direction);
    codes[c++] = codeOf(DISPOSITIONS, call.disposition);
    codes[c++] = codeOf(OUTCOMES, call.outcome);
    codes[c] = (call.intent ? 1 : 0) | (call.sale ? 2 : 0);
    let t = i * TEXTS;
    for (const field of TEXT_FIELDS) {
      const value = call[field];
      if (value === null) lengths[t++] = -1;
      else {
        lengths[t++] = value.length;
        parts.push(value);
      }
    }
  }
  return { count, numbers, codes, lengths, text: parts.join('') };
}

/** The buffers to transfer (not copy) with a packed batch. */
export function transferList(packed: PackedCalls): ArrayBuffer[] {
  return [packed.numbers.buffer, packed.codes.buffer, packed.lengths.buffer] as ArrayBuffer[];
}

export function unpackCalls(packed: PackedCalls): StoredCall[] {
  const out: StoredCall[] = [];
  forEachCall(packed, (call) => out.push(call));
  return out;
}

/**
 * Each packed call in turn, made just before it is handed over: a whole batch of objects would
 * outlive a young-generation GC and be promoted, growing the heap (and RSS) with the file.
 */
export function forEachCall(packed: PackedCalls, visit: (call: StoredCall) => void): void {
  const { count, numbers, codes, lengths, text } = packed;
  let at = 0;
  let t = 0;
  const next = (): string | null => {
    const length = lengths[t++]!;
    if (length < 0) return null;
    const value = text.slice(at, at + length);
    at += length;
    return value;
  };
  for (let i = 0; i < count; i++) {
    const n = i * NUMBERS;
    const c = i * CODES;
    // Field order is TEXT_FIELDS' order.
    const sourceKey = next()!;
    const callId = next()!;
    const agentCode = next()!;
    const agentName = next();
    const teamName = next();
    const campaign = next();
    const day = next()!;
    const phoneHash = next();
    const phoneLast4 = next();
    const recordingRef = next();
    const flags = codes[c + 3]!;
    visit({
      line: numbers[n]!,
      legs: numbers[n + 1]!,
      call: {
        sourceKey,
        callId,
        agentCode,
        agentName,
        teamName,
        campaign,
        startedAt: numbers[n + 2]!,
        day,
        hour: numbers[n + 3]!,
        weekday: numbers[n + 4]!,
        direction: DIRECTIONS[codes[c]!]!,
        disposition: DISPOSITIONS[codes[c + 1]!]!,
        ringSeconds: numbers[n + 5]!,
        talkSeconds: numbers[n + 6]!,
        outcome: OUTCOMES[codes[c + 2]!]!,
        intent: (flags & 1) !== 0,
        sale: (flags & 2) !== 0,
        saleAmount: numbers[n + 7]!,
        phoneHash,
        phoneLast4,
        recordingRef,
      },
    });
  }
}
