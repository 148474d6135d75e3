/** 导入页面的 PBX 部分：哪些分机是坐席，以及不计入外呼的通话（简体中文）。 */
import type { pbxEn } from './pbx.en';

export const pbxZhCN: Record<keyof typeof pbxEn, string> = {
  'pbx.endpoints.title': '分机与中继',
  'pbx.endpoints.hint':
    '根据文件内容识别：分机用短号拨打和接听，中继负责与外线之间的通话。填写工号即把该端点当作坐席；留空则视为中继。',
  'pbx.endpoints.endpoint': '端点',
  'pbx.endpoints.legs': '行数',
  'pbx.endpoints.role': '识别为',
  'pbx.endpoints.agent': '坐席工号',
  'pbx.role.extension': '分机',
  'pbx.role.trunk': '中继',
  'pbx.endpoints.agentFor': '{endpoint} 的坐席工号',
  'pbx.notDials': '{list}：不计入外呼',
  'pbx.kind.outbound': '无坐席的呼出 {count} 通',
  'pbx.kind.inbound': '呼入 {count} 通',
  'pbx.kind.ivr': '仅语音导航 {count} 通',
  'pbx.kind.queue': '进入队列 {count} 通',
  'pbx.kind.conference': '会议 {count} 通',
  'pbx.kind.voicemail': '语音信箱 {count} 通',
  'pbx.kind.feature': '功能码 {count} 通',
  'pbx.kind.internal': '内部通话 {count} 通',
  'pbx.kind.local': '拨号计划内部转接（Local/）{count} 条',
  'pbx.kind.robot': '未转人工的机器人外呼 {count} 通',
};
