/**
 * A PBX export that names the two ends of each call by number and has no agent column: the call
 * log of many Chinese IP-PBXs (主叫号码, 被叫号码, 呼叫类型, 开始时间, 通话时长, 通话状态 — Yeastar,
 * 迅时, 三汇 and in-house switches) and English ones (Caller, Callee, Start Time, Talk Time, Status).
 * The agent is the extension (a 2-6 digit number) at our end, found by the shared PBX classifier
 * (pbx-classify.ts): extension → external number is an outbound dial, external → extension an
 * inbound call, extension → extension internal and `*…` a feature code (counted, not stored).
 * With no status column, or an empty status, a call is connected when its talk time is over zero.
 */
import { asteriskBase } from './asterisk-common';
import { zhGenericPreset } from './zh-generic';
import type { CallPreset } from '../preset';

const TALK_RE = /[1-9]/;

export const pbxNumbersPreset: CallPreset = {
  id: 'pbx-numbers',
  name: 'PBX call log by caller and callee number (主叫号码 / 被叫号码)',
  columns: {
    // The agent is derived from the numbers; rejects of agent-less calls name the caller column.
    agentCode: ['主叫号码', '主叫', 'Caller', 'Calling Number', 'Caller Number'],
    startedAt: ['开始时间', '呼叫时间', '通话开始时间', 'Start Time', 'Call Time'],
    talkSeconds: ['通话时长', '计费时长', '接通时长', 'Talk Time', 'Talk Duration', 'Billsec'],
    ringSeconds: ['振铃时长', 'Ring Time', 'Ringing'],
    disposition: ['通话状态', '呼叫结果', '接听状态', 'Status', 'Disposition', 'Call Status'],
    callId: ['通话ID', '呼叫ID', '唯一标识', 'Call ID', 'Unique ID'],
    recording: ['录音文件', '录音', 'Recording'],
  },
  required: ['agentCode', 'startedAt', 'talkSeconds'],
  sourceKeyPrefix: 'pbxn',
  dispositions: {
    ...zhGenericPreset.dispositions,
    ...asteriskBase.dispositions,
    Answered: 'connected',
    Unanswered: 'no_answer',
    Missed: 'no_answer',
  },
  outcomes: { '': 'none' },
  directions: { outbound: 'outbound', inbound: 'inbound' },
  legs: true,
  pbx: true,
  // A file with an agent column names its agents itself: it is a call-center layout.
  notWith: [...(zhGenericPreset.columns.agentCode ?? []), 'Agent', 'Agent Code', 'Agent ID', 'Extension'],
  derive(cell, _row, leg) {
    const status = cell('disposition');
    return {
      agentCode: leg?.agentCode ?? '',
      direction: leg?.kind === 'outbound' ? 'outbound' : 'inbound',
      phone: leg?.phone ?? '',
      disposition: status !== '' ? status : TALK_RE.test(cell('talkSeconds')) ? 'ANSWERED' : 'NO ANSWER',
    };
  },
};
