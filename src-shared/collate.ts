/**
 * How lists are ordered for a Chinese floor: 工号 numerically (A2 before A10, 9 before 10) and names
 * by pinyin (Intl.Collator('zh-CN')), never in code-point order.
 */
const codes = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });
const names = new Intl.Collator('zh-CN', { numeric: true });

export function compareCodes(a: string, b: string): number {
  return codes.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareNames(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return names.compare(a, b);
}
