/** 行被拒收的原因（与 import-reasons.en.ts 同键）。 */
import type { importReasonsEn } from './import-reasons.en';

export const importReasonsZhCN: Record<keyof typeof importReasonsEn, string> = {
  'importReason.durationTooLong':
    '时长 {value} 秒超过单通电话的上限（{max} 秒，即 24 小时），可能是读错了列或数据已损坏',
  'importReason.durationNegative': '时长不能为负数（{value}）',
  'importReason.amountTooLarge': '金额 {value} 超过可接受的上限（{max}），可能是读错了列或数据已损坏',
  'importReason.amountNegative': '金额不能为负数（{value}）',
  'importReason.rowTooLong':
    '这一行超过 {max} 个字符（可能有未闭合的引号，或文件不是表格），已跳到下一行继续读取',
  'importReason.rowRunsAway':
    '带引号的字段跨越了 {max} 行以上（可能有未闭合的引号），已从第 {resume} 行继续读取',
  'importReason.rowTooManyCells': '这一行在第 {column} 列有单元格，超出工作表最多 {max} 列的限制，已跳过该行',
  'importReason.rowBeyondSheet': '行号 {row} 超出工作表最多 {max} 行的限制，已跳过该行',
};
