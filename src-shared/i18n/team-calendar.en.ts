/** A team's own working days in the targets calendar (English). */
export const teamCalendarEn = {
  'teamCalendar.for': 'Calendar of',
  'teamCalendar.workspace': 'Whole floor (workspace calendar)',
  'teamCalendar.ownOption': '{team} (own calendar)',
  'teamCalendar.ownNote':
    '{team} works its own calendar: its weekly days off and days below count for its targets, pacing and comparisons.',
  'teamCalendar.followsNote':
    '{team} follows the workspace calendar. Set its weekly days off below and save to give it its own (a team that works Saturdays).',
  'teamCalendar.title': 'Working days of {team}',
  'teamCalendar.hint':
    'Public holidays and make-up days of the workspace calendar apply to this team too. Click a day to make it a day off or a working day for this team only.',
  'teamCalendar.pattern.twoDaysOff': 'Sat & Sun off',
  'teamCalendar.pattern.oneDayOff': 'Sunday off only',
  'teamCalendar.bigSmallWeek':
    'Alternating weeks (one week 6 days, the next 5): keep Saturday off and click the Saturdays the team works.',
  'teamCalendar.follow': 'Use the workspace calendar again',
  'teamCalendar.planTeamRow': '{team} (team, {count} working days)',
} as const;
