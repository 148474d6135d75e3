/**
 * Reject and warning reasons in the UI's language. The import writes them in English (they are
 * stored with the batch and exported as CSV); the page shows the ones it knows in Chinese, with the
 * file's own texts kept as they are. A reason it does not know is shown as written.
 */
import type { Translate } from '../../i18n/language';

type Rule = [RegExp, (m: RegExpExecArray, t: Translate) => string];

const RULES: Rule[] = [
  [
    /^unknown status "(.*)" read as (\w+) \(talk time (?:> 0|= 0)\)$/,
    (m, t) => t('import.reason.unknownStatus', { text: m[1]!, meaning: meaning(t, m[2]!) }),
  ],
  [/^unknown outcome "(.*)" stored as none$/, (m, t) => t('import.reason.unknownOutcome', { text: m[1]! })],
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

export function reasonText(reason: string, t: Translate, language: string): string {
  if (language === 'en') return reason;
  for (const [pattern, text] of RULES) {
    const m = pattern.exec(reason);
    if (m) return text(m, t);
  }
  return reason;
}
