/** 命令行的演示数据、备份和报表命令的提示（简体中文）。 */
import type { cliEn } from './cli.en';

export const cliZhCN: Record<keyof typeof cliEn, string> = {
  'cli.demo.loaded': '{path}：已生成 {calls} 条演示通话，{agents} 名坐席，共 {days} 天',
  'cli.backup.needsOut': 'backup 需要 --out <文件>',
  'cli.backup.done': '已将 {source} 备份到 {out}（已校验）',
  'cli.report.needsMonth': 'report 需要 --month YYYY-MM',
  'cli.report.needsFormat': 'report 需要 --format {formats}',
  'cli.report.needsOut': 'report 需要 --out <路径>',
  'cli.report.wroteCsv': '已写入 {count} 个 CSV 文件到 {out}',
  'cli.report.wrote': '已写入 {out}',
  'cli.report.closed': '注意：本月已结账，报表显示结账时的数据',
  'cli.report.closedChanged': '注意：本月结账后数据有变动（{sections}），报表显示结账时的数据',
  'cli.report.noTeam': '没有名为“{name}”的小组',
  'cli.report.noAgent': '没有工号为“{code}”的坐席',
  'cli.report.badScope': '--scope 应为 team:小组名 或 agent:工号，而不是“{scope}”',
};
