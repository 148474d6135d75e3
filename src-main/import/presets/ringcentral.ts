/**
 * RingCentral's call log as the Admin Portal exports it (Analytics / Call Log → Export CSV), in
 * its two shapes:
 * - the classic one: Type, Phone Number, Name, Date, Time, Action, Action Result, Result
 *   Description, Duration (H:MM:SS), Included, Purchased, Extension, Direction; the date and the
 *   time in two columns, joined by the import (infer-columns.ts);
 * - the newer one: Session Id, Start Time, Direction, From, To, Extension, Result, Duration.
 *
 * One row per call of an extension: the agent is the Extension; Direction is Outgoing/Outbound or
 * Incoming/Inbound (read from Type when the file has no Direction column; a Type of "Voice" is
 * then an unknown direction and the row is rejected saying so). The customer is the Phone Number
 * (classic) or the To of an outbound call (newer; the From of an inbound one is not carried).
 */
import type { CallPreset } from '../preset';

export const ringCentralPreset: CallPreset = {
  id: 'ringcentral',
  name: 'RingCentral call log',
  columns: {
    callId: ['Session Id', 'Session ID', 'Telephony Session Id'],
    agentCode: ['Extension'],
    phone: ['Phone Number', 'To'],
    startedAt: ['Date', 'Start Time'],
    direction: ['Direction', 'Type'],
    disposition: ['Action Result', 'Result'],
    talkSeconds: ['Duration'],
  },
  required: ['agentCode', 'startedAt', 'direction', 'disposition', 'talkSeconds'],
  sourceKeyPrefix: 'ringcentral',
  dispositions: {
    'Call connected': 'connected',
    Connected: 'connected',
    Accepted: 'connected',
    Missed: 'no_answer',
    'No Answer': 'no_answer',
    'Hang Up': 'no_answer',
    Rejected: 'no_answer',
    Declined: 'no_answer',
    Stopped: 'no_answer',
    Busy: 'busy',
    Voicemail: 'voicemail',
    'Left Voicemail': 'voicemail',
    'Wrong Number': 'failed',
    'Call Failed': 'failed',
    Failed: 'failed',
    Blocked: 'failed',
  },
  outcomes: { '': 'none' },
  directions: { Outgoing: 'outbound', Outbound: 'outbound', Incoming: 'inbound', Inbound: 'inbound' },
  derive(cell) {
    // The newer shape's To is our own number on an inbound call: no customer number then.
    const inbound = /^in/i.test(cell('direction'));
    return cell('callId') !== '' && inbound ? { phone: '' } : {};
  },
};
