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

/** Full-width digits and signs (１９９９, ：, ￥) as Chinese IMEs type them become ASCII; spaces collapse. */
function plain(text: string): string {
  if (isPlainAscii(text)) return text; // most cells: nothing to normalise, no new string
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/**
 * Whether `plain` would return `text` unchanged: printable ASCII (which NFKC keeps as it is) with
 * no leading, trailing or repeated space.
 */
function isPlainAscii(text: string): boolean {
  let afterSpace = true; // a leading space would be trimmed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (c < 33 || c > 126) return false;
    else afterSpace = false;
  }
  return text.length === 0 || !afterSpace;
}

const CLOCK_RE = /^(\d{1,4}):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/;
const CN_DURATION_RE = /^(?:(\d+)\s*(?:小时|时))?\s*(?:(\d+)\s*分(?:钟)?)?\s*(?:(\d+)\s*秒(?:钟)?)?$/;
const EN_DURATION_RE =
  /^(?:(\d+)\s*(?:h|hrs?|hours?)(?![a-z])\s*)?(?:(\d+)\s*(?:m|mins?|minutes?)(?![a-z])\s*)?(?:(\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)(?![a-z]))?$/i;

/**
 * Seconds from `125`, `125.4`, `HH:MM:SS(.f)`, `MM:SS`, `1h 2m 3s`, `2 min 3 sec`, `45s`, `3分25秒`,
 * `1时2分3秒`, `1小时2分钟`. Fractions of a second round to the nearest second, as plain numbers do.
 */
export function parseDuration(text: string): number {
  const t = plain(text);
  if (t === '') return 0;
  if (/^\d+(?:\.\d+)?$/.test(t)) return Math.round(Number(t));
  const clock = CLOCK_RE.exec(t);
  if (clock) {
    const [, a, b, c] = clock;
    const seconds =
      c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
    return Math.round(seconds);
  }
  for (const re of [CN_DURATION_RE, EN_DURATION_RE]) {
    const m = re.exec(t);
    if (m && (m[1] ?? m[2] ?? m[3]) !== undefined) {
      return Math.round(Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0));
    }
  }
  throw new ValueError(`cannot read "${text}" as a duration (seconds, HH:MM:SS, MM:SS, 1h 2m 3s or 3分25秒)`);
}

/** Instants outside these years are a misread column (an amount, an id), not a call. */
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2101, 0, 1);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The date part, in the orders exports write it. Each yields [year, month, day] and the rest.
// Y/M/D: 2026-11-03, 2026/11/3, 2026.11.3, 2026年11月3日 (ISO, and Chinese exports).
const YMD_RE = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)/;
// Two numbers then the 4-digit year: 10/27/2016 (US, month first) or 27/10/2016, 27.10.2016,
// 27-10-2016 (Europe, Latin America, much of Asia: day first). One cell cannot tell them apart;
// the import decides the order over the whole column (infer-columns.ts) and passes `dayFirst`.
const MDY_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})/;
// RFC 2822 style, weekday optional: Thu, 27 Oct 2016 / 27 Oct 2016 / 27-Oct-2016.
const DMONY_RE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{4})/i;
// The rest: an optional time (12-hour markers before or after it) and an optional zone.
const REST_RE =
  /^(?:[ T]\s*(?:(am|pm|上午|下午)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?(?:\s*(am|pm|a\.m\.|p\.m\.|上午|下午))?)?\s*(z|(?:utc|gmt)?\s*[+-]\d{2}:?\d{2}|utc|gmt)?$/i;

interface DateParts {
  year: number;
  month: number;
  day: number;
  rest: string;
}

function dateParts(t: string, dayFirst: boolean): DateParts | undefined {
  const ymd = YMD_RE.exec(t);
  if (ymd) {
    const [all, y, mo, d, cnMo, cnD] = ymd;
    const rest = t.slice(all.length);
    // 2026年11月3日9:15 writes no space before the time
    const spaced = cnD !== undefined && /^\d/.test(rest) ? ` ${rest}` : rest;
    return { year: Number(y), month: Number(mo ?? cnMo), day: Number(d ?? cnD), rest: spaced };
  }
  const mdy = MDY_RE.exec(t);
  if (mdy) {
    const [all, a, , b, y] = mdy;
    const [mo, d] = dayFirst ? [b, a] : [a, b];
    return { year: Number(y), month: Number(mo), day: Number(d), rest: t.slice(all.length) };
  }
  const named = DMONY_RE.exec(t);
  if (named) {
    const [all, d, monthName, y] = named;
    const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return undefined;
    return { year: Number(y), month, day: Number(d), rest: t.slice(all.length) };
  }
  return undefined;
}

/** Hour on the 24-hour clock from a 12-hour one: 12 AM is 0, 12 PM is 12. */
function hour24(hour: number, marker: string | undefined, text: string): number {
  if (marker === undefined) return hour;
  if (hour < 1 || hour > 12) throw new ValueError(`"${text}" has a 12-hour marker on hour ${hour}`);
  const pm = /^(?:pm|p\.m\.|下午)$/i.test(marker);
  return (hour % 12) + (pm ? 12 : 0);
}

function zoneOffsetMinutes(zone: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0; // Z, UTC, GMT
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function fromParts(parts: DateParts, text: string, timeZone: string): number | undefined {
  const rest = REST_RE.exec(parts.rest);
  if (!rest) return undefined;
  const [, markerBefore, h, mi, s, ms, markerAfter, zone] = rest;
  const { year, month, day } = parts;
  const hour = hour24(Number(h ?? 0), markerBefore ?? markerAfter, text);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const milli = ms === undefined ? 0 : Number(ms.padEnd(3, '0'));
  return instant(year, month, day, hour, minute, second, milli, zone, text, timeZone);
}

/**
 * `2026-11-03 09:15:02` (or with a `T`), the shape most exports write, read without regular
 * expressions or objects: the same instant as `dateParts` and `fromParts` give (an import reads
 * one per row). Undefined for any other shape.
 */
function fromIsoLocal(t: string, text: string, timeZone: string): number | undefined {
  if (t.length !== 19) return undefined;
  const sep = t.charCodeAt(10);
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || (sep !== 32 && sep !== 84)) return undefined;
  if (t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return undefined;
  const year = digitsAt(t, 0, 4);
  const month = digitsAt(t, 5, 2);
  const day = digitsAt(t, 8, 2);
  const hour = digitsAt(t, 11, 2);
  const minute = digitsAt(t, 14, 2);
  const second = digitsAt(t, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return instant(year, month, day, hour, minute, second, 0, undefined, text, timeZone);
}

/** The number the `count` ASCII digits at `from` write, or -1 when one is not a digit. */
function digitsAt(t: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The instant of a wall time in `timeZone`, or at the offset `zone` writes; checked as a date. */
function instant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  milli: number,
  zone: string | undefined,
  text: string,
  timeZone: string,
): number {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new ValueError(`"${text}" is not a valid date and time`);
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  if (new Date(asUtc).getUTCDate() !== day) throw new ValueError(`"${text}" is not a valid date`);
  if (zone === undefined) return wallTimeToEpoch(year, month, day, hour, minute, second, timeZone, milli);
  return asUtc - zoneOffsetMinutes(zone) * 60_000;
}

const DAY_MS = 86_400_000;
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

/**
 * An Excel serial date (45963.3854 = days since 1899-12-30, the fraction the time of day) as a wall
 * time in `timeZone`. Excel counts a 29 February 1900 that never was (serial 60), so serials from
 * 61 on are days since 1899-12-30; serial 60 is refused (earlier ones fall before 1990 anyway).
 */
function fromExcelSerial(serial: number, text: string, timeZone: string): number {
  if (serial === 60) throw new ValueError(`"${text}" is Excel's 1900-02-29, a day that does not exist`);
  const epochDays = serial > 60 ? serial - 25_569 : serial - 25_568; // 25569 = 1970-01-01
  const wall = new Date(Math.round((epochDays * DAY_MS) / 1000) * 1000);
  return wallTimeToEpoch(
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    timeZone,
  );
}

function inRange(epoch: number, text: string): number {
  if (epoch < EARLIEST || epoch >= LATEST) {
    throw new ValueError(`"${text}" is not a date between 1990 and 2100 (is this the right column?)`);
  }
  return epoch;
}

/**
 * The UTC instant of a timestamp. Reads `2026-11-03 09:15:02`, `2026/11/3 9:15`, `2026年11月3日`,
 * ISO 8601 with `T`, `Z` or an offset, `Thu, 01 Oct 2026 17:08:37 GMT` (weekday and zone optional),
 * `27 Oct 2016 14:51:34`, US `10/27/2016 2:51:34 PM`, 12-hour times with AM/PM or 上午/下午,
 * 9-10 / 12-13 digit epoch seconds/milliseconds, and Excel serial numbers. Times without a zone are wall
 * clock in `timeZone`; a zone (Z, UTC, GMT, +0800, -05:00) is converted. `dayFirst` reads 12/01/2026
 * as 12 January (else as 1 December). Instants before 1990 or
 * after 2100 are refused: such a date is a misread column, and the guard applies to every caller.
 */
export function parseTimestamp(text: string, timeZone: string, dayFirst = false): number {
  const t = plain(text);
  const iso = fromIsoLocal(t, text, timeZone);
  if (iso !== undefined) return inRange(iso, text);
  const parts = dateParts(t, dayFirst);
  if (parts) {
    const epoch = fromParts(parts, text, timeZone);
    if (epoch !== undefined) return inRange(epoch, text);
  } else if (/^\d{9,10}$/.test(t)) {
    // epoch seconds: 9 digits before September 2001, 10 after
    return inRange(Number(t) * 1000, text);
  } else if (/^\d{12,13}$/.test(t)) {
    return inRange(Number(t), text);
  } else if (/^\d{1,7}(?:\.\d+)?$/.test(t)) {
    const serial = Number(t);
    if (serial >= 1 && serial <= EXCEL_MAX_SERIAL)
      return inRange(fromExcelSerial(serial, text, timeZone), text);
  }
  throw new ValueError(
    `cannot read "${text}" as a date and time (expected e.g. 2026-11-03 09:15:02, 2026/11/3 9:15, ` +
      `ISO 8601, 10/27/2026 2:51 PM or Thu, 27 Oct 2026 14:51:34)`,
  );
}

const CURRENCY_PREFIX_RE = /^(?:[¥$€£]|US\$|(?:RMB|CNY|USD|EUR|GBP)\s*)/i;
const CURRENCY_SUFFIX_RE = /(?:元|\s*(?:RMB|CNY|USD|EUR|GBP)|[¥$€£])$/i;

/**
 * Minor units (fen/cents) from `1999`, `1,999.00`, `¥1999`, `$12.5`, `USD 12.50`, `12.50 USD`,
 * `1999.5元`, `-20.00`, `(12.00)` (accounting negative) and full-width `１９９９`. A comma is always
 * a thousands separator: `€1.234,56` is refused rather than misread (no layout we read writes
 * decimal commas; one that does would say so and convert first).
 */
export function parseAmount(text: string): number {
  let t = plain(text);
  if (t === '') return 0;
  // (12.00) is how accounting exports write -12.00; a minus may stand before or after the currency
  let negative = false;
  const parens = /^\((.*)\)$/.exec(t);
  if (parens) {
    negative = true;
    t = parens[1]!.trim();
  }
  const takeMinus = () => {
    if (!t.startsWith('-')) return;
    negative = true;
    t = t.slice(1).trim();
  };
  takeMinus();
  t = t.replace(CURRENCY_PREFIX_RE, '').replace(CURRENCY_SUFFIX_RE, '').trim();
  takeMinus();
  const cleaned = t.replace(/,/g, '');
  if (!/^\d+(?:\.\d{1,2})?$/.test(cleaned)) {
    throw new ValueError(`cannot read "${text}" as an amount (e.g. 1999.00, ¥1,999 or USD 12.50)`);
  }
  const [whole, fraction = ''] = cleaned.split('.');
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -minor : minor;
}

export interface PhoneReading {
  digits: string | null;
  /** Excel turned the number into scientific notation (1.38E+10): digits are lost */
  damaged: boolean;
  /** the exporting system hid the middle digits (138****1234): only these last digits are known */
  maskedLast4?: string;
}

/** 138****1234, 138xxxx1234, 138••••1234: a number the exporting system masked on purpose. */
const MASKED_PHONE_RE = /^\+?\d{2,}[*xX•]{3,}(\d{2,4})$/;

export function parsePhone(text: string): PhoneReading {
  const t = text.trim();
  if (t === '') return { digits: null, damaged: false };
  if (t.length >= 3 && t.length <= 20 && digitsOnly(t)) return { digits: t, damaged: false }; // most numbers
  if (/^\d+(?:\.\d+)?E\+?\d+$/i.test(t)) return { digits: null, damaged: true };
  const masked = MASKED_PHONE_RE.exec(t.replace(/[\s-]/g, ''));
  if (masked) return { digits: null, damaged: false, maskedLast4: masked[1] };
  const digits = t.replace(/[\s\-()+]/g, '');
  if (!/^\d{3,20}$/.test(digits)) return { digits: null, damaged: true };
  return { digits, damaged: false };
}

function digitsOnly(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const UNZONED_DATE_TIME_RE = /^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * For layouts documented to write UTC (Aircall, Talkdesk) but whose files may drop the `Z`: an ISO
 * date-time without a zone gets ` UTC`, so it is read as the instant it is, not as local wall time.
 */
export function assumeUtc(text: string): string {
  const t = text.trim();
  return UNZONED_DATE_TIME_RE.test(t) ? `${t} UTC` : t;
}
