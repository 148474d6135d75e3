/**
 * Generic Chinese call-center exports (天润融通 Clink, 容联七陌 and the many in-house dialers that
 * copy them): Chinese headers in their common spellings (坐席/座席 both), results such as 已接通 or
 * 用户忙, durations like 3分25秒, usually saved as GBK by Excel on Chinese Windows.
 *
 * - 天润融通 Clink 通话记录 export: 座席号, 座席名称, 客户号码, 开始时间, 接通时间, 结束时间, 通话时长,
 *   接听状态 / 通话状态, 录音文件 (and 客户姓名 etc., not call fields). 接通时间 is when the call was
 *   answered, not when it started: it is not a start time.
 * - 容联七陌 通话记录 export: 坐席工号, 坐席名称, 主叫号码, 被叫号码, 呼叫时间, 接通时长, 通话标识
 *   (已接听 / 振铃未接听 / 排队放弃 / 留言 ...), 呼叫类型 (外呼 / 普通来电 ...).
 * - 主叫号码 is the agent's line on an outbound call and 被叫号码 the customer's, so the customer's
 *   number is read from 被叫号码 (and never from 主叫号码). On inbound rows that is the company's line
 *   (a preset cannot switch columns per row); inbound calls are not dials.
 */
import type { CallPreset } from '../preset';

export const zhGenericPreset: CallPreset = {
  id: 'zh-generic',
  name: '中文通用导出 (Chinese call-center export)',
  columns: {
    callId: ['通话ID', '通话编号', '通话记录ID', '呼叫ID', '通话唯一标识', '唯一标识', '记录编号', 'CallID'],
    agentCode: ['坐席工号', '座席工号', '坐席号', '座席号', '坐席编号', '座席编号', '工号', 'cno'],
    agentName: ['坐席姓名', '座席姓名', '坐席名称', '座席名称', '坐席', '座席', '销售', '话务员'],
    team: ['技能组', '小组', '组别', '所属组', '团队', '部门'],
    campaign: ['外呼任务', '任务名称', '活动名称', '营销活动', '项目'],
    startedAt: ['呼叫时间', '开始时间', '拨打时间', '外呼时间', '通话开始时间'],
    phone: ['客户号码', '被叫号码', '客户电话', '手机号码', '手机号'],
    direction: ['呼叫类型', '通话类型', '呼叫方向', '通话方向'],
    disposition: ['呼叫结果', '外呼结果', '接听状态', '通话标识', '通话状态', '接通状态'],
    ringSeconds: ['振铃时长'],
    talkSeconds: ['通话时长', '接通时长', '计费时长'],
    outcome: ['客户意向', '意向', '意向等级', '成交状态', '跟进结果'],
    saleAmount: ['成交金额', '订单金额'],
    recording: ['录音地址', '录音文件', '录音'],
  },
  required: ['agentCode', 'startedAt', 'disposition'],
  sourceKeyPrefix: 'zh',
  dispositions: {
    已接通: 'connected',
    接通: 'connected',
    已接听: 'connected',
    接听: 'connected',
    成功: 'connected',
    未接通: 'no_answer',
    未接: 'no_answer',
    未接听: 'no_answer',
    无人接听: 'no_answer',
    无应答: 'no_answer',
    客户未接: 'no_answer',
    振铃未接听: 'no_answer', // 容联七陌
    座席未接听: 'no_answer',
    排队放弃: 'no_answer', // 容联七陌: the caller gave up in the queue
    IVR放弃: 'no_answer',
    拒接: 'no_answer',
    用户拒接: 'no_answer',
    用户忙: 'busy',
    忙线: 'busy',
    占线: 'busy',
    通话中: 'busy',
    呼叫失败: 'failed',
    呼损: 'failed',
    失败: 'failed',
    空号: 'failed',
    停机: 'failed',
    关机: 'failed',
    号码错误: 'failed',
    无法接通: 'failed',
    黑名单: 'failed', // 容联七陌: blocked before dialing
    语音信箱: 'voicemail',
    留言: 'voicemail',
  },
  outcomes: {
    '': 'none',
    无: 'none',
    有意向: 'intent',
    意向: 'intent',
    意向客户: 'intent',
    A类: 'intent',
    B类: 'intent',
    成交: 'sale',
    已成交: 'sale',
    签单: 'sale',
    无意向: 'not_interested',
    不感兴趣: 'not_interested',
    拒绝: 'not_interested',
    C类: 'not_interested',
    预约回访: 'callback',
    再联系: 'callback',
    回访: 'callback',
  },
  directions: {
    '': 'outbound',
    外呼: 'outbound',
    呼出: 'outbound',
    点击外呼: 'outbound',
    预测外呼: 'outbound',
    外呼转接: 'outbound',
    呼入: 'inbound',
    来电: 'inbound',
    普通来电: 'inbound', // 容联七陌
    来电转接: 'inbound',
    去电: 'outbound',
    外呼去电: 'outbound',
    // 主叫 / 被叫 as the agent's side of the call: the agent called (a dial) or was called.
    主叫: 'outbound',
    被叫: 'inbound',
    内部: 'internal',
    内部通话: 'internal',
    内线: 'internal',
    分机互拨: 'internal',
  },
};
