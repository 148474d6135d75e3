/**
 * Reject and warning reasons in the UI's language. A reason stored with a catalogue key (the
 * bounds on values, src-main/import/bounds.ts) is translated from it; the import's other reasons
 * are stored in English (they go with the batch and into the rejected-lines CSV) and the page
 * shows the ones it knows in Chinese, with the file's own texts kept as they are. A reason it does
 * not know is shown as written.
 */
import { en, type MessageKey } from '../../../src-shared/i18n/en';
import type { Translate } from '../../i18n/language';

type Rule = [RegExp, (m: RegExpExecArray, t: Translate) => string];

const RULES: Rule[] = [
  [
    /^unknown status "(.*)" read as (\w+) \(talk time (?:> 0|= 0)\)$/,
    (m, t) => t('import.reason.unknownStatus', { text: m[1]!, meaning: meaning(t, m[2]!) }),
  ],
  [/^unknown outcome "(.*)" stored as none$/, (m, t) => t('import.reason.unknownOutcome', { text: m[1]! })],
  [
    /^unknown direction "(.*)" read as outbound$/,
    (m, t) => t('import.reason.unknownDirection', { text: m[1]! }),
  ],
  [/^skipped: a totals row \("(.*)"\)$/, (m, t) => t('import.reason.totals', { text: m[1]! })],
  [/^skipped: the header repeated$/, (_m, t) => t('import.reason.headerRepeated')],
  [/^agent code \(工号\) is empty$/, (_m, t) => t('import.reason.noAgent')],
  [/^cannot read "(.*)" as a date and time\b/, (m, t) => t('import.reason.badTime', { text: m[1]! })],
  [/^"(.*)" is not a valid date(?: and time)?$/, (m, t) => t('import.reason.badDate', { text: m[1]! })],
  [
    /^cannot read "(.*)" as a duration\b.*; stored without it$/,
    (m, t) => t('import.reason.badDuration', { text: m[1]! }),
  ],
  [
    /^cannot read "(.*)" as an amount\b.*; stored without it$/,
    (m, t) => t('import.reason.badAmount', { text: m[1]! }),
  ],
  [
    /^cannot read "(.*)" as a phone number; stored without it$/,
    (m, t) => t('import.reason.badPhone', { text: m[1]! }),
  ],
];

function meaning(t: Translate, disposition: string): string {
  return disposition === 'connected' ? t('import.reason.connected') : t('import.reason.notConnected');
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export interface StoredReason {
  reason: string;
  reasonCode?: { key: string; params: Record<string, string | number> } | null;
}

export function reasonText(t: Translate, row: StoredReason, language: string): string {
  const code = row.reasonCode;
  if (code && isMessageKey(code.key)) return t(code.key, code.params);
  if (language === 'en') return row.reason;
  for (const [pattern, text] of RULES) {
    const m = pattern.exec(row.reason);
    if (m) return text(m, t);
  }
  return row.reason;
}

/** `day-first` / `month-first` as the import writes it, in the UI's words. */
function orderWord(t: Translate, word: string): string {
  return word === 'day' ? t('import.error.dmy') : t('import.error.mdy');
}

/** The import's whole-file errors that the page knows, in Chinese (English: as written). */
const FILE_RULES: Rule[] = [
  [
    /^(.*): the dates in "(.*)" are written (day|month)-first on line (\d+) \("(.*)"\) and (day|month)-first on line (\d+) \("(.*)"\); one file must use one order(?:\. Nothing was stored)?$/,
    (m, t) =>
      t('import.error.dateOrderConflict', {
        file: m[1]!,
        column: m[2]!,
        order: orderWord(t, m[3]!),
        line: m[4]!,
        text: m[5]!,
        other: orderWord(t, m[6]!),
        otherLine: m[7]!,
        otherText: m[8]!,
      }),
  ],
  [
    /^(.*): the dates in "(.*)" are read (day|month)-first as chosen for this file and (day|month)-first on line (\d+) \("(.*)"\); one file must use one order(?:\. Nothing was stored)?$/,
    (m, t) =>
      t('import.error.dateOrderChosen', {
        file: m[1]!,
        column: m[2]!,
        order: orderWord(t, m[3]!),
        other: orderWord(t, m[4]!),
        otherLine: m[5]!,
        otherText: m[6]!,
      }),
  ],
];

/** A failed import's message (or a preview's problem) in the UI's language, where the page knows it. */
export function fileErrorText(t: Translate, text: string, language: string): string {
  if (language === 'en') return text;
  for (const [pattern, words] of FILE_RULES) {
    const m = pattern.exec(text);
    if (m) return words(m, t);
  }
  return text;
}
