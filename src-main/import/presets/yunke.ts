/**
 * 云客 (Yunke) call logs: the records its call-log API returns, as teams sync them (often into a
 * 飞书多维表格 that they export to Excel or CSV). The shape is taken from public code that syncs
 * them (field names only, nothing copied): `id, callNumber, planCustomerName, planCustomerCompany,
 * userIdName, departmentList, callStatus, startCallTime, callSeconds, callDuration, progress,
 * simPhone, createdTime, ringSecond, incomingCall, recordFile`, which the synced table labels
 * 通话记录ID, 客户电话, 客户名称, 客户公司, 坐席名称, 部门, 通话状态, 通话时间, 通话时长(秒), 通话时长,
 * 销售进度, 拨打号码, 创建时间, 振铃时长(秒), 呼入标记, 录音地址. Both header forms read here.
 *
 * Judgement calls:
 * - The agent is known only by name (userIdName / 坐席名称): the column is both the agent's code and
 *   name, and the normaliser derives a stable code from the name (agentCodeFromName), as it does
 *   for any agent column that holds names. Two agents of one name are one agent.
 * - callStatus is documented as 2 = 接通 (connected) and 0 = 未接 (not connected, read as no_answer).
 *   Any other value follows the app's rule for every non-strict layout (preset.ts `strictValues`):
 *   read by its talk time, with a warning naming the value, so no call is lost to it.
 * - incomingCall / 呼入标记: 1 = inbound (not a dial), 0 or empty = outbound: the inbound-flag table
 *   the content-aware inference reads such a column with in any other file (direction-values.ts).
 * - Talk and ring time come from the seconds columns (callSeconds, ringSecond); the formatted
 *   callDuration / 通话时长 is not read. simPhone / 拨打号码 is our own line, never the customer's.
 * - departmentList is the team; a list (`["销售一部"]`) gives its first department.
 */
import { INBOUND_FLAG } from '../direction-values';
import type { CallPreset } from '../preset';

const AGENT = ['userIdName', '坐席名称', '坐席'];

export const yunkePreset: CallPreset = {
  id: 'yunke',
  name: '云客 (Yunke) 通话记录',
  columns: {
    callId: ['id', '通话记录ID'],
    agentCode: AGENT,
    agentName: AGENT,
    team: ['departmentList', '部门'],
    startedAt: ['startCallTime', '通话时间'],
    phone: ['callNumber', '客户电话'],
    direction: ['incomingCall', '呼入标记'],
    disposition: ['callStatus', '通话状态'],
    ringSeconds: ['ringSecond', '振铃时长(秒)'],
    talkSeconds: ['callSeconds', '通话时长(秒)'],
    recording: ['recordFile', '录音地址'],
  },
  required: ['callId', 'agentCode', 'startedAt', 'disposition'],
  sourceKeyPrefix: 'yunke',
  dispositions: { '2': 'connected', '0': 'no_answer' },
  outcomes: { '': 'none' },
  directions: INBOUND_FLAG,
  derive(cell) {
    const team = firstDepartment(cell('team'));
    return team === undefined ? {} : { team };
  },
};

/** The first department of a list written as JSON (`["销售一部","华东"]`), else undefined. */
function firstDepartment(text: string): string | undefined {
  if (!text.startsWith('[')) return undefined;
  const first = /^\[\s*"?([^",\]]*)/.exec(text)?.[1];
  return (first ?? '').trim();
}
