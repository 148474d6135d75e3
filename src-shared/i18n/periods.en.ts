/** English strings of periods: the last working day, what a period is compared with, the morning landing. */
export const periodsEn = {
  'range.lastWorkingDay': 'Last working day',
  'dashboard.basis.sameWorkingDays': 'the same {count} working days',
  'dashboard.basis.sameWeekdays': 'the same weekdays',
  'dashboard.basis.sameDays': 'the same days',
  'dashboard.basis.previousWorkingDay': 'the working day before',
  'dashboard.basis.wholePeriod': 'the whole period before',
  'dashboard.basis.precedingDays': 'the days just before',
  'dashboard.morning':
    'Yesterday ({day}) was not a working day, so this shows the last working day. Choose another period above.',
  'dashboard.monthStart':
    'This month has no finished working day yet, so this shows the last working day ({day}). Choose another period above.',
  'calendar.cnHolidays.label': 'Chinese public holidays',
  'calendar.cnHolidays.apply': 'Apply {year} holidays and make-up days',
  'calendar.cnHolidays.missing':
    'The {year} schedule (the State Council publishes it each November) is not in this version: mark its days on the grid.',
  'targets.scoring.showMonth': 'Show {month}',
  'dashboard.emptyRange.lastCallDay': 'Go to the last day with calls ({day})',
  'dashboard.maskedPhones':
    'Calls with a number masked by the exporting system (138****1234): {count}. Repeat dials cannot count them.',
} as const;
