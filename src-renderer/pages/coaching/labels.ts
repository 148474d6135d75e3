/** The i18n keys of coaching's enumerations, and how an agent is named in lists. */
import type { MessageKey } from '../../../src-shared/i18n';
import type { GoalStatus, NoteKind, PlanStatus } from '../../../src-shared/coaching';
import { visibleText } from '../../../src-shared/visible-text';
import { agentLabel } from '../../../src-shared/agent-label';

export const NOTE_KIND_LABEL: Record<NoteKind, MessageKey> = {
  oneOnOne: 'coaching.kind.oneOnOne',
  review: 'coaching.kind.review',
  checkpoint: 'coaching.kind.checkpoint',
};

export const PLAN_STATUS_LABEL: Record<PlanStatus, MessageKey> = {
  active: 'coaching.status.active',
  extended: 'coaching.status.extended',
  passed: 'coaching.status.passed',
  failed: 'coaching.status.failed',
  cancelled: 'coaching.status.cancelled',
};

/** Badge colours: running plans in blue, outcomes in green or orange, a cancelled one grey. */
export const PLAN_STATUS_BADGE: Record<PlanStatus, string> = {
  active: 'badge badge--running',
  extended: 'badge badge--warning',
  passed: 'badge badge--done',
  failed: 'badge badge--failed',
  cancelled: 'badge',
};

export const GOAL_STATUS_LABEL: Record<GoalStatus, MessageKey> = {
  open: 'coaching.goal.open',
  met: 'coaching.goal.met',
  missed: 'coaching.goal.missed',
};

/** The agent a note, a plan or a follow-up is about, as coaching's lists name them. */
export function rowAgentLabel(row: { agentName: string | null; agentCode: string }): string {
  return visibleText(agentLabel({ name: row.agentName, code: row.agentCode }, 'dot'));
}
