/**
 * The one order of names and codes in every list: 工号 numeric-aware (A2 before A10, 999 before
 * 1001) and Chinese names by pinyin (陈 李 王 张), not by code point. Both runtimes (Node, Chromium)
 * ship full ICU, so the order is the same in the app, the reports and the CLI.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Agents by what a person reads (the name, else the code), then by code so equal names keep one order. */
export function compareAgents(
  a: { code: string; name: string | null },
  b: { code: string; name: string | null },
): number {
  return compareText(a.name ?? a.code, b.name ?? b.code) || compareText(a.code, b.code);
}
