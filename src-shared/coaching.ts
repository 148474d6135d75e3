/**
 * Coaching notes, improvement plans (PIP) and the follow-ups they create: the rules, without
 * storage. What a plan's status may become, when something is due, how a goal's target is typed.
 */
import { KPI_DEFINITIONS, type KpiDefinition, type KpiKey } from './kpi';
import { addDays, weekdayOf, type Day } from './time';
import { compareText } from './collate';

/** 1:1 (一对一辅导), performance review (绩效面谈), improvement-plan checkpoint (改进计划检查). */
export const NOTE_KINDS = ['oneOnOne', 'review', 'checkpoint'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const PLAN_STATUSES = ['active', 'extended', 'passed', 'failed', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const GOAL_STATUSES = ['open', 'met', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** What a link table row may point at (audits live in another feature's tables). */
export const LINK_KINDS = ['audit'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A plan still running: its end date is due, its checkpoints can be written. */
export function isPlanOpen(status: PlanStatus): boolean {
  return status === 'active' || status === 'extended';
}

/** The statuses a plan may take next (its own status included: saving without a change). */
export function nextPlanStatuses(from: PlanStatus): readonly PlanStatus[] {
  switch (from) {
    case 'active':
      return ['active', 'extended', 'passed', 'failed', 'cancelled'];
    case 'extended':
      return ['extended', 'passed', 'failed', 'cancelled'];
    default:
      // Passed, failed and cancelled are outcomes on the agent's record: they stay.
      return [from];
  }
}

/**
 * Why a plan may not go from `before` to `after`, or null when it may. Extending needs a later
 * end date (that is what an extension is); a closed plan keeps its status and dates.
 */
export function planChangeProblem(
  before: { status: PlanStatus; startDay: Day; endDay: Day },
  after: { status: PlanStatus; startDay: Day; endDay: Day },
): string | null {
  if (!nextPlanStatuses(before.status).includes(after.status))
    return `status: a plan that is ${before.status} cannot become ${after.status}`;
  if (!isPlanOpen(before.status) && (after.startDay !== before.startDay || after.endDay !== before.endDay))
    return `endDay: the plan is ${before.status}; its dates no longer change`;
  if (after.status === 'extended' && before.status !== 'extended' && after.endDay <= before.endDay)
    return `endDay: extending the plan needs an end date after ${before.endDay}`;
  return null;
}

/** Where a due date falls from `today`'s point of view (weeks run Monday to Sunday). */
export const DUE_BUCKETS = ['overdue', 'today', 'thisWeek', 'later', 'undated'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

export function endOfWeek(today: Day): Day {
  return addDays(today, 7 - weekdayOf(today));
}

export function dueBucket(due: Day | null, today: Day): DueBucket {
  if (due === null) return 'undated';
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return due <= endOfWeek(today) ? 'thisWeek' : 'later';
}

/** What falls due: a note's follow-up conversation, an agreed action, or a plan's end. */
export const DUE_KINDS = ['planEnd', 'followUp', 'action'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueOrderKey {
  bucket: DueBucket;
  due: Day | null;
  agentCode: string;
  kind: DueKind;
  /** the note, action or plan id: a stable last resort */
  id: number;
}

/** Overdue first (oldest first), then today, this week, later, and what has no date. */
export function compareDue(a: DueOrderKey, b: DueOrderKey): number {
  return (
    DUE_BUCKETS.indexOf(a.bucket) - DUE_BUCKETS.indexOf(b.bucket) ||
    (a.due ?? '').localeCompare(b.due ?? '') ||
    compareText(a.agentCode, b.agentCode) ||
    DUE_KINDS.indexOf(a.kind) - DUE_KINDS.indexOf(b.kind) ||
    a.id - b.id
  );
}

/** When an agreed action is due: its own date, else the note's follow-up date, else none. */
export function actionDue(action: { dueDay: Day | null }, note: { followUpDay: Day | null }): Day | null {
  return action.dueDay ?? note.followUpDay;
}

/** KPIs a plan's goal can aim at (the ones that mean something over a few weeks of one agent). */
export const GOAL_KPIS = [
  'connectRate',
  'conversionRate',
  'intentRate',
  'leadConversion',
  'avgTalkSeconds',
  'avgOrderValue',
  'dials',
  'connects',
  'effective',
  'effectiveTalkSeconds',
  'sales',
  'revenue',
] as const satisfies readonly KpiKey[];
export type GoalKpi = (typeof GOAL_KPIS)[number];

/**
 * A target as stored is in the KPI's own unit (a rate 0–1, money in minor units, seconds); as
 * typed it is what a team lead writes: 35 for 35 %, 1,200 for ¥1,200.
 */
export function targetFromTyped(unit: KpiDefinition['unit'], typed: number): number {
  if (unit === 'rate') return typed / 100;
  if (unit === 'money') return Math.round(typed * 100);
  return typed;
}

export function targetToTyped(unit: KpiDefinition['unit'], target: number): number {
  if (unit === 'rate') return Math.round(target * 100 * 100) / 100;
  if (unit === 'money') return target / 100;
  return target;
}

/** Whether a KPI value reaches a goal's target (null when there is no value yet). */
export function reachesTarget(kpi: GoalKpi, value: number | null, target: number): boolean | null {
  if (value === null) return null;
  return KPI_DEFINITIONS[kpi].higherIsBetter ? value >= target : value <= target;
}
