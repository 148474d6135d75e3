/** Words of the domain shared by every layer. */

/** What happened to a dial. Only `connected` can count as a connect (with talk > 0 s). */
export const DISPOSITIONS = ['connected', 'no_answer', 'busy', 'failed', 'voicemail'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** What the conversation achieved, as the source recorded it. `sale` implies intent. */
export const OUTCOMES = ['none', 'intent', 'sale', 'callback', 'not_interested'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** What an import's direction text can mean: a stored direction, or internal (counted, not stored). */
export const DIRECTION_MEANINGS = [...DIRECTIONS, 'internal'] as const;
export type DirectionMeaning = (typeof DIRECTION_MEANINGS)[number];

/** The fields of a call an import can fill; a layout maps its columns onto these. */
export const CALL_FIELDS = [
  'callId',
  'agentCode',
  'agentName',
  'team',
  'campaign',
  'startedAt',
  'phone',
  'direction',
  'disposition',
  'ringSeconds',
  'talkSeconds',
  'outcome',
  'saleAmount',
  'recording',
] as const;
export type CallField = (typeof CALL_FIELDS)[number];

export const BREAKDOWNS = ['day', 'agent', 'team', 'campaign', 'none'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_EFFECTIVE_THRESHOLD_SECONDS = 30;
/** A sale with less talk than this is a spot-check stratum of its own ("short sale"). */
export const DEFAULT_SHORT_SALE_SECONDS = 30;
