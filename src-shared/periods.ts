/** Date-range presets of the filter bar, and the previous comparable period of a range. */
import { addDays, addMonths, daysBetween, endOfMonth, startOfMonth, weekdayOf, type Day } from './time';

export const RANGE_PRESETS = [
  'today',
  'yesterday',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'thisYear',
  'custom',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface DayRange {
  from: Day;
  to: Day;
}

/** The first day of the calendar quarter of `day` (Jan, Apr, Jul, Oct). */
export function startOfQuarter(day: Day): Day {
  const month = Number(day.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

export function endOfQuarter(day: Day): Day {
  return endOfMonth(addMonths(startOfQuarter(day), 2));
}

export function startOfYear(day: Day): Day {
  return `${day.slice(0, 4)}-01-01`;
}

function endOfYear(day: Day): Day {
  return `${day.slice(0, 4)}-12-31`;
}

/** The range a preset means on `today` (weeks start on Monday, as on Chinese and ISO calendars). */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: Day): DayRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case 'thisWeek':
      return { from: addDays(today, 1 - weekdayOf(today)), to: today };
    case 'lastWeek': {
      const monday = addDays(today, 1 - weekdayOf(today) - 7);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'thisMonth':
      return { from: startOfMonth(today), to: today };
    case 'lastMonth': {
      const first = startOfMonth(addMonths(startOfMonth(today), -1));
      return { from: first, to: endOfMonth(first) };
    }
    case 'thisQuarter':
      return { from: startOfQuarter(today), to: today };
    case 'thisYear':
      return { from: startOfYear(today), to: today };
  }
}

/**
 * The same stretch `months` earlier: a whole period maps to the whole earlier period, a
 * period-to-date to the same days of it (clamped: a to-date on the 31st after a 30-day month
 * stays inside that month).
 */
function shiftedBack(range: DayRange, months: number, periodEnd: (day: Day) => Day): DayRange {
  const from = addMonths(range.from, -months);
  if (range.to === periodEnd(range.from)) return { from, to: periodEnd(from) };
  const to = addMonths(range.to, -months);
  return { from, to: to < from ? from : to };
}

/**
 * The period a range is compared with, read from the range's shape (the API knows no preset):
 * - inside one month from its 1st (this month, last month): the previous month, same days;
 * - from 1 January past January (this year, and this quarter in Q1): the same days a year earlier;
 * - inside one quarter from its first day (this quarter): the previous quarter, same days;
 * - anything else: the same number of days just before it.
 */
export function previousPeriod(range: DayRange): DayRange {
  const { from, to } = range;
  if (from === startOfMonth(from) && to <= endOfMonth(from)) return shiftedBack(range, 1, endOfMonth);
  if (from === startOfYear(from) && to <= endOfYear(from)) return shiftedBack(range, 12, endOfYear);
  if (from === startOfQuarter(from) && to <= endOfQuarter(from)) return shiftedBack(range, 3, endOfQuarter);
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
