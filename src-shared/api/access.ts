/**
 * Who may call what, in a team workspace (a local file has no sign-in: its one user may call
 * everything). One row per method of the contract, so a new method does not compile until
 * someone decides who may call it; the dispatcher enforces it, the renderer hides what a role
 * cannot reach, and a test walks the whole contract with every role.
 */
import type { Method } from './contract';

export const ROLES = ['admin', 'team_lead', 'qa', 'manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `public`: answered before anyone signs in (the session, the sign-in itself).
 * `signed_in`: any signed-in user; what they see is scoped by the service (an agent: their own).
 * A list: only those roles.
 */
export type Access = 'public' | 'signed_in' | readonly Role[];

/**
 * The roles on a floor:
 * - admin: everything (users, settings, backups, the zone).
 * - manager: reads everything, closes months, decides targets and pay.
 * - team_lead: their own teams (the service scopes reads to them): imports, coaching, ratings,
 *   audits of their agents, their team's pay.
 * - qa (质检员): audits, scorecards and calibration for every team, and the numbers around them —
 *   never pay (targets.scores/bonus/bonusSheet/overridePay, reports with variable pay).
 * - agent: their own numbers, audits and coaching notes only (scoped by the service).
 */
/** every role: reads the service scopes to what the caller may see */
const ALL: readonly Role[] = ROLES;
/** everyone but agents: floor-wide or colleague-comparing reads */
const LEADS: readonly Role[] = ['admin', 'team_lead', 'manager', 'qa'];
const ADMIN: readonly Role[] = ['admin'];
const PEOPLE_WRITERS: readonly Role[] = ['admin', 'team_lead'];
const QA_WRITERS: readonly Role[] = ['admin', 'qa', 'team_lead'];
/** who sees variable pay (and reports, which carry it) */
const PAY: readonly Role[] = ['admin', 'manager', 'team_lead'];
const MANAGERS: readonly Role[] = ['admin', 'manager'];

/** Reads for every role the service scopes, writes for the roles whose job it is. */
export const ACCESS = {
  'workspace.info': 'signed_in',
  'settings.get': 'signed_in',
  'settings.update': ADMIN,
  'teams.list': 'signed_in',
  'teams.create': ADMIN,
  'agents.list': 'signed_in',
  'agents.update': PEOPLE_WRITERS,
  'campaigns.list': 'signed_in',
  'metrics.summary': ALL,
  'metrics.breakdown': ALL,
  'metrics.heatmap': ALL,
  'metrics.leaderboard': LEADS,
  'metrics.agent': ALL,
  'calls.list': ALL,
  'calls.count': ALL,
  'import.presets': LEADS,
  'import.stage': PEOPLE_WRITERS,
  'import.preview': PEOPLE_WRITERS,
  'import.discard': PEOPLE_WRITERS,
  'import.start': PEOPLE_WRITERS,
  'import.batches': LEADS,
  'import.rejects': LEADS,
  'import.rejectsCsv': LEADS,
  'import.undo': PEOPLE_WRITERS,
  'import.undoStart': PEOPLE_WRITERS,
  'backups.list': ADMIN,
  'backups.create': ADMIN,
  'backups.restore': ADMIN,
  'demo.load': ADMIN,
  'session.state': 'public',
  'session.retry': 'public',
  'session.openReadOnly': 'public',
  'session.restore': 'public',
  'coaching.notes': ALL,
  'coaching.note': ALL,
  'coaching.createNote': PEOPLE_WRITERS,
  'coaching.updateNote': PEOPLE_WRITERS,
  'coaching.deleteNote': PEOPLE_WRITERS,
  'coaching.plans': ALL,
  'coaching.createPlan': PEOPLE_WRITERS,
  'coaching.updatePlan': PEOPLE_WRITERS,
  'coaching.due': ALL,
  'coaching.markDone': PEOPLE_WRITERS,
  'coaching.agent': ALL,
  'reports.generate': PAY,
  'reports.file': PAY,
  'reports.closeStatus': LEADS,
  'reports.closeMonth': MANAGERS,
  'reports.reopenMonth': MANAGERS,
  'reports.closedMonths': LEADS,
  'orders.settings.get': 'signed_in',
  'orders.settings.update': ADMIN,
  'orders.summary': ALL,
  'orders.breakdown': ALL,
  'scorecards.list': 'signed_in',
  'scorecards.version': 'signed_in',
  'scorecards.templates': LEADS,
  'scorecards.save': ['admin', 'qa'],
  'scorecards.import': ['admin', 'qa'],
  'scorecards.export': LEADS,
  'audits.recordingsFolder': LEADS,
  'audits.setRecordingsFolder': ['admin', 'qa'],
  'audits.buildSample': QA_WRITERS,
  'audits.sample': LEADS,
  'audits.open': QA_WRITERS,
  'audits.get': ALL,
  'audits.saveDraft': QA_WRITERS,
  'audits.submit': QA_WRITERS,
  'audits.list': ALL,
  'audits.summary': ALL,
  'audits.analytics': LEADS,
  'calibrations.create': ['admin', 'qa'],
  'calibrations.list': LEADS,
  'calibrations.open': QA_WRITERS,
  'calibrations.report': LEADS,
  'targets.calendar': 'signed_in',
  'targets.setCalendar': MANAGERS,
  'targets.teamCalendars': 'signed_in',
  'targets.setTeamCalendar': PEOPLE_WRITERS,
  'targets.plan': LEADS,
  'targets.set': ['admin', 'manager', 'team_lead'],
  'targets.pacing': ALL,
  'targets.profile': LEADS,
  'targets.setProfile': MANAGERS,
  'targets.campaignProfiles': LEADS,
  'targets.dropProfile': MANAGERS,
  'targets.scores': PAY,
  'targets.bonusSheet': PAY,
  'targets.setBonusSheet': MANAGERS,
  'targets.bonus': PAY,
  'targets.overridePay': MANAGERS,
  'targets.thresholds': LEADS,
  'targets.setThresholds': MANAGERS,
  'targets.alerts': LEADS,
  'targets.ack': PEOPLE_WRITERS,
  'ratings.month': ['admin', 'manager', 'team_lead'],
  'ratings.set': PEOPLE_WRITERS,
  'ratings.saveTraining': PEOPLE_WRITERS,
  'ratings.deleteTraining': PEOPLE_WRITERS,
  'zone.preview': ADMIN,
  'zone.change': ADMIN,
  'recordings.setup': 'signed_in',
  'recordings.setPatterns': ['admin', 'qa'],
  'recordings.createFolder': ['admin', 'qa'],
  'recordings.buildIndex': ['admin', 'qa'],
  'recordings.find': LEADS,
  'review.attention': LEADS,
  'review.battleReport': LEADS,
  'review.export': LEADS,
  'teams.update': ADMIN,
  'teams.merge': ADMIN,
  'agents.merge': ADMIN,
  // as agents.list: a lead's own agents, an agent themselves (narrowed by the agent id)
  'agents.teamHistory': 'signed_in',
  'jobs.get': 'signed_in',
  'jobs.cancel': 'signed_in',
  'jobs.list': 'signed_in',
  // disputes: the agent answers their own audit (a lead may record it on their behalf); a reviewer
  // answers the dispute; the queue is scoped by the service (an agent: their own).
  'audits.acknowledge': ['agent', 'admin', 'team_lead'],
  'audits.dispute': ['agent', 'admin', 'team_lead'],
  'audits.answerDispute': QA_WRITERS,
  'audits.disputes': 'signed_in',
  // activity (who changed what; the change counter open screens poll)
  'activity.list': ['admin', 'manager'],
  'workspace.revision': 'signed_in',
  // --- auth: signing in, and the admin's users
  'auth.state': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'public',
  'auth.changePassword': 'signed_in',
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.resetPassword': ADMIN,
} as const satisfies Record<Method, Access>;

/** May `role` call `method`? (`null`: nobody is signed in.) */
export function mayCall(role: Role | null, method: Method): boolean {
  const access: Access = ACCESS[method];
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'signed_in' || access.includes(role);
}
