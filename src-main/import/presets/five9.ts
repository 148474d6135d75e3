/**
 * Five9 VCC "Call Log" report exported as CSV (Reports -> Call Log, Five9 Dashboards and Reports
 * User's Guide): upper-case headers CALL ID, TIMESTAMP (`Thu, 27 Oct 2016 14:51:34`, the report's
 * time zone: set the workspace to it), CAMPAIGN, CALL TYPE, AGENT (username or email), AGENT NAME,
 * AGENT GROUP, DISPOSITION, ANI, DNIS, CALL TIME, RING TIME, TALK TIME, HOLD TIME, AFTER CALL WORK
 * TIME (durations HH:MM:SS). The report's columns are configurable, so they match by name.
 *
 * - DISPOSITION carries disposition and outcome: Five9's system dispositions are mapped below;
 *   campaign dispositions the domain defines itself are rejected with their text so the user can
 *   give them a meaning on the Import page.
 * - The customer's number is DNIS on outbound calls (the number dialed); inbound rows carry the
 *   dialed line there (a preset cannot switch columns per row), which only affects their phone.
 */
import type { CallPreset } from '../preset';

export const five9Preset: CallPreset = {
  id: 'five9',
  name: 'Five9 Call Log',
  columns: {
    callId: ['CALL ID'],
    agentCode: ['AGENT'],
    agentName: ['AGENT NAME'],
    team: ['AGENT GROUP'],
    campaign: ['CAMPAIGN'],
    startedAt: ['TIMESTAMP'],
    phone: ['DNIS'],
    direction: ['CALL TYPE'],
    disposition: ['DISPOSITION'],
    ringSeconds: ['RING TIME'],
    talkSeconds: ['TALK TIME'],
    outcome: ['DISPOSITION'],
  },
  required: ['agentCode', 'startedAt', 'disposition'],
  sourceKeyPrefix: 'five9',
  dispositions: {
    'No Answer': 'no_answer',
    'No Party Contact': 'no_answer',
    // the customer hung up before an agent was connected: no conversation
    Abandon: 'no_answer',
    Abandoned: 'no_answer',
    Busy: 'busy',
    'Answering Machine': 'voicemail',
    'Left Voicemail': 'voicemail',
    Voicemail: 'voicemail',
    Fax: 'failed',
    'Dial Error': 'failed',
    'Operator Intercept': 'failed',
    'Number Not In Service': 'failed',
    Sale: 'connected',
    'Not Interested': 'connected',
    Callback: 'connected',
    'Agent Callback': 'connected',
    'Do Not Call': 'connected',
    'Add to DNC': 'connected',
    'Transferred To 3rd Party': 'connected',
    'Wrong Number': 'connected', // a person answered, just not the lead
    'Hang Up': 'connected',
    'No Disposition': 'connected',
  },
  outcomes: {
    Sale: 'sale',
    'Not Interested': 'not_interested',
    'Do Not Call': 'not_interested',
    'Add to DNC': 'not_interested',
    Callback: 'callback',
    'Agent Callback': 'callback',
  },
  outcomeFallback: 'none',
  directions: {
    Outbound: 'outbound',
    Manual: 'outbound',
    Preview: 'outbound',
    Autodial: 'outbound',
    Agent: 'outbound', // dialed by hand by the agent
    'Outbound Preview': 'outbound',
    'Outbound Voicemail': 'outbound',
    Inbound: 'inbound',
    'Inbound Voicemail': 'inbound',
    // a call inside the Five9 domain is not a dial: kept out of the outbound KPIs
    Internal: 'inbound',
  },
};
