/** 导入预览中按内容识别文件的说明：跳过的行、日期顺序、各列类型（简体中文）。 */
import type { importInferEn } from './import-infer.en';

export const importInferZhCN: Record<keyof typeof importInferEn, string> = {
  'import.infer.skipped': '表格上方已跳过',
  'import.infer.skippedLine': '第 {line} 行：{text}',
  'import.infer.dateOrder': '日期如 {example}',
  'import.infer.dateOrder.ambiguous': '文件里的日期两种读法都说得通，请确认哪个在前：',
  'import.infer.dateOrder.decided': '按{order}读取：文件中有 {example}。',
  'import.infer.dmy': '日在前（31/12/2026）',
  'import.infer.mdy': '月在前（12/31/2026）',
  'import.infer.proposed': '将按通话时长记为{meaning}，并给出提示',
  'import.infer.confidence': '把握 {percent}',
  'import.infer.kind.empty': '空列',
  'import.infer.kind.instant': '日期时间',
  'import.infer.kind.date': '日期',
  'import.infer.kind.time': '时刻',
  'import.infer.kind.duration': '时长',
  'import.infer.kind.phone': '电话号码',
  'import.infer.kind.extension': '短号（分机/工号）',
  'import.infer.kind.agent': '姓名加工号',
  'import.infer.kind.status': '少数几种取值',
  'import.infer.kind.amount': '数字',
  'import.infer.kind.id': '唯一编号',
  'import.infer.kind.name': '姓名或文字',
  'import.infer.kind.text': '文字',
};
