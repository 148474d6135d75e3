import { describe, expect, it } from 'vitest';
import {
  comparisonFor,
  endOfQuarter,
  lastWorkingDayBefore,
  morningPreset,
  presetRange,
  previousPeriod,
  startOfQuarter,
} from '../../src-shared/periods';
import { DEFAULT_CALENDAR, WorkingDays } from '../../src-shared/targets-calendar';
import {
  apiFilter,
  DEFAULT_PRESET,
  DEFAULT_SELECTION,
  isDefaultSelection,
  resolveRange,
  sanitizeSelection,
  storedDay,
} from '../../src-shared/filter-selection';
import { addDays, addMonths, isDay, localParts, todayIn, wallTimeToEpoch } from '../../src-shared/time';

describe('local days in the workspace time zone', () => {
  it('puts an early-morning Shanghai call on its own day (the toISOString trap)', () => {
    const t = Date.parse('2026-11-02T16:30:00Z'); // 00:30 on the 3rd in Shanghai
    expect(localParts(t, 'Asia/Shanghai')).toEqual({ day: '2026-11-03', hour: 0, weekday: 2 });
    expect(localParts(t, 'America/Los_Angeles')).toEqual({ day: '2026-11-02', hour: 8, weekday: 1 });
  });

  it('reads wall-clock times across DST changes in Los Angeles', () => {
    // 2026-03-08 02:30 does not exist (clocks jump 02:00 -> 03:00): read as 03:30 PDT
    const gap = wallTimeToEpoch(2026, 3, 8, 2, 30, 0, 'America/Los_Angeles');
    expect(new Date(gap).toISOString()).toBe('2026-03-08T10:30:00.000Z');
    // 2026-11-01 01:30 happens twice: the earlier (PDT, UTC-7) is taken
    const repeated = wallTimeToEpoch(2026, 11, 1, 1, 30, 0, 'America/Los_Angeles');
    expect(new Date(repeated).toISOString()).toBe('2026-11-01T08:30:00.000Z');
    const normal = wallTimeToEpoch(2026, 11, 3, 23, 59, 30, 'Asia/Shanghai');
    expect(new Date(normal).toISOString()).toBe('2026-11-03T15:59:30.000Z');
  });

  it('does day arithmetic without drifting', () => {
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(todayIn('Asia/Shanghai', Date.parse('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });
});

describe('date presets and the previous comparable period', () => {
  const today = '2026-11-22'; // a Sunday
  it('resolves every preset', () => {
    expect(presetRange('today', today)).toEqual({ from: today, to: today });
    expect(presetRange('yesterday', today)).toEqual({ from: '2026-11-21', to: '2026-11-21' });
    expect(presetRange('thisWeek', today)).toEqual({ from: '2026-11-16', to: today });
    expect(presetRange('lastWeek', today)).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-11-01', to: today });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('thisQuarter', today)).toEqual({ from: '2026-10-01', to: today });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: today });
  });

  it('finds the quarter of every month', () => {
    const quarters = ['01', '01', '01', '04', '04', '04', '07', '07', '07', '10', '10', '10'];
    for (let m = 1; m <= 12; m++) {
      const day = `2026-${String(m).padStart(2, '0')}-15`;
      expect(startOfQuarter(day), day).toBe(`2026-${quarters[m - 1]}-01`);
    }
    expect(endOfQuarter('2026-02-10')).toBe('2026-03-31');
    expect(endOfQuarter('2026-05-31')).toBe('2026-06-30');
    expect(endOfQuarter('2026-12-01')).toBe('2026-12-31');
  });

  it('compares a quarter-to-date with the same days of the previous quarter', () => {
    // this quarter on 22 November: 1 Oct - 22 Nov against 1 Jul - 22 Aug
    expect(previousPeriod(presetRange('thisQuarter', '2026-11-22'))).toEqual({
      from: '2026-07-01',
      to: '2026-08-22',
    });
    // a whole quarter against the whole quarter before
    expect(previousPeriod({ from: '2026-07-01', to: '2026-09-30' })).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
    });
    // the 31st of a month whose counterpart has 30 days stays in that month
    expect(previousPeriod({ from: '2026-07-01', to: '2026-08-31' })).toEqual({
      from: '2026-04-01',
      to: '2026-05-31',
    });
    expect(previousPeriod({ from: '2026-10-01', to: '2026-12-31' })).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    // the first days of a quarter are inside one month: the previous month, as "this month"
    expect(previousPeriod(presetRange('thisQuarter', '2026-10-09'))).toEqual({
      from: '2026-09-01',
      to: '2026-09-09',
    });
  });

  it('compares a year-to-date with the same days of the previous year', () => {
    expect(previousPeriod(presetRange('thisYear', '2026-11-22'))).toEqual({
      from: '2025-01-01',
      to: '2025-11-22',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    // 29 February has no counterpart: the year before ends on the 28th
    expect(previousPeriod({ from: '2028-01-01', to: '2028-02-29' })).toEqual({
      from: '2027-01-01',
      to: '2027-02-28',
    });
    // in the first quarter this quarter and this year are the same days: both compare year on year
    expect(previousPeriod(presetRange('thisQuarter', '2026-03-10'))).toEqual(
      previousPeriod(presetRange('thisYear', '2026-03-10')),
    );
    expect(previousPeriod(presetRange('thisYear', '2026-03-10'))).toEqual({
      from: '2025-01-01',
      to: '2025-03-10',
    });
  });

  it('compares a month with the month before and other ranges with the days before', () => {
    expect(previousPeriod({ from: '2026-10-01', to: '2026-10-31' })).toEqual({
      from: '2026-09-01',
      to: '2026-09-30',
    });
    // 1-22 Nov 2026 (Sun 1st) has 15 weekdays; October's 15th weekday is the 21st (Thu 1st)
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-22' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-21',
    });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod({ from: '2026-11-16', to: '2026-11-22' })).toEqual({
      from: '2026-11-09',
      to: '2026-11-15',
    });
    // a Saturday is no working day: the day before it
    expect(previousPeriod({ from: '2026-11-21', to: '2026-11-21' })).toEqual({
      from: '2026-11-20',
      to: '2026-11-20',
    });
  });

  it('finds the last working day: Friday on a Monday, the eve of a holiday after it', () => {
    const week = new WorkingDays(DEFAULT_CALENDAR);
    expect(presetRange('lastWorkingDay', '2026-12-07', week)).toEqual({
      from: '2026-12-04',
      to: '2026-12-04',
    });
    expect(presetRange('lastWorkingDay', '2026-12-08', week)).toEqual({
      from: '2026-12-07',
      to: '2026-12-07',
    });
    // National Day 2026: 1-7 Oct off, Sun 20 Sep and Sat 10 Oct are make-up working days
    const china = new WorkingDays({
      weekend: [6, 7],
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-20', '2026-10-10'],
    });
    expect(lastWorkingDayBefore('2026-10-08', china)).toBe('2026-09-30');
    expect(lastWorkingDayBefore('2026-10-12', china)).toBe('2026-10-10');
    expect(lastWorkingDayBefore('2026-09-21', china)).toBe('2026-09-20');
    // a calendar with no working day at all still answers (yesterday)
    const never = new WorkingDays({ weekend: [1, 2, 3, 4, 5, 6, 7], holidays: [], workdays: [] });
    expect(lastWorkingDayBefore('2026-12-07', never)).toBe('2026-12-06');
  });

  it('opens on the last working day after a non-working day, and keeps what the user chose', () => {
    const week = new WorkingDays(DEFAULT_CALENDAR);
    // Monday: yesterday was Sunday
    expect(morningPreset('thisMonth', true, '2026-12-07', week)).toBe('lastWorkingDay');
    expect(morningPreset('yesterday', false, '2026-12-07', week)).toBe('lastWorkingDay');
    expect(morningPreset('lastMonth', false, '2026-12-07', week)).toBe('lastMonth');
    expect(morningPreset('thisMonth', false, '2026-12-07', week)).toBe('thisMonth');
    // Tuesday: yesterday was a working day
    expect(morningPreset('thisMonth', true, '2026-12-08', week)).toBe('thisMonth');
    expect(morningPreset('yesterday', false, '2026-12-08', week)).toBe('yesterday');
    // Tuesday 1 December: this month has no finished working day yet, yesterday (Monday) was one
    expect(morningPreset('thisMonth', true, '2026-12-01', week)).toBe('lastWorkingDay');
    expect(morningPreset('yesterday', false, '2026-12-01', week)).toBe('yesterday');
    // Wednesday 2 December: 1 December is over
    expect(morningPreset('thisMonth', true, '2026-12-02', week)).toBe('thisMonth');
  });

  it('says what a comparison is based on: working days for a month to date, weekdays for a week', () => {
    const week = new WorkingDays(DEFAULT_CALENDAR);
    // Tue 1 - Mon 7 Dec 2026: 5 weekdays; Nov 2026 starts on a Sunday, its 5th weekday is Fri 6 Nov
    expect(comparisonFor({ from: '2026-12-01', to: '2026-12-07' }, week)).toEqual({
      range: { from: '2026-11-01', to: '2026-11-06' },
      basis: 'sameWorkingDays',
      workingDays: 5,
    });
    // with 1-3 Dec as holidays only 2 working days are left, so November's first 2
    const holidays = new WorkingDays({
      weekend: [6, 7],
      holidays: ['2026-12-01', '2026-12-02', '2026-12-03'],
      workdays: [],
    });
    expect(comparisonFor({ from: '2026-12-01', to: '2026-12-07' }, holidays).range).toEqual({
      from: '2026-11-01',
      to: '2026-11-03',
    });
    // a month to date without a working day: the same days
    expect(comparisonFor({ from: '2026-11-01', to: '2026-11-01' }, week)).toEqual({
      range: { from: '2026-10-01', to: '2026-10-01' },
      basis: 'sameDays',
      workingDays: null,
    });
    // this week on a Wednesday: Monday to Wednesday a week earlier
    expect(comparisonFor({ from: '2026-12-07', to: '2026-12-09' }, week)).toEqual({
      range: { from: '2026-11-30', to: '2026-12-02' },
      basis: 'sameWeekdays',
      workingDays: null,
    });
    // Friday (the Monday landing) against Thursday; a Monday against the Friday before
    expect(comparisonFor({ from: '2026-12-04', to: '2026-12-04' }, week).basis).toBe('previousWorkingDay');
    expect(comparisonFor({ from: '2026-12-07', to: '2026-12-07' }, week).range).toEqual({
      from: '2026-12-04',
      to: '2026-12-04',
    });
    expect(comparisonFor({ from: '2026-11-03', to: '2026-11-12' }, week).basis).toBe('precedingDays');
    expect(comparisonFor({ from: '2026-10-01', to: '2026-10-31' }, week).basis).toBe('wholePeriod');
  });
});

describe('the stored dashboard filter', () => {
  const today = '2026-11-22';
  const known = {
    teamIds: new Set([1, 2]),
    agentIds: new Set([10, 11]),
    campaignIds: new Set([5]),
  };

  it('keeps what is valid after a restart and drops what is not', () => {
    expect(sanitizeSelection(null)).toEqual(DEFAULT_SELECTION);
    expect(
      sanitizeSelection({
        preset: 'thisQuarter',
        customFrom: '2026-02-30',
        customTo: '2026-11-01',
        teamId: 2,
        agentId: -4,
        campaignId: 5,
      }),
    ).toEqual({
      preset: 'thisQuarter',
      customFrom: null,
      customTo: '2026-11-01',
      teamId: 2,
      agentId: null,
      campaignId: 5,
    });
    // a preset from a newer or older build falls back to the default
    expect(sanitizeSelection({ preset: 'lastDecade' }).preset).toBe(DEFAULT_PRESET);
  });

  it('reads a stored day (the morning landing) only when it is a real day', () => {
    expect(storedDay({ landedOn: '2026-12-07' }, 'landedOn')).toBe('2026-12-07');
    expect(storedDay({ landedOn: '2026-02-30' }, 'landedOn')).toBeNull();
    expect(storedDay({ landedOn: 20261207 }, 'landedOn')).toBeNull();
    expect(storedDay({ landedOn: '2026-12-07T08:30' }, 'landedOn')).toBeNull();
    expect(storedDay({}, 'landedOn')).toBeNull();
    expect(storedDay(null, 'landedOn')).toBeNull();
    expect(storedDay('2026-12-07', 'landedOn')).toBeNull();
  });

  it('sends the range of the preset and only the ids this workspace has', () => {
    const selection = {
      ...DEFAULT_SELECTION,
      preset: 'thisYear' as const,
      teamId: 2,
      agentId: 99,
      campaignId: 5,
    };
    expect(apiFilter(selection, today, known)).toEqual({
      from: '2026-01-01',
      to: today,
      teamId: 2,
      campaignId: 5,
    });
    // a campaign of another workspace is dropped once the list is known, kept while it loads
    const foreign = { ...selection, campaignId: 7 };
    expect(apiFilter(foreign, today, known).campaignId).toBeUndefined();
    expect(apiFilter(foreign, today, { ...known, campaignIds: null }).campaignId).toBe(7);
  });

  it('reads a custom range in either order, and custom without dates as the default', () => {
    const custom = { preset: 'custom' as const, customFrom: '2026-11-10', customTo: '2026-11-03' };
    expect(resolveRange(custom, today)).toEqual({ from: '2026-11-03', to: '2026-11-10' });
    expect(resolveRange({ preset: 'custom', customFrom: null, customTo: null }, today)).toEqual(
      presetRange(DEFAULT_PRESET, today),
    );
  });

  it('knows when the filter is the default one (reset has nothing to do)', () => {
    expect(isDefaultSelection(DEFAULT_SELECTION)).toBe(true);
    expect(isDefaultSelection({ ...DEFAULT_SELECTION, campaignId: 5 })).toBe(false);
    expect(isDefaultSelection({ ...DEFAULT_SELECTION, preset: 'lastMonth' })).toBe(false);
  });
});
