/** A rejected row's reason in the UI's language where it has a catalogue key, else its stored (English) text. */
import { en, type MessageKey } from '../../../src-shared/i18n/en';
import type { Translate } from '../../i18n/language';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function reasonText(
  t: Translate,
  row: { reason: string; reasonCode?: { key: string; params: Record<string, string | number> } | null },
): string {
  const code = row.reasonCode;
  return code && isMessageKey(code.key) ? t(code.key, code.params) : row.reason;
}
