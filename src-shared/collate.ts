/**
 * How lists are ordered for a Chinese floor: 工号 numerically (A2 before A10, 9 before 10), people's
 * names by pinyin (Intl.Collator('zh-CN')), never in code-point order; team names by pinyin with
 * their numbers in number order (一组, 二组 … 十组, as 1, 2 … 10 and not by the numerals' pinyin).
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
