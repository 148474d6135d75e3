/**
 * How lists are ordered for a Chinese floor, the same in the app, the reports and the CLI (Node
 * and Chromium both ship full ICU): 工号 numerically (A2 before A10, 999 before 1001), people's
 * names by pinyin (陈 李 王 张), never in code-point order; team names by pinyin with their numbers
 * in number order (一组, 二组 … 十组, as 1, 2 … 10 and not by the numerals' pinyin).
 */
const codes = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });
const names = new Intl.Collator('zh-CN', { numeric: true });

/** Any text a person reads (names, labels), numbers inside it in number order. */
export function compareText(a: string, b: string): number {
  return names.compare(a, b);
}

export function compareCodes(a: string, b: string): number {
  return codes.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Names, a missing one last. */
export function compareNames(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return names.compare(a, b);
}

/** Agents by what a person reads (the name, else the code), then by code so equal names keep one order. */
export function compareAgents(
  a: { code: string; name: string | null },
  b: { code: string; name: string | null },
): number {
  return compareText(a.name ?? a.code, b.name ?? b.code) || compareCodes(a.code, b.code);
}

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 二十三 -> 23 (a team's number; larger runs as digits). */
function numeralValue(run: string): string {
  const ten = run.indexOf('十');
  if (ten < 0 || run.indexOf('十', ten + 1) >= 0)
    return [...run].map((c) => (c === '十' ? '10' : String(DIGIT[c] ?? ''))).join('');
  const tens = ten === 0 ? 1 : (DIGIT[run.slice(0, ten)] ?? 1);
  const ones = DIGIT[run.slice(ten + 1)] ?? 0;
  return String(tens * 10 + ones);
}

export function compareTeamNames(a: string | null, b: string | null): number {
  const numbered = (s: string | null) => s && s.replace(/[一二三四五六七八九十]+/g, numeralValue);
  return compareNames(numbered(a), numbered(b)) || compareNames(a, b);
}
