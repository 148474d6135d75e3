/**
 * Inter-rater agreement for calibrations (校准): several reviewers score the same call; how much
 * do they agree beyond chance? Answers are nominal categories (yes / no / N/A / 1–5).
 * Pure functions; null where the statistic is undefined (e.g. everybody always gave one answer).
 */

/** Share of rater pairs that agree on one subject: Σ n_j (n_j − 1) / (n (n − 1)); null below 2 raters. */
export function pairAgreement(answers: readonly string[]): number | null {
  const n = answers.length;
  if (n < 2) return null;
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
  let agreeing = 0;
  for (const c of counts.values()) agreeing += c * (c - 1);
  return agreeing / (n * (n - 1));
}

/**
 * Fleiss' kappa from a subjects × categories count matrix (each row: how many raters put the
 * subject in each category; every row must sum to the same number of raters, at least 2).
 * κ = (P̄ − P̄e) / (1 − P̄e), with P̄ the mean per-subject agreement and P̄e = Σ p_j².
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const raters = counts[0]!.reduce((a, b) => a + b, 0);
  if (raters < 2 || counts.some((row) => row.reduce((a, b) => a + b, 0) !== raters)) return null;
  const categories = counts[0]!.length;
  const subjects = counts.length;
  let meanAgreement = 0;
  const totals = new Array<number>(categories).fill(0);
  for (const row of counts) {
    let squares = 0;
    row.forEach((c, j) => {
      squares += c * c;
      totals[j]! += c;
    });
    meanAgreement += (squares - raters) / (raters * (raters - 1));
  }
  meanAgreement /= subjects;
  const chance = totals.reduce((sum, t) => sum + (t / (subjects * raters)) ** 2, 0);
  if (chance === 1) return null;
  return (meanAgreement - chance) / (1 - chance);
}

/** Cohen's kappa for two raters' answers to the same subjects (same order). */
export function cohenKappa(first: readonly string[], second: readonly string[]): number | null {
  if (first.length !== second.length || first.length === 0) return null;
  const n = first.length;
  let observed = 0;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  first.forEach((x, i) => {
    const y = second[i]!;
    if (x === y) observed += 1;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  });
  let chance = 0;
  for (const [category, count] of a) chance += (count / n) * ((b.get(category) ?? 0) / n);
  if (chance === 1) return null;
  return (observed / n - chance) / (1 - chance);
}

/** Fleiss' count matrix from each subject's answers by every rater (categories in first-seen order). */
export function countMatrix(subjects: readonly (readonly string[])[]): number[][] {
  const categories: string[] = [];
  for (const answers of subjects) for (const a of answers) if (!categories.includes(a)) categories.push(a);
  return subjects.map((answers) => categories.map((c) => answers.filter((a) => a === c).length));
}
