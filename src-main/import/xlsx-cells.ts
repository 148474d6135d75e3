/**
 * Turning XLSX cell values into the text our normaliser reads, so a cell and the same value typed
 * into a CSV file import alike. Excel stores dates and durations as serial day numbers; only the
 * cell's number format tells them from plain numbers, so the format decides. Pure functions.
 *
 * Excel dates have no time zone: serials are read with UTC arithmetic, which is the wall clock the
 * cell shows, whatever zone this machine is in.
 */

/** How a number format shows a number: as a number, a date and/or time, or an elapsed time ([h]). */
export type NumberKind = 'number' | 'dateTime' | 'elapsed';

// ECMA-376 Part 1, 18.8.30. 27-36 and 50-58 are East Asian: Chinese Excel writes 31 for
// yyyy"年"m"月"d"日" and 32/33 for h"时"mm"分"(ss"秒") without spelling the format out.
const BUILTIN_KINDS = new Map<number, NumberKind>([
  ...[14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 47].map((id) => [id, 'dateTime'] as const),
  ...[27, 28, 29, 30, 31, 32, 33, 34, 35, 36].map((id) => [id, 'dateTime'] as const),
  ...[50, 51, 52, 53, 54, 55, 56, 57, 58].map((id) => [id, 'dateTime'] as const),
  [46, 'elapsed'],
]);

export function builtinFormatKind(numFmtId: number): NumberKind {
  return BUILTIN_KINDS.get(numFmtId) ?? 'number';
}

/** The section for positive numbers: sections are split by `;` outside quotes. */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\') i++;
    else if (c === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

export function formatKind(code: string): NumberKind {
  const section = firstSection(code)
    .replace(/"[^"]*"/g, '') // literal text, e.g. "年" or "¥"
    .replace(/\\./g, '') // escaped characters
    .replace(/[_*]./g, ''); // padding and fill characters
  if (/\[(?:h+|m+|s+)\]/i.test(section)) return 'elapsed';
  const codes = section
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locales ([$¥-804], [Red], [DBNum1])
    .replace(/general/gi, '')
    .replace(/am\/pm|a\/p/gi, '')
    .toLowerCase();
  // E+ (scientific), B (Buddhist year) and G (era) stay out: only these letters are unambiguous.
  return /[ymdhs]/.test(codes) ? 'dateTime' : 'number';
}

/** Shortest faithful decimal: 0.1+0.2 shows as 0.3, 13800138000 stays 13800138000. */
export function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function clockText(seconds: number): string {
  return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

const SECONDS_PER_DAY = 86_400;
/** 10000-01-01: Excel shows #### from here on */
const SERIAL_LIMIT = 2_958_466;

/** `HH:MM:SS`, hours running past 24 as [h] shows them. */
export function durationText(serial: number): string {
  const seconds = Math.round(Math.abs(serial) * SECONDS_PER_DAY);
  return (serial < 0 ? '-' : '') + clockText(seconds);
}

/** `YYYY-MM-DD HH:MM:SS` of a serial date in the 1900 (Windows) or 1904 (old Mac) date system. */
export function dateTimeText(serial: number, date1904: boolean): string {
  if (!(serial >= 0 && serial < SERIAL_LIMIT)) return numberText(serial);
  const total = Math.round(serial * SECONDS_PER_DAY);
  const serialDay = Math.floor(total / SECONDS_PER_DAY);
  // Excel counts a 1900-02-29 that never was (serial 60): serials before it start a day later.
  const days = !date1904 && serialDay < 61 ? serialDay + 1 : serialDay;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + days * SECONDS_PER_DAY * 1000);
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return `${date} ${clockText(total - serialDay * SECONDS_PER_DAY)}`;
}

/** A number cell as text, by its format: dates and times as wall clock, durations as HH:MM:SS. */
export function numberCellText(value: number, kind: NumberKind, date1904: boolean): string {
  if (kind === 'number') return numberText(value);
  if (kind === 'elapsed') return durationText(value);
  // A date format on a value under one day is a time of day or a duration (0:03:25), not 1899-12-30.
  if (value >= 0 && value < 1) return durationText(value);
  return dateTimeText(value, date1904);
}

/** A `t="d"` cell (ISO 8601, strict OOXML) as `YYYY-MM-DD HH:MM:SS`. */
export function isoDateText(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text.trim());
  if (!m) return text;
  return `${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}`;
}

/** OOXML escapes characters XML cannot carry as _xHHHH_ (a CR is _x000D_). */
export function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
