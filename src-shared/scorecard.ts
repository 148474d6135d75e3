/**
 * Scorecards (评分表): their shape, validated by zod so an imported JSON file says which field is
 * wrong, and the scoring rules. Pure: the server scores a submitted audit with these functions and
 * the scorecard version the audit was started with; the form shows the same running score.
 *
 * Rules (DESIGN.md, "Recording audits"):
 * - yes/no items score 1 or 0; a 1–5 item scores (value − 1) / 4; N/A leaves the denominator.
 * - `points` scoring: the audit is Σ points × item score / Σ points of the answered (non-N/A) items.
 * - `weights` scoring: each section scores like `points` inside itself, and the audit is the
 *   weighted mean of the sections that have any non-N/A answer (weights normalised to 100 %).
 * - a critical item (一票否决项) answered "no" sets the audit to 0 % and marks it failed.
 * - below the optional pass mark the audit is failed too; an audit whose items are all N/A has no score.
 */
import { z } from 'zod';

export const ITEM_TYPES = ['yesno', 'scale'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { message: 'use lower-case letters, digits, _ . - (max 64)' });

export const ScorecardItemSchema = z
  .object({
    key: Key,
    label: z.string().trim().min(1).max(200),
    type: z.enum(ITEM_TYPES),
    /** the item's share of its section (points scoring) or within its section (weights scoring) */
    points: z.number().positive().max(1000).default(1),
    /** a "no" scores the whole audit 0 % (yes/no items only) */
    critical: z.boolean().default(false),
    /** may the reviewer answer N/A */
    allowNA: z.boolean().default(true),
    /** what a reviewer listens for */
    guidance: z.string().max(2000).default(''),
  })
  .strict()
  .refine((item) => !item.critical || item.type === 'yesno', {
    message: 'only yes/no items can be critical',
    path: ['critical'],
  });
export type ScorecardItem = z.output<typeof ScorecardItemSchema>;

export const ScorecardSectionSchema = z
  .object({
    key: Key,
    title: z.string().trim().min(1).max(200),
    /** used by `weights` scoring; normalised over the sections that count */
    weight: z.number().positive().max(1000).default(1),
    items: z.array(ScorecardItemSchema).min(1).max(100),
  })
  .strict();
export type ScorecardSection = z.output<typeof ScorecardSectionSchema>;

export const ScorecardDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).default(''),
    scoring: z.enum(['points', 'weights']).default('points'),
    /** below this percentage an audit is failed (none: only critical items fail an audit) */
    passMark: z.number().min(0).max(100).nullable().default(null),
    sections: z.array(ScorecardSectionSchema).min(1).max(50),
  })
  .strict()
  .superRefine((card, ctx) => {
    const seen = new Set<string>();
    card.sections.forEach((section, s) =>
      section.items.forEach((item, i) => {
        if (seen.has(item.key))
          ctx.addIssue({
            code: 'custom',
            message: `item key "${item.key}" is used twice`,
            path: ['sections', s, 'items', i, 'key'],
          });
        seen.add(item.key);
      }),
    );
  });
export type ScorecardDefinition = z.output<typeof ScorecardDefinitionSchema>;
export type ScorecardDefinitionInput = z.input<typeof ScorecardDefinitionSchema>;

/** The stored form of one answer: 'yes' | 'no' | 'na' | '1'..'5'. */
export const ANSWER_VALUES = ['yes', 'no', 'na', '1', '2', '3', '4', '5'] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** Whether `value` is a valid answer to `item` (a yes/no item takes no 1–5 and the reverse). */
export function isValidAnswer(item: ScorecardItem, value: AnswerValue): boolean {
  if (value === 'na') return item.allowNA;
  return item.type === 'yesno' ? value === 'yes' || value === 'no' : /^[1-5]$/.test(value);
}

/** An answer as a fraction of the item's points, or null for N/A. */
export function itemFraction(item: ScorecardItem, value: AnswerValue): number | null {
  if (value === 'na') return null;
  if (item.type === 'yesno') return value === 'yes' ? 1 : 0;
  return (Number(value) - 1) / 4;
}

export function allItems(card: ScorecardDefinition): ScorecardItem[] {
  return card.sections.flatMap((s) => s.items);
}

export interface SectionScore {
  key: string;
  /** 0–100, or null when every item of the section is N/A (or unanswered) */
  percent: number | null;
}

export interface AuditScore {
  /** 0–100; 0 after a critical fail; null when nothing scorable was answered */
  percent: number | null;
  failed: boolean;
  /** keys of the critical items answered "no" */
  criticalFails: string[];
  /** keys of items without an answer (submit refuses while any is missing) */
  missing: string[];
  sections: SectionScore[];
}

function sectionPercent(section: ScorecardSection, answers: Answers): { earned: number; possible: number } {
  let earned = 0;
  let possible = 0;
  for (const item of section.items) {
    const value = answers[item.key];
    if (value === undefined || !isValidAnswer(item, value)) continue;
    const fraction = itemFraction(item, value);
    if (fraction === null) continue; // N/A leaves the denominator
    earned += item.points * fraction;
    possible += item.points;
  }
  return { earned, possible };
}

/** Scores answers against a scorecard version (the same rules on the server and in the form). */
export function scoreAudit(card: ScorecardDefinition, answers: Answers): AuditScore {
  const missing: string[] = [];
  const criticalFails: string[] = [];
  for (const item of allItems(card)) {
    const value = answers[item.key];
    if (value === undefined || !isValidAnswer(item, value)) missing.push(item.key);
    else if (item.critical && value === 'no') criticalFails.push(item.key);
  }

  const parts = card.sections.map((section) => ({ section, ...sectionPercent(section, answers) }));
  const sections = parts.map(({ section, earned, possible }) => ({
    key: section.key,
    percent: possible > 0 ? (100 * earned) / possible : null,
  }));

  let percent: number | null;
  if (card.scoring === 'points') {
    const earned = parts.reduce((sum, p) => sum + p.earned, 0);
    const possible = parts.reduce((sum, p) => sum + p.possible, 0);
    percent = possible > 0 ? (100 * earned) / possible : null;
  } else {
    // Sections with nothing to score drop out and the others' weights are normalised again.
    let weighted = 0;
    let weights = 0;
    parts.forEach(({ section, earned, possible }) => {
      if (possible === 0) return;
      weighted += section.weight * (earned / possible);
      weights += section.weight;
    });
    percent = weights > 0 ? (100 * weighted) / weights : null;
  }

  if (criticalFails.length > 0) percent = 0;
  const failed =
    criticalFails.length > 0 || (card.passMark !== null && percent !== null && percent < card.passMark);
  return { percent, failed, criticalFails, missing, sections };
}

/** Each section's share of the total, normalised to 100 % (what the editor and the form show). */
export function sectionShares(card: ScorecardDefinition): Record<string, number> {
  const raw = card.sections.map((s) =>
    card.scoring === 'weights' ? s.weight : s.items.reduce((sum, i) => sum + i.points, 0),
  );
  const total = raw.reduce((a, b) => a + b, 0);
  return Object.fromEntries(card.sections.map((s, i) => [s.key, total > 0 ? (100 * raw[i]!) / total : 0]));
}

/** Parses a scorecard from JSON text (import); the error names the field, e.g. `sections.0.items.2.type`. */
export function parseScorecardJson(
  text: string,
): { ok: true; card: ScorecardDefinition } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = ScorecardDefinitionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, card: parsed.data };
  return { ok: false, error: describeScorecardIssues(parsed.error) };
}

export function describeScorecardIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(scorecard)'}: ${issue.message}`)
    .join('; ');
}
