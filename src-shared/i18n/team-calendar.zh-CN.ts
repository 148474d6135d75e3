/** 团队自己的工作日（目标与考核 → 工作日），中文。 */
import type { teamCalendarEn } from './team-calendar.en';

export const teamCalendarZhCN: Record<keyof typeof teamCalendarEn, string> = {
  'teamCalendar.for': '日历适用于',
  'teamCalendar.workspace': '全场（工作区日历）',
  'teamCalendar.ownOption': '{team}（单独设置）',
  'teamCalendar.ownNote': '{team}按自己的工作日安排：目标、进度和环比都按下面的休息日和日期计算。',
  'teamCalendar.followsNote':
    '{team}目前沿用工作区日历。在下面设置每周休息日并保存，即为该组单独设置（如周六上班的组）。',
  'teamCalendar.title': '{team}的工作日',
  'teamCalendar.hint': '工作区日历里的法定节假日和调休同样适用于本组。点击某天，可单独为本组设为休息或上班。',
  'teamCalendar.pattern.twoDaysOff': '双休',
  'teamCalendar.pattern.oneDayOff': '单休',
  'teamCalendar.bigSmallWeek': '大小周：保留周六休息，再在月历中点选本组上班的周六。',
  'teamCalendar.follow': '恢复沿用工作区日历',
  'teamCalendar.planTeamRow': '{team}（团队，{count} 个工作日）',
};
