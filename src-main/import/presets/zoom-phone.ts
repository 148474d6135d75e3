/**
 * Zoom Phone call logs as the admin portal exports them (Phone System Management → Call Logs →
 * Export, CSV): one row per call with Date & Time, Direction, Caller Name, Caller Number, Callee
 * Name, Callee Number, Duration (HH:MM:SS) and Result (Call connected, No Answer, Busy, Voicemail,
 * Rejected, Call Cancel, …), plus site, path and recording columns not read here.
 *
 * The agent is the extension at our end, found by the shared PBX classifier (pbx-classify.ts) on
 * the two numbers: outbound = an extension (short number) calling an external number; inbound =
 * an outside caller reaching an extension; extension to extension is internal (counted, not
 * stored). The agent's name is the Caller Name of an outbound call, the Callee Name of an inbound.
 */
import type { CallPreset } from '../preset';

export const zoomPhonePreset: CallPreset = {
  id: 'zoom-phone',
  name: 'Zoom Phone call logs',
  columns: {
    callId: ['Call ID'],
    agentCode: ['Caller Number'],
    agentName: ['Caller Name'],
    phone: ['Callee Number'],
    startedAt: ['Date & Time', 'Date and Time', 'Start Time'],
    talkSeconds: ['Duration'],
    disposition: ['Result'],
    recording: ['Recording'],
  },
  required: ['agentCode', 'phone', 'startedAt', 'talkSeconds', 'disposition'],
  sourceKeyPrefix: 'zoom',
  dispositions: {
    'Call connected': 'connected',
    Connected: 'connected',
    Answered: 'connected',
    'No Answer': 'no_answer',
    Missed: 'no_answer',
    'Call Cancel': 'no_answer',
    Cancelled: 'no_answer',
    Rejected: 'no_answer',
    Busy: 'busy',
    Voicemail: 'voicemail',
    'Call failed': 'failed',
    Failed: 'failed',
    Blocked: 'failed',
  },
  outcomes: { '': 'none' },
  directions: { outbound: 'outbound', inbound: 'inbound' },
  legs: true,
  pbx: true,
  derive(cell, _row, leg) {
    const outbound = leg?.kind === 'outbound';
    return {
      agentCode: leg?.agentCode ?? '',
      agentName: outbound ? cell('agentName') : '',
      direction: outbound ? 'outbound' : 'inbound',
      phone: leg?.phone ?? '',
    };
  },
};
