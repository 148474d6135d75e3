/**
 * A holiday schedule read from a file, for the years this version does not ship (the State
 * Council publishes next year's 放假安排 each November or December): an iCalendar file (.ics), as
 * calendar apps and the public 中国法定节假日 feeds publish it, or the JSON those feeds also give
 * (`{ year, days: [{ name, date, isOffDay }] }`, one year or a list of years).
 *
 * In an .ics every all-day event is a run of days off, except one whose summary says it is a
 * working day (上班, 补班, 班, "working day"): a make-up day (调休). Bounded: the file's size, its
 * events and an event's length are capped, and an error names the line.
 */
import { addDays, type Day } from './time';

/** Days off and make-up working days, each listed once, sorted. */
export interface HolidaySchedule {
  off: Day[];
  work: Day[];
  /** the years the days fall in */
  years: number[];
}

export type HolidayFileProblem =
  | { code: 'tooLarge'; limitKb: number }
  | { code: 'unreadable' }
  | { code: 'empty' }
  | { code: 'tooManyEvents'; limit: number }
  | { code: 'badDate'; line: number; value: string }
  | { code: 'tooLong'; line: number; limit: number };

export type HolidayFileResult =
  { ok: true; schedule: HolidaySchedule } | { ok: false; problem: HolidayFileProblem };

export const HOLIDAY_FILE_LIMITS = {
  /** a year's feed is a few KB; a whole history of them ~100 KB */
  bytes: 1 << 20,
  events: 2_000,
  /** the longest public holiday is 9 days; a month leaves room for a company's own closures */
  eventDays: 31,
} as const;

const WORKING_SUMMARY = /班|working\s*day|workday/i;

/** A file over the size limit (the page says so from the file's size, before reading it). */
export const HOLIDAY_FILE_TOO_LARGE: HolidayFileResult = {
  ok: false,
  problem: { code: 'tooLarge', limitKb: HOLIDAY_FILE_LIMITS.bytes >> 10 },
};

export function readHolidayFile(text: string): HolidayFileResult {
  if (text.length > HOLIDAY_FILE_LIMITS.bytes) return HOLIDAY_FILE_TOO_LARGE;
  const body = text.replace(/^\uFEFF/, '').trim();
  const read = body.startsWith('{') || body.startsWith('[') ? readJson(body) : readIcs(body);
  if (!read.ok) return read;
  const { off, work } = read;
  if (off.size === 0 && work.size === 0) return { ok: false, problem: { code: 'empty' } };
  // A day listed both ways is a working day: a feed marks a make-up day inside a longer closure.
  for (const day of work) off.delete(day);
  const years = [...new Set([...off, ...work].map((d) => Number(d.slice(0, 4))))].sort();
  return { ok: true, schedule: { off: [...off].sort(), work: [...work].sort(), years } };
}

type Days = { ok: true; off: Set<Day>; work: Set<Day> } | { ok: false; problem: HolidayFileProblem };

/** `YYYY-MM-DD` or `YYYYMMDD` (an iCalendar DATE, or the date of a DATE-TIME) as a real day. */
function dayOf(value: string): Day | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const year = Number(m[1]);
  // A date that does not exist (02-30) comes back from the calendar arithmetic as another day.
  return year >= 1970 && year <= 2100 && addDays(day, 0) === day ? day : null;
}

function readJson(body: string): Days {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, problem: { code: 'unreadable' } };
  }
  const years = Array.isArray(parsed) ? parsed : [parsed];
  const off = new Set<Day>();
  const work = new Set<Day>();
  let count = 0;
  for (const year of years) {
    const days: unknown =
      typeof year === 'object' && year !== null ? (year as { days?: unknown }).days : null;
    if (!Array.isArray(days)) return { ok: false, problem: { code: 'unreadable' } };
    for (const entry of days as unknown[]) {
      if (++count > HOLIDAY_FILE_LIMITS.events)
        return { ok: false, problem: { code: 'tooManyEvents', limit: HOLIDAY_FILE_LIMITS.events } };
      const { date, isOffDay } = (entry ?? {}) as { date?: unknown; isOffDay?: unknown };
      const day = typeof date === 'string' ? dayOf(date) : null;
      if (!day || typeof isOffDay !== 'boolean')
        return { ok: false, problem: { code: 'badDate', line: count, value: String(date) } };
      (isOffDay ? off : work).add(day);
    }
  }
  return { ok: true, off, work };
}

/** iCalendar content lines (RFC 5545 §3.1: a line starting with a space or tab continues the last). */
function unfold(body: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  body.split(/\r?\n/).forEach((raw, i) => {
    const last = lines[lines.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else lines.push({ text: raw, line: i + 1 });
  });
  return lines;
}

function readIcs(body: string): Days {
  if (!/^BEGIN:VCALENDAR/i.test(body)) return { ok: false, problem: { code: 'unreadable' } };
  const off = new Set<Day>();
  const work = new Set<Day>();
  let events = 0;
  let event: { start?: Day; end?: Day; summary: string; line: number } | null = null;
  for (const { text, line } of unfold(body)) {
    const colon = text.indexOf(':');
    const name = (colon < 0 ? text : text.slice(0, colon)).split(';')[0]!.toUpperCase();
    const value = colon < 0 ? '' : text.slice(colon + 1);
    if (name === 'BEGIN' && value.toUpperCase() === 'VEVENT') {
      if (++events > HOLIDAY_FILE_LIMITS.events)
        return { ok: false, problem: { code: 'tooManyEvents', limit: HOLIDAY_FILE_LIMITS.events } };
      event = { summary: '', line };
    } else if (event && (name === 'DTSTART' || name === 'DTEND')) {
      const day = dayOf(value);
      if (!day) return { ok: false, problem: { code: 'badDate', line, value } };
      if (name === 'DTSTART') event.start = day;
      else event.end = day;
    } else if (event && name === 'SUMMARY') {
      event.summary = value;
    } else if (event && name === 'END' && value.toUpperCase() === 'VEVENT') {
      if (!event.start) return { ok: false, problem: { code: 'badDate', line: event.line, value: '' } };
      // DTEND is exclusive; an all-day event without one is that one day.
      const last = event.end && event.end > event.start ? addDays(event.end, -1) : event.start;
      const target = WORKING_SUMMARY.test(event.summary) ? work : off;
      let length = 0;
      for (let d = event.start; d <= last; d = addDays(d, 1)) {
        if (++length > HOLIDAY_FILE_LIMITS.eventDays)
          return {
            ok: false,
            problem: { code: 'tooLong', line: event.line, limit: HOLIDAY_FILE_LIMITS.eventDays },
          };
        target.add(d);
      }
      event = null;
    }
  }
  return { ok: true, off, work };
}
