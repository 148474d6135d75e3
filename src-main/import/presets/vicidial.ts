/**
 * VICIdial "Export Calls Report" (Reports -> Export Calls Report, `call_report_export.php`, STANDARD
 * export fields): tab-separated, CRLF, a header row of column names (call_date, phone_number_dialed,
 * status, user, full_name, campaign_id, ... length_in_sec, user_group, ... status_name). Columns
 * vary with the report's options (recording, EXTENDED, custom fields), so they match by name.
 *
 * - `status` carries disposition and outcome at once; the standard system and campaign codes are
 *   mapped below. Campaigns define their own statuses: an unknown one is rejected with its text so
 *   the user can give it a meaning on the Import page, rather than guessed.
 * - `length_in_sec` is the call's length: the export has no separate talk column, so it is read as
 *   talk time (for statuses that are not a conversation the KPIs ignore it anyway).
 * - `call_date` is the server's wall clock: read in the workspace's time zone.
 * - The export carries no direction: every row is an outbound dial (closer/inbound rows included
 *   in the same export are counted as dials too — export the outbound campaigns only).
 */
import type { CallPreset } from '../preset';

export const vicidialPreset: CallPreset = {
  id: 'vicidial',
  name: 'VICIdial Export Calls Report',
  columns: {
    callId: ['uniqueid'],
    agentCode: ['user'],
    agentName: ['full_name'],
    team: ['user_group'],
    campaign: ['campaign_id'],
    startedAt: ['call_date'],
    phone: ['phone_number_dialed', 'phone_number'],
    disposition: ['status'],
    talkSeconds: ['length_in_sec'],
    outcome: ['status'],
    recording: ['recording_location', 'recording_filename'],
  },
  required: ['agentCode', 'startedAt', 'disposition', 'talkSeconds'],
  sourceKeyPrefix: 'vicidial',
  dispositions: {
    SALE: 'connected',
    NI: 'connected', // not interested
    NP: 'connected', // no pitch
    CALLBK: 'connected',
    CBHOLD: 'connected',
    XFER: 'connected', // transferred to a closer
    DEC: 'connected', // declined sale
    DNC: 'connected', // asked not to be called
    NA: 'no_answer',
    N: 'no_answer',
    NANQUE: 'no_answer',
    // Dropped: the customer answered but no agent was free to talk: no conversation, not a connect.
    DROP: 'no_answer',
    PDROP: 'no_answer',
    B: 'busy',
    AB: 'busy',
    DC: 'failed', // disconnected number
    ADC: 'failed',
    ADCT: 'failed',
    A: 'voicemail', // answering machine
    AA: 'voicemail',
    AM: 'voicemail',
    AL: 'voicemail',
    // INCALL and QUEUE (a call still in progress when exported) are left out on purpose: storing
    // them would count a call whose final status a later export brings under another key.
  },
  pendingStatuses: ['INCALL', 'QUEUE'],
  outcomes: {
    SALE: 'sale',
    XFER: 'intent', // a transfer to a closer is a qualified, interested lead
    CALLBK: 'callback',
    CBHOLD: 'callback',
    NI: 'not_interested',
    DEC: 'not_interested',
    DNC: 'not_interested',
  },
  // every other status is a disposition without an outcome; unknown ones fail the disposition map
  outcomeFallback: 'none',
  directions: { '': 'outbound' },
};
