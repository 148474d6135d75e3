/** Words of the domain shared by every layer. */
/** What happened to a dial. Only `connected` can count as a connect (with talk > 0 s). */
export declare const DISPOSITIONS: readonly ['connected', 'no_answer', 'busy', 'failed', 'voicemail'];
export type Disposition = (typeof DISPOSITIONS)[number];
/** What the conversation achieved, as the source recorded it. `sale` implies intent. */
export declare const OUTCOMES: readonly ['none', 'intent', 'sale', 'callback', 'not_interested'];
export type Outcome = (typeof OUTCOMES)[number];
export declare const DIRECTIONS: readonly ['outbound', 'inbound'];
export type Direction = (typeof DIRECTIONS)[number];
export declare const BREAKDOWNS: readonly ['day', 'agent', 'team', 'campaign', 'none'];
export type Breakdown = (typeof BREAKDOWNS)[number];
export declare const LANGUAGES: readonly ['zh-CN', 'en'];
export type Language = (typeof LANGUAGES)[number];
export declare const DEFAULT_EFFECTIVE_THRESHOLD_SECONDS = 30;
