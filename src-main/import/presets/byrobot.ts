/**
 * 百应 (BYAI, byrobot) call records: the AI-outbound platform's 通话记录, as its open API documents
 * them (api.byrobot.cn `queryDoneTaskPhones`, `phoneLogInfo` and the 通话记录回调
 * CALL_INSTANCE_RESULT; read in the public API docs and in public code that syncs them, nothing
 * copied): `callInstanceId` 通话记录Id, `callJobId` 任务id, `jobName` 任务名称, `customerTelephone`
 * 被叫客户电话号码, `customerName` 客户名称, `finishStatus` (0 已接听, 1 拒接, 2 无应答 / 无法接通,
 * 3 主叫号码不可用, 4 空号, 5 关机, 6 占线, 7 停机, 8 未接, 9 主叫欠费, 10 呼损, 11 黑名单),
 * `duration` 通话时长 (seconds; `27秒` in one example), `chatRound` 通话轮次, `startTime` 开始拨打时间
 * and `endTime` 结束拨打时间 (`2017-10-25 11:32:54`, one column each), `callerPhone` 主叫电话,
 * `hangUp` 挂机人, and the 分析结果 `客户意向等级` (`A级(较强)`, `A级(有明确意向)`, `C级(很少)`).
 * Both header forms are read: the API's names and those Chinese descriptions.
 *
 * Judgement calls (not in the docs):
 * - Who the agent is. A 百应 call is placed by a robot; the docs show a human only as `callType`
 *   100 人工拨打 and never name the seat's column. The agent here is a human-seat column
 *   (人工坐席 / 坐席 / 坐席姓名 / 坐席名称 — our guess at the console's label), read by name like
 *   云客's. A row without one is a robot's call: counting it as a dial of the task, the line or the
 *   account that owns the task would put robot dials on a person's scorecard, and rejecting it
 *   would call a normal row an error (most rows of an AI-outbound export have no seat). It is
 *   counted as a robot call, not a dial (agentlessIsRobot), as PBX layouts count their calls that
 *   are no dials.
 * - A transferred call's talk time is its `duration`, robot part included (no seat-only talk
 *   time is documented).
 * - Status 2 reads 无应答 in one doc version and 无法接通 in another: the code is no_answer; the
 *   texts keep their own meanings (无法接通 = failed, as the generic Chinese layout reads it).
 * - Intent: only an A-level 客户意向等级 is intent. Levels are defined per 话术 (`A级(较强)` in one
 *   task, `A级(有明确意向)` in another) and a C means "很少" in one doc and other things elsewhere,
 *   so B and below are stored as no outcome rather than as "not interested"; no level is a sale.
 * - No ring time is documented; 振铃时长 is read when an export has it.
 */
import type { CallPreset } from '../preset';

const SEAT = ['人工坐席', '坐席', '坐席姓名', '坐席名称'];
const INTENT = ['客户意向等级', '意向等级'];

export const byrobotPreset: CallPreset = {
  id: 'byrobot',
  name: '百应 (BYAI) 通话记录',
  columns: {
    callId: ['callInstanceId', '通话记录ID', '通话ID'],
    agentCode: SEAT,
    agentName: SEAT,
    campaign: ['jobName', '任务名称'],
    startedAt: ['startTime', '开始拨打时间'],
    phone: ['customerTelephone', '客户电话', '被叫号码', '客户手机'],
    disposition: ['finishStatus', '通话状态'],
    ringSeconds: ['振铃时长'],
    talkSeconds: ['duration', '通话时长'],
    outcome: INTENT,
    recording: ['luyinOssUrl', '通话录音', '录音地址'],
  },
  required: ['callId', 'agentCode', 'startedAt', 'disposition'],
  sourceKeyPrefix: 'byrobot',
  agentlessIsRobot: true,
  dispositions: {
    '0': 'connected',
    '1': 'no_answer',
    '2': 'no_answer',
    '3': 'failed',
    '4': 'failed',
    '5': 'failed',
    '6': 'busy',
    '7': 'failed',
    '8': 'no_answer',
    '9': 'failed',
    '10': 'failed',
    '11': 'failed',
    已接听: 'connected',
    已接: 'connected',
    拒接: 'no_answer',
    无应答: 'no_answer',
    无法接通: 'failed',
    主叫号码不可用: 'failed',
    空号: 'failed',
    关机: 'failed',
    占线: 'busy',
    停机: 'failed',
    未接: 'no_answer',
    主叫欠费: 'failed',
    呼损: 'failed',
    黑名单: 'failed',
  },
  // By the level's letter (see derive): the preview lists A…F, so a team that counts B as intent
  // says so there, once, for the file's profile.
  outcomes: { '': 'none', A: 'intent', B: 'none', C: 'none', D: 'none', E: 'none', F: 'none' },
  directions: { '': 'outbound' },
  derive(cell) {
    // `A级(较强)`, `A级（有明确意向）`, `A` → `A`; any other text is left as it is (unknown: a warning).
    const level = /^([A-F])(?:级|类)?(?:[(（].*)?$/i.exec(cell('outcome').normalize('NFKC').trim());
    return level ? { outcome: level[1]!.toUpperCase() } : {};
  },
};
