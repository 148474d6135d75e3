/** Date-range presets of the filter bar, and the previous comparable period of a range. */
import { addDays, addMonths, daysBetween, endOfMonth, startOfMonth, weekdayOf, type Day } from './time';

export const RANGE_PRESETS = [
  'today',
  'yesterday',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'custom',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface DayRange {
  from: Day;
  to: Day;
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
  }
}

/**
 * The period a range is compared with. Whole months compare with the previous month; a
 * month-to-date compares with the same days of the previous month; anything else with the
 * same number of days just before it.
 */
export function previousPeriod(range: DayRange): DayRange {
  const { from, to } = range;
  if (from === startOfMonth(from) && startOfMonth(to) === startOfMonth(from)) {
    const prevFrom = addMonths(from, -1);
    if (to === endOfMonth(from)) return { from: prevFrom, to: endOfMonth(prevFrom) };
    const prevTo = addMonths(to, -1);
    // A month-to-date on the 31st of a month after a 30-day month stays inside that month.
    return { from: prevFrom, to: prevTo < prevFrom ? prevFrom : prevTo };
  }
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
