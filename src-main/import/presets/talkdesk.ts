/**
 * Talkdesk "Calls" report (Explore -> Calls, also the Explore API `calls` report): one row per call
 * with call_id, type, start_at / end_at (UTC), talkdesk_phone_number, contact_phone_number,
 * user_id, user_name, user_email, total_time, talk_time, wait_time, hold_time, total_ringing_time
 * (seconds), disposition_code, team_name, recording_url. The CSV downloaded from Explore titles
 * them ("Call ID", "Type", "Start At"...); older Explore exports wrote "Interaction ID", "Call Type",
 * "Start Time", "Customer Phone Number", "Agent Name", "Team" — both spellings are accepted.
 *
 * Assumptions (documented here because the CSV headers are not published as such):
 * - `type` gives direction and disposition at once: outbound / outbound_missed are dials;
 *   inbound, missed, abandoned, short_abandoned and voicemail are inbound.
 * - Times are UTC (the report's documented zone), also when written without a `Z`.
 * - `disposition_code` is the account's own list: known words become outcomes, others `none`
 *   (the user can give them a meaning on the Import page).
 * - Without a user id column the agent's name is the agent code (older exports have only names);
 *   a call no agent handled (a missed inbound call) is rejected as having no agent.
 */
import type { CallPreset } from '../preset';
import { assumeUtc } from '../values';

export const talkdeskPreset: CallPreset = {
  id: 'talkdesk',
  name: 'Talkdesk Calls report',
  columns: {
    callId: ['call_id', 'interaction_id'],
    agentCode: ['user_id', 'agent_id'],
    agentName: ['user_name', 'agent_name', 'handling_agent'],
    team: ['team_name', 'team'],
    startedAt: ['start_at', 'start_time'],
    phone: ['contact_phone_number', 'customer_phone_number'],
    direction: ['type', 'call_type'],
    disposition: ['type', 'call_type'],
    ringSeconds: ['total_ringing_time', 'wait_time', 'waiting_time'],
    talkSeconds: ['talk_time'],
    outcome: ['disposition_code', 'disposition'],
    recording: ['recording_url', 'record'],
  },
  // the agent code may come from the name (derive), so only these are required of the header
  required: ['startedAt', 'disposition', 'talkSeconds'],
  sourceKeyPrefix: 'talkdesk',
  dispositions: {
    outbound: 'connected', // placed and picked up; talk time tells a conversation
    outbound_missed: 'no_answer',
    inbound: 'connected',
    missed: 'no_answer',
    abandoned: 'no_answer',
    short_abandoned: 'no_answer',
    voicemail: 'voicemail',
  },
  outcomes: {
    '': 'none',
    Sale: 'sale',
    Sold: 'sale',
    'Closed Won': 'sale',
    Interested: 'intent',
    'Qualified Lead': 'intent',
    Callback: 'callback',
    'Call Back': 'callback',
    'Not Interested': 'not_interested',
    'Do Not Call': 'not_interested',
  },
  outcomeFallback: 'none',
  directions: {
    outbound: 'outbound',
    outbound_missed: 'outbound',
    inbound: 'inbound',
    missed: 'inbound',
    abandoned: 'inbound',
    short_abandoned: 'inbound',
    voicemail: 'inbound',
  },
  derive(cell) {
    return { startedAt: assumeUtc(cell('startedAt')), agentCode: cell('agentCode') || cell('agentName') };
  },
};
