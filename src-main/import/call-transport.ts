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
  const cursor = new PackedCallCursor(packed);
  while (cursor.next()) {
    const { line, legs, ...call } = cursor;
    out.push({ line, legs, call: { ...call } });
  }
  return out;
}

/**
 * Reads packed calls one at a time into itself: the importer hands the cursor to the call writer
 * as the call, so no object is made per call (objects made a whole batch at a time outlived a
 * young-generation GC, were promoted, and grew the heap and RSS with the file). Whoever reads a
 * call must not keep the cursor: it changes on `next()`.
 */
export class PackedCallCursor implements NormalizedCall {
  line = 0;
  legs = 0;
  sourceKey = '';
  callId = '';
  agentCode = '';
  agentName: string | null = null;
  teamName: string | null = null;
  campaign: string | null = null;
  startedAt = 0;
  day = '';
  hour = 0;
  weekday = 0;
  direction: NormalizedCall['direction'] = 'outbound';
  disposition: NormalizedCall['disposition'] = 'connected';
  ringSeconds = 0;
  talkSeconds = 0;
  outcome: NormalizedCall['outcome'] = 'none';
  intent = false;
  sale = false;
  saleAmount = 0;
  phoneHash: string | null = null;
  phoneLast4: string | null = null;
  recordingRef: string | null = null;
  // #private, so that spreading the cursor copies the call's fields only
  readonly #packed: PackedCalls;
  #index = -1;
  #at = 0;
  #t = 0;

  constructor(packed: PackedCalls) {
    this.#packed = packed;
  }

  /** Moves to the next call; false after the last. */
  next(): boolean {
    const { count, numbers, codes } = this.#packed;
    const i = ++this.#index;
    if (i >= count) return false;
    const n = i * NUMBERS;
    const c = i * CODES;
    this.line = numbers[n]!;
    this.legs = numbers[n + 1]!;
    this.startedAt = numbers[n + 2]!;
    this.hour = numbers[n + 3]!;
    this.weekday = numbers[n + 4]!;
    this.ringSeconds = numbers[n + 5]!;
    this.talkSeconds = numbers[n + 6]!;
    this.saleAmount = numbers[n + 7]!;
    this.direction = DIRECTIONS[codes[c]!]!;
    this.disposition = DISPOSITIONS[codes[c + 1]!]!;
    this.outcome = OUTCOMES[codes[c + 2]!]!;
    const flags = codes[c + 3]!;
    this.intent = (flags & 1) !== 0;
    this.sale = (flags & 2) !== 0;
    // In TEXT_FIELDS' order.
    this.sourceKey = this.text()!;
    this.callId = this.text()!;
    this.agentCode = this.text()!;
    this.agentName = this.text();
    this.teamName = this.text();
    this.campaign = this.text();
    this.day = this.text()!;
    this.phoneHash = this.text();
    this.phoneLast4 = this.text();
    this.recordingRef = this.text();
    return true;
  }

  private text(): string | null {
    const length = this.#packed.lengths[this.#t++]!;
    if (length < 0) return null;
    const value = this.#packed.text.slice(this.#at, this.#at + length);
    this.#at += length;
    return value;
  }
}
