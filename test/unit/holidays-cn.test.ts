/** The shipped Chinese holiday data applied to a calendar: working days counted by hand on a wall calendar. */
import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS, withChineseHolidays } from '../../src-shared/holidays-cn';
import { DEFAULT_CALENDAR, WorkingDays } from '../../src-shared/targets-calendar';
import { weekdayOf } from '../../src-shared/time';

describe('Chinese public holidays', () => {
  const cal = new WorkingDays(withChineseHolidays(DEFAULT_CALENDAR, 2026));

  it('counts the working days of 2026 months with holidays and make-up days', () => {
    // October: 22 weekdays, National Day takes Thu 1, Fri 2, Mon 5, Tue 6, Wed 7; Sat 10 is worked
    expect(cal.count('2026-10-01', '2026-10-31')).toBe(18);
    // February: 20 weekdays, Spring Festival takes 16-20 and 23; Sat 14 and Sat 28 are worked
    expect(cal.count('2026-02-01', '2026-02-28')).toBe(16);
    // May: 21 weekdays, Labour Day takes Fri 1, Mon 4, Tue 5; Sat 9 is worked
    expect(cal.count('2026-05-01', '2026-05-31')).toBe(19);
    // December has none: 23 weekdays
    expect(cal.count('2026-12-01', '2026-12-31')).toBe(23);
  });

  it('lists only weekend days as make-up days, and keeps what the lead entered', () => {
    for (const year of Object.values(CN_HOLIDAYS)) {
      for (const day of year.work) expect([6, 7], day).toContain(weekdayOf(day));
    }
    const own = withChineseHolidays(
      { weekend: [7], holidays: ['2026-03-09'], workdays: ['2026-10-03'] },
      2026,
    );
    expect(own.weekend).toEqual([7]);
    expect(own.holidays).toContain('2026-03-09');
    // a day the notice makes a holiday is no make-up day any more
    expect(own.workdays).not.toContain('2026-10-03');
    expect(own.holidays).toContain('2026-10-03');
    // applying twice changes nothing
    expect(withChineseHolidays(own, 2026)).toEqual(own);
    // a year without data leaves the calendar as it was
    expect(withChineseHolidays(own, 2031)).toBe(own);
  });
});
