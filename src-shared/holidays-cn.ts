/**
 * China's public holidays and make-up working days (调休), as the State Council's yearly notice
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知, published each November) sets them. Shipped as data,
 * applied to the workspace calendar on request; a year not listed here is entered by hand.
 */
import type { WorkCalendar } from './targets-calendar';
import { addDays, type Day } from './time';

export interface HolidayYear {
  /** days off: each holiday's first and last day, both included */
  off: [Day, Day][];
  /** weekend days that are working days */
  work: Day[];
}

export const CN_HOLIDAYS: Record<number, HolidayYear> = {
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

export const CN_HOLIDAY_YEARS = Object.keys(CN_HOLIDAYS).map(Number);

/**
 * The calendar with `year`'s holidays and make-up days in it (see withHolidayDays); unchanged for a
 * year not shipped.
 */
export function withChineseHolidays(calendar: WorkCalendar, year: number): WorkCalendar {
  const data = CN_HOLIDAYS[year];
  if (!data) return calendar;
  const off: Day[] = [];
  for (const [from, to] of data.off) for (let d = from; d <= to; d = addDays(d, 1)) off.push(d);
  return withHolidayDays(calendar, { off, work: data.work });
}

/**
 * The calendar with these days off and make-up working days in it: every day off is a holiday
 * (listing weekend days too keeps it off if the weekend setting changes), every make-up day a
 * working day; the rest of the calendar is kept. Serves the shipped years and a file's.
 */
export function withHolidayDays(calendar: WorkCalendar, days: { off: Day[]; work: Day[] }): WorkCalendar {
  const off = new Set(days.off);
  const work = new Set(days.work);
  return {
    weekend: calendar.weekend,
    holidays: [...new Set([...calendar.holidays.filter((d) => !work.has(d)), ...off])].sort(),
    workdays: [...new Set([...calendar.workdays.filter((d) => !off.has(d)), ...work])].sort(),
  };
}
