/**
 * Aircall calls export (Dashboard -> Calls / Analytics call history -> Export CSV). Columns follow
 * the call object of Aircall's public API, which the export mirrors: id, direction
 * (inbound/outbound), status (answered/missed/voicemail/abandoned/refused), missed_call_reason,
 * started_at / answered_at / ended_at (UTC, `2026-11-03T01:15:02Z` or `2026-11-03 01:15:02 UTC`),
 * duration (total seconds), in-call duration, user (name) / user_id / user_email, teams,
 * number_name, raw_digits (the external party's number), tags, comments, recording.
 *
 * Assumptions: the exact CSV header spellings are not published, so the API's names and their
 * titled forms are accepted; talk time is the in-call duration ("duration (in call)", "talking
 * time") — the total duration includes ringing and is not read as talk. Tags are the only outcome
 * Aircall carries: the strongest known tag wins (sale, then interest, callback, not interested).
 */
import type { Outcome } from '../../../src-shared/domain';
import { lookupValue, type CallPreset } from '../preset';
import { assumeUtc } from '../values';

const OUTCOME_TAGS: Readonly<Record<string, Outcome>> = {
  '': 'none',
  Sale: 'sale',
  Sold: 'sale',
  Deal: 'sale',
  Won: 'sale',
  Interested: 'intent',
  Lead: 'intent',
  'Hot Lead': 'intent',
  Callback: 'callback',
  'Call Back': 'callback',
  'Not Interested': 'not_interested',
  'Do Not Call': 'not_interested',
};

const STRENGTH: readonly Outcome[] = ['sale', 'intent', 'callback', 'not_interested', 'none'];

/** The tag with the strongest known outcome among `Sale, Follow-up`-style tag lists. */
function strongestTag(tags: string): string {
  const known = tags
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter((t) => lookupValue(OUTCOME_TAGS, t) !== undefined);
  known.sort(
    (a, b) =>
      STRENGTH.indexOf(lookupValue(OUTCOME_TAGS, a)!) - STRENGTH.indexOf(lookupValue(OUTCOME_TAGS, b)!),
  );
  return known[0] ?? '';
}

export const aircallPreset: CallPreset = {
  id: 'aircall',
  name: 'Aircall calls export',
  columns: {
    callId: ['id', 'call_id'],
    agentCode: ['user_id', 'user_email'],
    agentName: ['user_name', 'user'],
    team: ['teams', 'team'],
    startedAt: ['started_at'],
    phone: ['raw_digits'],
    direction: ['direction'],
    disposition: ['status'],
    ringSeconds: ['time_to_answer'],
    talkSeconds: ['duration (in call)', 'in_call_duration', 'talking_time', 'talk_time'],
    outcome: ['tags'],
    recording: ['recording'],
  },
  required: ['agentCode', 'startedAt', 'direction', 'disposition'],
  sourceKeyPrefix: 'aircall',
  dispositions: {
    answered: 'connected',
    missed: 'no_answer',
    abandoned: 'no_answer',
    refused: 'no_answer', // the callee declined, as 拒接 does
    voicemail: 'voicemail',
  },
  outcomes: OUTCOME_TAGS,
  outcomeFallback: 'none',
  directions: { inbound: 'inbound', outbound: 'outbound' },
  derive(cell) {
    return { startedAt: assumeUtc(cell('startedAt')), outcome: strongestTag(cell('outcome')) };
  },
};
