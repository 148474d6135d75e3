/**
 * A list of names (a header's columns, a workbook's sheets) as an error message shows it: the
 * first few, each cut short, then how many more. A 10 MB header must not become a 10 MB message.
 */
const MAX_ITEMS = 20;
const MAX_ITEM_CHARS = 40;

export function listForMessage(items: readonly string[], noun = 'column', maxItems = MAX_ITEMS): string {
  const { items: shown, more } = listForCode(items, maxItems);
  return more > 0
    ? `${shown.join(', ')} … and ${more.toLocaleString('en-US')} more ${noun}${more === 1 ? '' : 's'}`
    : shown.join(', ');
}

/** The same list for a message code: the items shown (each cut short) and how many more there were. */
export function listForCode(
  items: readonly string[],
  maxItems = MAX_ITEMS,
): { items: string[]; more: number } {
  const shown = items
    .slice(0, maxItems)
    .map((s) => (s.length > MAX_ITEM_CHARS ? `${s.slice(0, MAX_ITEM_CHARS)}…` : s));
  return { items: shown, more: items.length - shown.length };
}
