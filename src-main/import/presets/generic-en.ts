/**
 * Generic English call logs: the exports of dialers and CRMs that have no preset of their own, and
 * spreadsheets a team keeps by hand. Headers in their common spellings (Agent / Agent ID / Rep /
 * User / Extension, Start Time / Date/Time / Call Date, Status / Result / Disposition, Talk Time /
 * Billsec / Duration...), English status and outcome words. Tried after every specific layout:
 * its synonyms are broad, so it only wins a file no specific layout knows.
 *
 * One column may carry both the call's status and its outcome ("Disposition: Sale / No Answer"):
 * then a status word in the outcome column means no outcome, and an outcome word in the status
 * column means a person answered. A separate outcome column stays strict.
 */
import type { Disposition, Outcome } from '../../../src-shared/domain';
import { lookupValue, type CallPreset } from '../preset';

const OUTCOMES: Readonly<Record<string, Outcome>> = {
  '': 'none',
  None: 'none',
  'N/A': 'none',
  '-': 'none',
  Sale: 'sale',
  Sold: 'sale',
  Won: 'sale',
  'Closed Won': 'sale',
  Closed: 'sale',
  Deal: 'sale',
  Interested: 'intent',
  Hot: 'intent',
  Warm: 'intent',
  Lead: 'intent',
  'Hot Lead': 'intent',
  'Warm Lead': 'intent',
  Qualified: 'intent',
  Callback: 'callback',
  'Call Back': 'callback',
  'Follow Up': 'callback',
  'Follow-up': 'callback',
  'Not Interested': 'not_interested',
  NI: 'not_interested',
  DNC: 'not_interested',
  'Do Not Call': 'not_interested',
};

const STATUSES: Readonly<Record<string, Disposition>> = {
  Answered: 'connected',
  Connected: 'connected',
  Completed: 'connected',
  Contacted: 'connected',
  Human: 'connected',
  'Wrong Number': 'connected', // a person answered, just not the lead
  'No Answer': 'no_answer',
  'No-Answer': 'no_answer',
  No_Answer: 'no_answer',
  NoAnswer: 'no_answer',
  'Not Answered': 'no_answer',
  Missed: 'no_answer',
  Unanswered: 'no_answer',
  Abandoned: 'no_answer',
  Busy: 'busy',
  'Line Busy': 'busy',
  Failed: 'failed',
  'Invalid Number': 'failed',
  'Disconnected Number': 'failed',
  Congestion: 'failed',
  Unreachable: 'failed',
  Voicemail: 'voicemail',
  'Voice Mail': 'voicemail',
  'Left Voicemail': 'voicemail',
  Machine: 'voicemail',
  'Answering Machine': 'voicemail',
  VM: 'voicemail',
};

// An outcome word in the status column: someone answered to say it.
const OUTCOME_WORDS_AS_STATUS = Object.fromEntries(
  Object.entries(OUTCOMES)
    .filter(([, outcome]) => outcome !== 'none')
    .map(([word]) => [word, 'connected' as const]),
);

export const genericEnPreset: CallPreset = {
  id: 'generic-en',
  name: 'Generic English call log',
  columns: {
    callId: ['Call ID', 'CallID', 'ID', 'Unique ID', 'Call Reference'],
    // codes before names: a file with both "Agent ID" and "Agent" keys agents by the id
    agentCode: ['Agent Code', 'Agent ID', 'Rep ID', 'User ID', 'Extension', 'Ext', 'Agent', 'Rep', 'User'],
    agentName: ['Agent Name', 'Rep Name', 'User Name', 'Agent', 'Rep'],
    team: ['Team', 'Team Name', 'Group', 'Agent Group'],
    campaign: ['Campaign', 'Campaign Name', 'List', 'List Name'],
    startedAt: [
      'Start Time',
      'Call Start',
      'Started At',
      'Date/Time',
      'Date Time',
      'Call Date',
      'Date', // a date alone still gives the right day; a bare 'Time' column is not a start
    ],
    phone: ['Phone', 'Phone Number', 'Customer Number', 'Customer Phone', 'To', 'Number', 'Called Number'],
    direction: ['Direction', 'Call Direction', 'Call Type'],
    disposition: ['Status', 'Call Status', 'Result', 'Call Result', 'Disposition', 'Call Disposition'],
    ringSeconds: ['Ring Time', 'Ring Duration', 'Ring Seconds'],
    talkSeconds: ['Talk Time', 'Talk Duration', 'Talk Seconds', 'Billsec', 'Duration', 'Call Duration'],
    outcome: ['Outcome', 'Call Outcome', 'Lead Status', 'Disposition'],
    saleAmount: ['Sale Amount', 'Amount', 'Revenue', 'Order Value', 'Order Amount', 'Deal Value'],
    recording: ['Recording URL', 'Recording', 'Recording Link', 'Recording File'],
  },
  required: ['agentCode', 'startedAt', 'disposition'],
  sourceKeyPrefix: 'en',
  dispositions: { ...STATUSES, ...OUTCOME_WORDS_AS_STATUS },
  outcomes: OUTCOMES,
  directions: {
    '': 'outbound',
    Outbound: 'outbound',
    Outgoing: 'outbound',
    Out: 'outbound',
    Manual: 'outbound',
    Preview: 'outbound',
    Predictive: 'outbound',
    Inbound: 'inbound',
    Incoming: 'inbound',
    In: 'inbound',
    'Outbound call': 'outbound',
    'Outgoing call': 'outbound',
    'Inbound call': 'inbound',
    'Incoming call': 'inbound',
    Internal: 'internal',
    'Internal call': 'internal',
  },
  derive(cell) {
    // Status and outcome read off one column: a status word there is no outcome.
    const outcome = cell('outcome');
    if (outcome !== '' && outcome === cell('disposition') && lookupValue(OUTCOMES, outcome) === undefined)
      return { outcome: '' };
    return {};
  },
};
