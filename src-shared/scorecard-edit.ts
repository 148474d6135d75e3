/**
 * Editing a scorecard in the app: immutable steps on a draft (add, remove, move, change), the share
 * of the total each section and item carries while it is edited, and what is wrong with the draft
 * as problems that name their section and item (the editor words them in the UI language; the
 * zod schema stays the final guard on save). Pure: used by the editor page and pinned by tests.
 */
import {
  ScorecardDefinitionSchema,
  type ScorecardDefinition,
  type ScorecardItem,
  type ScorecardSection,
} from './scorecard';

export const MAX_POINTS = 1000;
const MAX_LABEL = 200;
const MAX_SECTIONS = 50;
const MAX_ITEMS = 100;
const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export type ProblemCode =
  | 'name.empty'
  | 'sections.none'
  | 'sections.tooMany'
  | 'passMark.range'
  | 'section.title'
  | 'section.weight'
  | 'section.noItems'
  | 'section.tooManyItems'
  | 'item.label'
  | 'item.labelTooLong'
  | 'item.points'
  | 'item.criticalScale';

/** What is wrong and where: `section`/`item` are 0-based positions in the draft. */
export interface DraftProblem {
  code: ProblemCode;
  section?: number;
  item?: number;
}

const isPositive = (n: number) => Number.isFinite(n) && n > 0 && n <= MAX_POINTS;

/** Every problem of the draft, in the order a reader meets them on the page. */
export function draftProblems(card: ScorecardDefinition): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (card.name.trim() === '') problems.push({ code: 'name.empty' });
  if (
    card.passMark !== null &&
    !(Number.isFinite(card.passMark) && card.passMark >= 0 && card.passMark <= 100)
  )
    problems.push({ code: 'passMark.range' });
  if (card.sections.length === 0) problems.push({ code: 'sections.none' });
  if (card.sections.length > MAX_SECTIONS) problems.push({ code: 'sections.tooMany' });
  card.sections.forEach((section, s) => {
    if (section.title.trim() === '') problems.push({ code: 'section.title', section: s });
    if (card.scoring === 'weights' && !isPositive(section.weight))
      problems.push({ code: 'section.weight', section: s });
    if (section.items.length === 0) problems.push({ code: 'section.noItems', section: s });
    if (section.items.length > MAX_ITEMS) problems.push({ code: 'section.tooManyItems', section: s });
    section.items.forEach((item, i) => {
      if (item.label.trim() === '') problems.push({ code: 'item.label', section: s, item: i });
      else if (item.label.trim().length > MAX_LABEL)
        problems.push({ code: 'item.labelTooLong', section: s, item: i });
      if (!isPositive(item.points)) problems.push({ code: 'item.points', section: s, item: i });
      if (item.critical && item.type !== 'yesno')
        problems.push({ code: 'item.criticalScale', section: s, item: i });
    });
  });
  return problems;
}

/**
 * The draft as the definition to save (labels trimmed), or the schema's own complaint when the
 * draft passes our checks but not the schema (a rule this module does not know yet).
 */
export function finishDraft(
  card: ScorecardDefinition,
): { ok: true; definition: ScorecardDefinition } | { ok: false; error: string } {
  const trimmed: ScorecardDefinition = {
    ...card,
    name: card.name.trim(),
    sections: card.sections.map((s) => ({
      ...s,
      title: s.title.trim(),
      items: s.items.map((i) => ({ ...i, label: i.label.trim() })),
    })),
  };
  const parsed = ScorecardDefinitionSchema.safeParse(trimmed);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
  };
}

/** Whether two definitions would score and read the same (nothing to save as a new version). */
export function sameDefinition(a: ScorecardDefinition, b: ScorecardDefinition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface WeightSummary {
  /** Σ item points (points scoring) or Σ section weights (weights scoring), valid entries only */
  total: number;
  /** each section's share of the score, 0–100, by position */
  sections: number[];
  /** each item's share of the whole score, 0–100, by section and item position */
  items: number[][];
}

/**
 * Shares while editing, by position (keys may still be duplicated or new): with points scoring an
 * item weighs its points over all points; with section weights it gets its section's share split
 * by its points inside the section. Invalid numbers count as 0 until fixed.
 */
export function weightSummary(card: ScorecardDefinition): WeightSummary {
  const valid = (n: number) => (isPositive(n) ? n : 0);
  const sectionPoints = card.sections.map((s) => s.items.reduce((sum, i) => sum + valid(i.points), 0));
  const raw = card.scoring === 'weights' ? card.sections.map((s) => valid(s.weight)) : sectionPoints;
  const total = raw.reduce((a, b) => a + b, 0);
  const sections = raw.map((r) => (total > 0 ? (100 * r) / total : 0));
  const items = card.sections.map((s, n) =>
    s.items.map((i) => {
      const within = sectionPoints[n]! > 0 ? valid(i.points) / sectionPoints[n]! : 0;
      return sections[n]! * within;
    }),
  );
  return { total, sections, items };
}

// ---- keys: stable for kept items (analytics follow an item across versions by its key) ----

function usedKeys(card: ScorecardDefinition): Set<string> {
  return new Set(card.sections.flatMap((s) => [s.key, ...s.items.map((i) => i.key)]));
}

/** A key not used yet in the draft: `<prefix>-<n>`, short enough for the key pattern. */
export function freshKey(card: ScorecardDefinition, prefix: string): string {
  const used = usedKeys(card);
  const base =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9_.-]/g, '')
      .slice(0, 40) || 'item';
  for (let n = 1; ; n += 1) {
    const key = `${base}-${n}`;
    if (!used.has(key) && KEY_PATTERN.test(key)) return key;
  }
}

// ---- editing steps ----

function withSections(card: ScorecardDefinition, sections: ScorecardSection[]): ScorecardDefinition {
  return { ...card, sections };
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

export function updateSection(
  card: ScorecardDefinition,
  s: number,
  patch: Partial<Omit<ScorecardSection, 'items' | 'key'>>,
): ScorecardDefinition {
  return withSections(
    card,
    card.sections.map((section, n) => (n === s ? { ...section, ...patch } : section)),
  );
}

export function updateItem(
  card: ScorecardDefinition,
  s: number,
  i: number,
  patch: Partial<Omit<ScorecardItem, 'key'>>,
): ScorecardDefinition {
  return withSections(
    card,
    card.sections.map((section, n) =>
      n !== s
        ? section
        : {
            ...section,
            items: section.items.map((item, m) => {
              if (m !== i) return item;
              const next = { ...item, ...patch };
              // A 1–5 item cannot be critical: switching the type clears the flag.
              if (next.type !== 'yesno') next.critical = false;
              return next;
            }),
          },
    ),
  );
}

export function addSection(card: ScorecardDefinition, title = ''): ScorecardDefinition {
  const key = freshKey(card, 'section');
  const itemKey = freshKey({ ...card, sections: [...card.sections, emptySection(key, title, [])] }, key);
  return withSections(card, [...card.sections, emptySection(key, title, [emptyItem(itemKey)])]);
}

export function removeSection(card: ScorecardDefinition, s: number): ScorecardDefinition {
  return withSections(
    card,
    card.sections.filter((_, n) => n !== s),
  );
}

export function moveSection(card: ScorecardDefinition, s: number, delta: -1 | 1): ScorecardDefinition {
  return withSections(card, move(card.sections, s, s + delta));
}

export function addItem(card: ScorecardDefinition, s: number): ScorecardDefinition {
  const section = card.sections[s];
  if (!section) return card;
  const item = emptyItem(freshKey(card, section.key));
  return withSections(
    card,
    card.sections.map((sec, n) => (n === s ? { ...sec, items: [...sec.items, item] } : sec)),
  );
}

export function removeItem(card: ScorecardDefinition, s: number, i: number): ScorecardDefinition {
  return withSections(
    card,
    card.sections.map((sec, n) => (n === s ? { ...sec, items: sec.items.filter((_, m) => m !== i) } : sec)),
  );
}

export function moveItem(
  card: ScorecardDefinition,
  s: number,
  i: number,
  delta: -1 | 1,
): ScorecardDefinition {
  return withSections(
    card,
    card.sections.map((sec, n) => (n === s ? { ...sec, items: move(sec.items, i, i + delta) } : sec)),
  );
}

function emptySection(key: string, title: string, items: ScorecardItem[]): ScorecardSection {
  return { key, title, weight: 1, items };
}

function emptyItem(key: string): ScorecardItem {
  return { key, label: '', type: 'yesno', points: 1, critical: false, allowNA: true, guidance: '' };
}

/** A blank scorecard to start from: one section with one empty item. */
export function blankScorecard(name: string, sectionTitle: string): ScorecardDefinition {
  return addSection({ name, description: '', scoring: 'points', passMark: null, sections: [] }, sectionTitle);
}
