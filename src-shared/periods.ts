/** Date-range presets of the filter bar, and the previous comparable period of a range. */
import { DEFAULT_CALENDAR, WorkingDays } from './targets-calendar';
import { addDays, addMonths, daysBetween, endOfMonth, startOfMonth, weekdayOf, type Day } from './time';

export const RANGE_PRESETS = [
  'today',
  'yesterday',
  'lastWorkingDay',
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

const STANDARD_WEEK = new WorkingDays(DEFAULT_CALENDAR);

/** How far back a working day is looked for (a calendar with no working day says "yesterday"). */
const WORKING_DAY_LOOKBACK = 31;

/** The last working day before `day` on `calendar` (Friday on a Monday; before a holiday week, its eve). */
export function lastWorkingDayBefore(day: Day, calendar: WorkingDays = STANDARD_WEEK): Day {
  for (let back = 1; back <= WORKING_DAY_LOOKBACK; back++) {
    const candidate = addDays(day, -back);
    if (calendar.isWorking(candidate)) return candidate;
  }
  return addDays(day, -1);
}

/**
 * The preset a morning opens on: on the first day after a non-working day (a Monday, the day
 * after a holiday) "yesterday" is a day without calls, and before a month's first working day is
 * over "this month" has none either; so a default or "yesterday" filter shows the last working
 * day instead. Any other choice is the user's and is kept.
 */
export function morningPreset(
  stored: RangePreset,
  isDefault: boolean,
  today: Day,
  calendar: WorkingDays,
): RangePreset {
  const yesterdayOff = !calendar.isWorking(addDays(today, -1));
  const monthNotStarted = calendar.count(startOfMonth(today), addDays(today, -1)) === 0;
  if (isDefault && (yesterdayOff || monthNotStarted)) return 'lastWorkingDay';
  if (stored === 'yesterday' && yesterdayOff) return 'lastWorkingDay';
  return stored;
}

/** The range a preset means on `today` (weeks start on Monday, as on Chinese and ISO calendars). */
export function presetRange(
  preset: Exclude<RangePreset, 'custom'>,
  today: Day,
  calendar: WorkingDays = STANDARD_WEEK,
): DayRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case 'lastWorkingDay': {
      const day = lastWorkingDayBefore(today, calendar);
      return { from: day, to: day };
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
 * What a comparison is based on, so the label can say it: a whole period against the whole one
 * before; a period-to-date against the same days (a quarter or year), the same working days (a
 * month: Dec 1-7 with 5 working days against Nov's first 5 working days) or the same weekdays (a
 * week); a working day against the working day before; anything else against the days just before.
 */
export const COMPARISON_BASES = [
  'wholePeriod',
  'sameDays',
  'sameWorkingDays',
  'sameWeekdays',
  'previousWorkingDay',
  'precedingDays',
] as const;
export type ComparisonBasis = (typeof COMPARISON_BASES)[number];

export interface Comparison {
  range: DayRange;
  basis: ComparisonBasis;
  /** the working days the two ranges share (sameWorkingDays) */
  workingDays: number | null;
}

/** The day on which `count` working days have passed since `from` (clamped to the month's end). */
function nthWorkingDay(from: Day, count: number, last: Day, calendar: WorkingDays): Day {
  let seen = 0;
  for (let day = from; day <= last; day = addDays(day, 1)) {
    if (calendar.isWorking(day) && ++seen === count) return day;
  }
  return last;
}

/**
 * The period a range is compared with, read from the range's shape (the API knows no preset):
 * - one month from its 1st: the previous month whole, or to the same number of working days;
 * - from 1 January past January (this year, and this quarter in Q1): the same days a year earlier;
 * - inside one quarter from its first day (this quarter): the previous quarter, same days;
 * - one working day: the working day before it;
 * - a week from its Monday: the same weekdays a week earlier;
 * - anything else: the same number of days just before it.
 */
export function comparisonFor(range: DayRange, calendar: WorkingDays = STANDARD_WEEK): Comparison {
  const { from, to } = range;
  const plain = (r: DayRange, basis: ComparisonBasis): Comparison => ({ range: r, basis, workingDays: null });
  if (from === startOfMonth(from) && to <= endOfMonth(from)) {
    const previousFrom = addMonths(from, -1);
    const previousEnd = endOfMonth(previousFrom);
    if (to === endOfMonth(from)) return plain({ from: previousFrom, to: previousEnd }, 'wholePeriod');
    const workingDays = calendar.count(from, to);
    if (workingDays === 0) return plain(shiftedBack(range, 1, endOfMonth), 'sameDays');
    return {
      range: { from: previousFrom, to: nthWorkingDay(previousFrom, workingDays, previousEnd, calendar) },
      basis: 'sameWorkingDays',
      workingDays,
    };
  }
  if (from === startOfYear(from) && to <= endOfYear(from)) {
    return plain(shiftedBack(range, 12, endOfYear), to === endOfYear(from) ? 'wholePeriod' : 'sameDays');
  }
  if (from === startOfQuarter(from) && to <= endOfQuarter(from)) {
    return plain(shiftedBack(range, 3, endOfQuarter), to === endOfQuarter(from) ? 'wholePeriod' : 'sameDays');
  }
  const length = daysBetween(from, to) + 1;
  if (length === 1 && calendar.isWorking(from)) {
    const before = lastWorkingDayBefore(from, calendar);
    return plain({ from: before, to: before }, 'previousWorkingDay');
  }
  if (weekdayOf(from) === 1 && length <= 7) {
    return plain(
      { from: addDays(from, -7), to: addDays(to, -7) },
      length === 7 ? 'wholePeriod' : 'sameWeekdays',
    );
  }
  return plain({ from: addDays(from, -length), to: addDays(from, -1) }, 'precedingDays');
}

/** The range a range is compared with (see `comparisonFor`). */
export function previousPeriod(range: DayRange, calendar?: WorkingDays): DayRange {
  return comparisonFor(range, calendar).range;
}
