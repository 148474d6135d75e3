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
  'dashboard.emptyRange.lastCallDay': 'Go to the last day with calls ({day})',
} as const;
