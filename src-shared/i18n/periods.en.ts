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
    'The {year} schedule (the State Council publishes it each November) is not in this version: import it from a holiday file, or mark its days on the grid.',
  'calendar.holidayFile.choose': 'Import a holiday file (.ics, .json)…',
  'calendar.holidayFile.applied':
    '{file} ({years}) is marked on the grid: days off {off}, make-up working days {work}. Save to keep it.',
  'calendar.holidayFile.tooLarge':
    '{file} is over {limitKb} KB; a holiday calendar is a few KB. Choose the year’s .ics or .json file.',
  'calendar.holidayFile.unreadable': '{file} is neither an iCalendar (.ics) file nor a holiday list in JSON.',
  'calendar.holidayFile.empty': '{file} lists no days.',
  'calendar.holidayFile.tooManyEvents':
    '{file} has more than {limit} entries; a holiday calendar has a few dozen.',
  'calendar.holidayFile.badDate': '{file}, line {line}: “{value}” is not a date.',
  'calendar.holidayFile.tooLong': '{file}, line {line}: an entry of more than {limit} days is not a holiday.',
  'targets.scoring.showMonth': 'Show {month}',
  'dashboard.emptyRange.lastCallDay': 'Go to the last day with calls ({day})',
  'dashboard.maskedPhones':
    'Calls with a number masked by the exporting system (138****1234): {count}. Repeat dials cannot count them.',
} as const;
