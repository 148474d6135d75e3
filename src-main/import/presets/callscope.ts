/**
 * Callscope's own documented CSV layout (README, "The Callscope CSV layout"): English headers,
 * one row per call. Required: agent_code, started_at, disposition.
 */
import type { CallPreset } from '../preset';

export const callscopePreset: CallPreset = {
  id: 'callscope',
  name: 'Callscope CSV',
  columns: {
    callId: ['call_id'],
    agentCode: ['agent_code'],
    agentName: ['agent_name'],
    team: ['team'],
    campaign: ['campaign'],
    startedAt: ['started_at'],
    phone: ['phone'],
    direction: ['direction'],
    disposition: ['disposition'],
    ringSeconds: ['ring_seconds'],
    talkSeconds: ['talk_seconds'],
    outcome: ['outcome'],
    saleAmount: ['sale_amount'],
    recording: ['recording'],
  },
  required: ['agentCode', 'startedAt', 'disposition'],
  sourceKeyPrefix: 'cs',
  strictValues: true,
  dispositions: {
    connected: 'connected',
    no_answer: 'no_answer',
    busy: 'busy',
    failed: 'failed',
    voicemail: 'voicemail',
  },
  outcomes: {
    '': 'none',
    none: 'none',
    intent: 'intent',
    sale: 'sale',
    callback: 'callback',
    not_interested: 'not_interested',
  },
  directions: { '': 'outbound', outbound: 'outbound', inbound: 'inbound' },
};
