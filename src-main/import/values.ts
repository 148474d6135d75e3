/**
 * Reading the values call logs carry: durations, timestamps, amounts, phone numbers. Each parser
 * returns the value or a `ValueError` whose message says what was expected, so a rejected row can
 * name its field and reason. Pure functions: no I/O.
 */
import { wallTimeToEpoch } from '../../src-shared/time';

export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

const CLOCK_RE = /^(\d{1,4}):([0-5]?\d)(?::([0-5]?\d))?(?:\.\d+)?$/;
const CN_DURATION_RE = /^(?:(\d+)\s*(?:小时|时))?\s*(?:(\d+)\s*分(?:钟)?)?\s*(?:(\d+)\s*秒)?$/;

/** Seconds from `125`, `125.4`, `HH:MM:SS`, `MM:SS`, `3分25秒`, `1时2分3秒`, `1小时2分`, `25秒`. */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  if (/^\d+(?:\.\d+)?$/.test(t)) return Math.round(Number(t));
  const clock = CLOCK_RE.exec(t);
  if (clock) {
    const [, a, b, c] = clock;
    return c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
  }
  const cn = CN_DURATION_RE.exec(t);
  if (cn && (cn[1] ?? cn[2] ?? cn[3]) !== undefined) {
    return Number(cn[1] ?? 0) * 3600 + Number(cn[2] ?? 0) * 60 + Number(cn[3] ?? 0);
  }
  throw new ValueError(`cannot read "${text}" as a duration (seconds, HH:MM:SS, MM:SS or 3分25秒)`);
}

// 2026-11-03 09:15:02 | 2026/11/3 9:15 | 2026-11-03T09:15:02.123+08:00 | ...Z
const DATE_TIME_RE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The UTC instant of a timestamp. Wall-clock times (no offset) are read in `timeZone`; times with
 * `Z` or an offset are converted; 10/13-digit numbers are epoch seconds/milliseconds.
 */
export function parseTimestamp(text: string, timeZone: string): number {
  const t = text.trim();
  const m = DATE_TIME_RE.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s, ms, zone] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h ?? 0);
    const minute = Number(mi ?? 0);
    const second = Number(s ?? 0);
    const milli = ms === undefined ? 0 : Number(ms.padEnd(3, '0'));
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      throw new ValueError(`"${text}" is not a valid date and time`);
    }
    const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, milli);
    if (new Date(asUtc).getUTCDate() !== day) throw new ValueError(`"${text}" is not a valid date`);
    if (zone === undefined) return wallTimeToEpoch(year, month, day, hour, minute, second, timeZone, milli);
    if (zone.toUpperCase() === 'Z') return asUtc;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    return asUtc - sign * offsetMinutes * 60_000;
  }
  if (/^\d{10}$/.test(t)) return Number(t) * 1000;
  if (/^\d{13}$/.test(t)) return Number(t);
  throw new ValueError(
    `cannot read "${text}" as a date and time (expected e.g. 2026-11-03 09:15:02, 2026/11/3 9:15 or ISO 8601)`,
  );
}

/** Minor units (fen/cents) from `1999`, `1,999.00`, `¥1999`, `$12.5`, `1999元`, `-20.00`. */
export function parseAmount(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  const cleaned = t
    .replace(/^[¥￥$€£]|^(?:RMB|CNY|USD)\s*/i, '')
    .replace(/元$/, '')
    .replace(/,/g, '')
    .trim();
  if (!/^-?\d+(?:\.\d{1,2})?$/.test(cleaned)) {
    throw new ValueError(`cannot read "${text}" as an amount (e.g. 1999.00 or ¥1,999)`);
  }
  const negative = cleaned.startsWith('-');
  const [whole, fraction = ''] = cleaned.replace('-', '').split('.');
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -minor : minor;
}

export interface PhoneReading {
  digits: string | null;
  /** Excel turned the number into scientific notation (1.38E+10): digits are lost */
  damaged: boolean;
}

export function parsePhone(text: string): PhoneReading {
  const t = text.trim();
  if (t === '') return { digits: null, damaged: false };
  if (/^\d+(?:\.\d+)?E\+?\d+$/i.test(t)) return { digits: null, damaged: true };
  const digits = t.replace(/[\s\-()+]/g, '');
  if (!/^\d{3,20}$/.test(digits)) return { digits: null, damaged: true };
  return { digits, damaged: false };
}
