/**
 * The note form's state and its translation into the contract's input. Dates stay strings as
 * typed; the contract's schema (shared with the main process) says what is wrong and where.
 */
import type { Note, NoteInput } from '../../../src-shared/api';
import { NoteInputSchema } from '../../../src-shared/api';
import type { NoteKind } from '../../../src-shared/coaching';
import type { MessageKey } from '../../../src-shared/i18n';
import { presetRange, type DayRange } from '../../../src-shared/periods';

export const KPI_CHOICES = ['lastMonth', 'thisMonth', 'lastWeek', 'thisWeek', 'saved', 'none'] as const;
export type KpiChoice = (typeof KPI_CHOICES)[number];

export interface ActionDraft {
  id?: number;
  text: string;
  dueDay: string;
  done: boolean;
}

export interface NoteDraft {
  agentId: number | null;
  kind: NoteKind;
  day: string;
  coach: string;
  strengths: string;
  shortfalls: string;
  agentView: string;
  followUpDay: string;
  planId: number | null;
  actions: ActionDraft[];
  /** linked audits, ascending */
  auditIds: number[];
  kpiChoice: KpiChoice;
}

const COACH_KEY = 'callscope.coaching.coach';

/** The coach named last time (a team lead writes most notes themselves). */
export function rememberedCoach(): string {
  try {
    return window.localStorage.getItem(COACH_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberCoach(name: string): void {
  try {
    window.localStorage.setItem(COACH_KEY, name);
  } catch {
    // private mode: nothing to remember
  }
}

export function newDraft(today: string, agentId: number | null, planId: number | null): NoteDraft {
  return {
    agentId,
    kind: planId ? 'checkpoint' : 'oneOnOne',
    day: today,
    coach: rememberedCoach(),
    strengths: '',
    shortfalls: '',
    agentView: '',
    followUpDay: '',
    planId,
    actions: [],
    auditIds: [],
    kpiChoice: 'lastMonth',
  };
}

export function draftOf(note: Note): NoteDraft {
  return {
    agentId: note.agentId,
    kind: note.kind,
    day: note.day,
    coach: note.coach,
    strengths: note.strengths,
    shortfalls: note.shortfalls,
    agentView: note.agentView,
    followUpDay: note.followUpDay ?? '',
    planId: note.planId,
    actions: note.actions.map((a) => ({
      id: a.id,
      text: a.text,
      dueDay: a.dueDay ?? '',
      done: a.doneAt !== null,
    })),
    auditIds: note.auditIds,
    kpiChoice: note.kpis ? 'saved' : 'none',
  };
}

export function kpiRangeOf(
  choice: KpiChoice,
  today: string,
  saved: Note['kpis'] | undefined,
): DayRange | null {
  if (choice === 'none') return null;
  if (choice === 'saved') return saved ? { from: saved.from, to: saved.to } : null;
  return presetRange(choice, today);
}

export function inputOf(draft: NoteDraft, kpiRange: DayRange | null): NoteInput {
  return {
    agentId: draft.agentId ?? 0,
    kind: draft.kind,
    day: draft.day,
    coach: draft.coach,
    strengths: draft.strengths,
    shortfalls: draft.shortfalls,
    agentView: draft.agentView,
    followUpDay: draft.followUpDay.trim() === '' ? null : draft.followUpDay.trim(),
    planId: draft.kind === 'checkpoint' || draft.planId !== null ? draft.planId : null,
    // An empty row left at the end is not an action.
    actions: draft.actions
      .filter((a) => a.id !== undefined || a.text.trim() !== '')
      .map((a) => ({
        ...(a.id !== undefined ? { id: a.id } : {}),
        text: a.text,
        dueDay: a.dueDay.trim() === '' ? null : a.dueDay.trim(),
        done: a.done,
      })),
    auditIds: draft.auditIds,
    kpiRange,
  };
}

export type NoteField =
  'agentId' | 'day' | 'coach' | 'followUpDay' | 'planId' | 'actions' | 'auditIds' | 'other';

const FIELD_MESSAGE: Record<NoteField, MessageKey> = {
  agentId: 'coaching.invalid.agentId',
  day: 'coaching.invalid.day',
  coach: 'coaching.invalid.coach',
  followUpDay: 'coaching.invalid.followUpDay',
  planId: 'coaching.invalid.planId',
  actions: 'coaching.invalid.actions',
  auditIds: 'coaching.invalid.auditIds',
  other: 'coaching.invalid.other',
};

export interface FieldProblem {
  field: NoteField;
  message: MessageKey;
  /** the schema's own words (English), for the fields without a message of their own */
  detail: string;
}

/** What is wrong with the input, one problem per field, in the words of the UI. */
export function noteProblems(input: NoteInput): FieldProblem[] {
  const parsed = NoteInputSchema.safeParse(input);
  if (parsed.success) return [];
  const seen = new Map<NoteField, FieldProblem>();
  for (const issue of parsed.error.issues) {
    const head = String(issue.path[0] ?? '');
    const field: NoteField = head in FIELD_MESSAGE ? (head as NoteField) : 'other';
    if (!seen.has(field))
      seen.set(field, {
        field,
        message: FIELD_MESSAGE[field],
        detail: `${issue.path.join('.')}: ${issue.message}`,
      });
  }
  return [...seen.values()];
}
