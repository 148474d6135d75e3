/** 工作区时区：可搜索的时区选择、更改时区及确认（中文）。 */
export const zoneZhCN = {
  'zone.search': '搜索城市或时差（如 上海、+8）',
  'zone.noMatch': '没有与“{query}”匹配的时区。',
  'zone.matches': '找到 {count} 个时区',
  'zone.firstUse': '本工作区的时区',
  'zone.firstUseHint': '按此时区划分日期、小时和“昨天”。演示数据使用其自带时区 Asia/Shanghai（北京时间）。',
  'zone.confirmTitle': '将时区改为 {zone}？',
  'zone.confirmMoves': '{count} 通电话将归到另一天，所有时间按 {zone} 显示；看板、目标和报表随之更新。',
  'zone.confirmNoMoves': '没有通话会换到另一天；时间将按 {zone} 显示。',
  'zone.confirmOrders': '另有 {count} 条订单记录归到另一天。',
  'zone.confirmAcks':
    '{count} 条已处理的异常提醒将重新出现：其通话在新时区下与其他通话归到同一天，或被拆到两天。',
  'zone.confirm': '更改时区',
  'zone.cancel': '取消',
  'zone.refused': '无法更改时区：已月结的 {months} 的数据会因此变化。请先在报表页取消这些月份的月结。',
  'zone.changing': '正在按新时区重新归日…',
  'zone.failed': '时区未更改：{message}',
} as const;
