/**
 * A message code (key + values) as text in one language: the import's file errors and the CLI's
 * words. Plain values fill `{name}` as they are; a few values are structured, because their words
 * depend on the language: lists (joined with the language's separator, "… and N more" from a
 * `<name>More` count), the fields a file lacks, what each column looked like, and how the file was
 * read (container, encoding, delimiter, sheet, header).
 */
import type { MessageCode } from '../api/schemas';
import type { Language } from '../domain';
import { en, type MessageKey } from './en';
import type { MessageParams } from './index';

export type Say = (key: MessageKey, params?: MessageParams) => string;

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The text of `code` in the language `say` speaks; `fallback` (the English message) if it has none. */
export function messageCodeText(say: Say, code: MessageCode | null | undefined, fallback: string): string {
  if (!code || !isMessageKey(code.key)) return fallback;
  const p = code.params;
  const out: MessageParams = {};
  const word = (key: string): string => (isMessageKey(key) ? say(key) : key);
  // A list cut short for the message says how many more there were (`<name>More`).
  const joined = (items: readonly string[], more: unknown): string => {
    const list = items.join(say('list.separator'));
    return typeof more === 'number' && more > 0 ? say('importError.more', { list, n: more }) : list;
  };
  for (const [name, value] of Object.entries(p))
    out[name] = Array.isArray(value) ? joined(value, p[`${name}More`]) : value;
  const { names, kinds, numbers } = p;
  if (Array.isArray(names) && Array.isArray(kinds)) {
    const columns = names.map((name, i) =>
      say('importError.columnKind', {
        name: name || say('importError.columnNumber', { n: (Array.isArray(numbers) && numbers[i]) || i + 1 }),
        kind: word(`importError.kind.${kinds[i] ?? 'text'}`),
      }),
    );
    out.columns = joined(columns, p.columnsMore);
  }
  if (Array.isArray(p.lacks))
    out.lacks = p.lacks.map((f) => word(`importError.field.${f}`)).join(say('importError.and'));
  if (typeof p.container === 'string') {
    const delimiter = p.delimiter === '\t' ? say('importError.tab') : `"${String(p.delimiter ?? ',')}"`;
    out.how =
      p.container === 'xlsx' || p.container === 'xls'
        ? say('importError.how.sheet', { sheet: String(p.sheet ?? '') })
        : say('importError.how.text', { encoding: String(p.encoding ?? 'utf-8'), delimiter });
  }
  if (typeof p.format === 'string') out.format = word(`importError.format.${p.format}`);
  if (typeof p.hasHeader === 'number')
    out.header = say(p.hasHeader ? 'importError.header.yes' : 'importError.header.no');
  return say(code.key, out);
}

/**
 * A coded message as the user reads it: in English the message as written (logs and tests quote
 * it), in another language the text of its code (the English message when it has none).
 */
export function messageIn(
  say: Say,
  language: Language,
  message: string,
  code: MessageCode | null | undefined,
): string {
  return language === 'en' ? message : messageCodeText(say, code, message);
}
