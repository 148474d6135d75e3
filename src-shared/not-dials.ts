/**
 * The calls of a file that are no dials, counted by kind (src-main/import/pbx-classify.ts
 * CALL_KINDS, and a file's inbound and internal calls), said in one sentence by the Import page
 * and the command line alike: "412 inbound, 96 internal: not counted as dials".
 */
import type { Say } from './i18n/message-code';
import type { MessageKey } from './i18n/en';

/** The kinds in the order the sentence lists them. */
export const NOT_DIAL_KINDS = [
  'inbound',
  'internal',
  'feature',
  'voicemail',
  'conference',
  'queue',
  'ivr',
  'local',
  'outbound',
  'robot',
] as const;

/** The sentence in the language of `say`, or null when no call was left out; `count` formats a number. */
export function notDialsSentence(
  say: Say,
  counts: Readonly<Record<string, number>> | undefined,
  count: (n: number) => string = String,
): string | null {
  const parts = NOT_DIAL_KINDS.filter((k) => (counts?.[k] ?? 0) > 0).map((k) =>
    say(`pbx.kind.${k}` satisfies MessageKey, { count: count(counts![k]!) }),
  );
  return parts.length === 0 ? null : say('pbx.notDials', { list: parts.join(say('list.separator')) });
}
