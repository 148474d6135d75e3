/**
 * Calendar days and wall-clock times in a workspace time zone, on Intl alone (no Node, no DOM).
 *
 * A `Day` is a local calendar string `YYYY-MM-DD`. Day arithmetic works on UTC noon so that no
 * time zone or DST shift can move a day (the trap of `toISOString().split('T')[0]`).
 */

export type Day = string;

export interface LocalParts {
  day: Day;
  /** 0-23, local */
  hour: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Offsets change only on quarter-hour boundaries in every real zone, so cache per 15 minutes. */
const OFFSET_BUCKET_MS = 15 * 60 * 1000;
const offsetCache = new Map<string, Map<number, number>>();

/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone`. */
export function offsetAt(epochMs: number, timeZone: string): number {
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(timeZone, zoneCache);
  }
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
  const cached = zoneCache.get(bucket);
  if (cached !== undefined) return cached;
  const probe = bucket * OFFSET_BUCKET_MS;
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(probe))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const offset = asUtc - probe;
  if (zoneCache.size > 200_000) zoneCache.clear();
  zoneCache.set(bucket, offset);
  return offset;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function dayFromUtcDate(d: Date): Day {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

const HOUR_MS = 3600_000;
/** Local parts per zone and local hour: an import asks for the same few hours many times. */
const partsCache = new Map<string, Map<number, Readonly<LocalParts>>>();

/** The local day, hour and weekday of an instant in `timeZone` (a shared, frozen object). */
export function localParts(epochMs: number, timeZone: string): Readonly<LocalParts> {
  const localMs = epochMs + offsetAt(epochMs, timeZone);
  let zoneCache = partsCache.get(timeZone);
  if (!zoneCache) {
    zoneCache = new Map();
    partsCache.set(timeZone, zoneCache);
  }
  // Day, hour and weekday depend on the local time only, and are the same all through its hour.
  const localHour = Math.floor(localMs / HOUR_MS);
  const cached = zoneCache.get(localHour);
  if (cached !== undefined) return cached;
  const local = new Date(localHour * HOUR_MS);
  const dow = local.getUTCDay();
  const parts = Object.freeze({
    day: dayFromUtcDate(local),
    hour: local.getUTCHours(),
    weekday: dow === 0 ? 7 : dow,
  });
  if (zoneCache.size > 200_000) zoneCache.clear();
  zoneCache.set(localHour, parts);
  return parts;
}

/**
 * The UTC instant of a wall-clock time in `timeZone`. A time inside a DST gap moves forward by
 * the gap; an ambiguous time (the repeated hour) takes the earlier instant.
 */
export function wallTimeToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
  millisecond = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Offsets in force well before and well after: every reading of `wall` uses one of them.
  const before = wall - offsetAt(wall - 14 * 3600_000, timeZone);
  const after = wall - offsetAt(wall + 14 * 3600_000, timeZone);
  // (Written without arrays: this runs for every timestamp an import reads.)
  const beforeValid = before + offsetAt(before, timeZone) === wall;
  const afterValid = after === before ? beforeValid : after + offsetAt(after, timeZone) === wall;
  if (beforeValid && afterValid) return Math.min(before, after);
  if (afterValid) return after;
  return before; // valid, or in a gap: the old offset reads the time as that many minutes after the jump
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The wall-clock time of an instant in `timeZone`, as HH:MM:SS. */
export function localTimeOfDay(epochMs: number, timeZone: string): string {
  const d = new Date(epochMs + offsetAt(epochMs, timeZone));
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

export function isDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return dayFromUtcDate(d) === value;
}

function dayToUtcNoon(day: Day): Date {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

export function addDays(day: Day, n: number): Day {
  const d = dayToUtcNoon(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayFromUtcDate(d);
}

/** Whole days from `from` to `to` (to - from). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToUtcNoon(to).getTime() - dayToUtcNoon(from).getTime()) / 86_400_000);
}

/** ISO weekday of a day: 1 = Monday ... 7 = Sunday. */
export function weekdayOf(day: Day): number {
  const dow = dayToUtcNoon(day).getUTCDay();
  return dow === 0 ? 7 : dow;
}

export function addMonths(day: Day, n: number): Day {
  const d = dayToUtcNoon(day);
  const targetMonth = d.getUTCMonth() + n;
  const first = new Date(Date.UTC(d.getUTCFullYear(), targetMonth, 1, 12));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0, 12)).getUTCDate();
  first.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return dayFromUtcDate(first);
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function endOfMonth(day: Day): Day {
  return addDays(startOfMonth(addMonths(startOfMonth(day), 1)), -1);
}

/** Today's local day in `timeZone`. */
export function todayIn(timeZone: string, nowMs: number): Day {
  return localParts(nowMs, timeZone).day;
}
