/** 时间段的中文文案：上个工作日、对比的是哪段时间、周一早上的默认时间段。 */
import type { periodsEn } from './periods.en';

export const periodsZhCN: Record<keyof typeof periodsEn, string> = {
  'range.lastWorkingDay': '上个工作日',
  'dashboard.basis.sameWorkingDays': '同为前 {count} 个工作日',
  'dashboard.basis.sameWeekdays': '上周相同的几天',
  'dashboard.basis.sameDays': '相同日期',
  'dashboard.basis.previousWorkingDay': '前一个工作日',
  'dashboard.basis.wholePeriod': '上一整期',
  'dashboard.basis.precedingDays': '紧邻的前几天',
  'dashboard.morning': '昨天（{day}）不是工作日，这里显示的是上个工作日。可在上方改选时间段。',
  'dashboard.monthStart': '本月还没有过完的工作日，这里显示的是上个工作日（{day}）。可在上方改选时间段。',
  'calendar.cnHolidays.label': '法定节假日',
  'calendar.cnHolidays.apply': '套用 {year} 年放假与调休安排',
  'calendar.cnHolidays.missing':
    '本版本尚未收录 {year} 年的放假安排（国务院办公厅每年 11 月发布），可从文件导入，或在日历上手动标记。',
  'calendar.holidayFile.choose': '从文件导入放假安排（.ics、.json）…',
  'calendar.holidayFile.applied':
    '已按 {file}（{years} 年）在日历上标出休息日 {off} 天、调休上班日 {work} 天，保存后生效。',
  'calendar.holidayFile.tooLarge':
    '{file} 超过 {limitKb} KB；放假安排文件通常只有几 KB，请选择当年的 .ics 或 .json 文件。',
  'calendar.holidayFile.unreadable': '{file} 既不是 iCalendar（.ics）日历文件，也不是 JSON 格式的放假安排。',
  'calendar.holidayFile.empty': '{file} 里没有任何日期。',
  'calendar.holidayFile.tooManyEvents': '{file} 超过 {limit} 条记录；放假安排通常只有几十条。',
  'calendar.holidayFile.badDate': '{file} 第 {line} 行：“{value}”不是日期。',
  'calendar.holidayFile.tooLong': '{file} 第 {line} 行：超过 {limit} 天的一段不是节假日。',
  'targets.scoring.showMonth': '查看 {month}',
  'dashboard.emptyRange.lastCallDay': '跳到最近有通话的一天（{day}）',
  'dashboard.maskedPhones':
    '有 {count} 通电话的客户号码被导出系统隐去了中间几位（如 138****1234），重复拨打统计不到这些电话。',
};
