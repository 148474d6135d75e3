/**
 * A holiday schedule read from a file: an iCalendar feed in the shape the public 中国法定节假日
 * feeds publish (all-day events, DTEND exclusive, folded lines, CRLF, 上班(补…) for make-up days),
 * their JSON twin, and the files that are not one. The schedule here is made up for the test (a
 * "2027" in the published shape); working days are counted by hand on a wall calendar.
 */
import { describe, expect, it } from 'vitest';
import { HOLIDAY_FILE_LIMITS, readHolidayFile } from '../../src-shared/holiday-file';
import { withHolidayDays } from '../../src-shared/holidays-cn';
import { DEFAULT_CALENDAR, WorkingDays } from '../../src-shared/targets-calendar';

/** One all-day event as the feeds write it: DTEND is the day after the last. */
function vevent(summary: string, start: string, endExclusive: string): string[] {
  return [
    'BEGIN:VEVENT',
    `SUMMARY:${summary}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${endExclusive}`,
    `DTSTAMP;VALUE=DATE:${start}`,
    `UID:${start}/${endExclusive}/test`,
    'END:VEVENT',
  ];
}

function ics(events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'X-WR-CALDESC:测试用的放假安排，',
    ' 折行续写。',
    'X-WR-CALNAME:测试节假日',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
    ...events.flat(),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

// A made-up 2027: New Year Fri 1 – Sun 3 Jan; a spring break Sat 6 – Sun 14 Feb with Sun 31 Jan
// and Sat 20 Feb worked; National Day Fri 1 – Thu 7 Oct with Sat 9 Oct worked.
const FEED = ics([
  vevent('元旦', '20270101', '20270104'),
  vevent('上班(补春节)', '20270131', '20270201'),
  vevent('春节', '20270206', '20270215'),
  vevent('上班(补春节)', '20270220', '20270221'),
  vevent('国庆节', '20271001', '20271008'),
  vevent('上班(补国庆节)', '20271009', '20271010'),
]);

describe('holiday files', () => {
  it('reads an iCalendar feed: days off, make-up working days, the year', () => {
    const read = readHolidayFile(FEED);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.schedule.work).toEqual(['2027-01-31', '2027-02-20', '2027-10-09']);
    expect(read.schedule.off).toHaveLength(3 + 9 + 7);
    expect(read.schedule.off).toContain('2027-02-14');
    expect(read.schedule.off).not.toContain('2027-02-15'); // DTEND is not a day of the event
    expect(read.schedule.years).toEqual([2027]);

    const days = new WorkingDays(withHolidayDays(DEFAULT_CALENDAR, read.schedule));
    // January 2027: 21 weekdays, Fri 1 off; Sun 31 worked
    expect(days.count('2027-01-01', '2027-01-31')).toBe(21);
    // February: 20 weekdays, Mon 8 – Fri 12 off; Sat 20 worked
    expect(days.count('2027-02-01', '2027-02-28')).toBe(16);
    // October: 21 weekdays, Fri 1, Mon 4 – Thu 7 off; Sat 9 worked
    expect(days.count('2027-10-01', '2027-10-31')).toBe(17);
  });

  it('reads the same schedule from the JSON the feeds also publish, one year or a list', () => {
    const fromIcs = readHolidayFile(FEED);
    if (!fromIcs.ok) throw new Error('the feed did not read');
    const year = {
      year: 2027,
      papers: [],
      days: [
        ...fromIcs.schedule.off.map((date) => ({ name: '假期', date, isOffDay: true })),
        ...fromIcs.schedule.work.map((date) => ({ name: '补班', date, isOffDay: false })),
      ],
    };
    expect(readHolidayFile(JSON.stringify(year))).toEqual(fromIcs);
    expect(readHolidayFile('\uFEFF' + JSON.stringify([year]))).toEqual(fromIcs);
  });

  it('keeps what the calendar had, and a day listed both ways is a working day', () => {
    const both = ics([vevent('长假', '20270501', '20270506'), vevent('上班', '20270503', '20270504')]);
    const read = readHolidayFile(both);
    if (!read.ok) throw new Error('did not read');
    expect(read.schedule.off).toEqual(['2027-05-01', '2027-05-02', '2027-05-04', '2027-05-05']);
    expect(read.schedule.work).toEqual(['2027-05-03']);
    const own = withHolidayDays(
      { weekend: [7], holidays: ['2027-03-08'], workdays: ['2027-05-02'] },
      read.schedule,
    );
    expect(own.weekend).toEqual([7]);
    expect(own.holidays).toEqual(['2027-03-08', '2027-05-01', '2027-05-02', '2027-05-04', '2027-05-05']);
    expect(own.workdays).toEqual(['2027-05-03']);
  });

  it('refuses what is not a holiday file, naming the line', () => {
    expect(readHolidayFile('agent_code,day\n8001,2027-01-01\n')).toEqual({
      ok: false,
      problem: { code: 'unreadable' },
    });
    expect(readHolidayFile('{"year": 2027}')).toEqual({ ok: false, problem: { code: 'unreadable' } });
    expect(readHolidayFile(ics([]))).toEqual({ ok: false, problem: { code: 'empty' } });
    const badDate = ics([vevent('元旦', '20270101', '20270102'), vevent('春节', '20270230', '20270301')]);
    // the second event's DTSTART: the calendar's 11 header lines, then 7 of the first event, then 3
    expect(readHolidayFile(badDate)).toEqual({
      ok: false,
      problem: { code: 'badDate', line: 11 + 7 + 3, value: '20270230' },
    });
    expect(readHolidayFile(ics([vevent('停工', '20270101', '20270401')]))).toEqual({
      ok: false,
      problem: { code: 'tooLong', line: 12, limit: HOLIDAY_FILE_LIMITS.eventDays },
    });
  });

  it('is bounded: the size and the number of entries', () => {
    expect(readHolidayFile('x'.repeat(HOLIDAY_FILE_LIMITS.bytes + 1))).toEqual({
      ok: false,
      problem: { code: 'tooLarge', limitKb: 1024 },
    });
    const many = Array.from({ length: HOLIDAY_FILE_LIMITS.events + 1 }, () =>
      vevent('假', '20270101', '20270102'),
    );
    expect(readHolidayFile(ics(many))).toEqual({
      ok: false,
      problem: { code: 'tooManyEvents', limit: HOLIDAY_FILE_LIMITS.events },
    });
  });
});
