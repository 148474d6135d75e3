/**
 * What the activity log says a change was: a short subject (ids and names: the UI adds the words,
 * in the reader's language, from the method) and a small detail. Only the changes a team lead
 * looks for have a describer; any other write is logged by its method name alone. Describers
 * never copy a password, a file's content or free text a person wrote (a note's words).
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Job, Method, Output, ParsedInput } from '../../src-shared/api';
import type { Database } from '../db/schema';

export interface Described {
  subject: string;
  detail?: Record<string, unknown> | null;
}

type Describer<M extends Method> = (
  input: ParsedInput<M>,
  output: Output<M>,
  /** the job a job-starting method started, once it has ended */
  ended: Job | null,
  db: Kysely<Database>,
) => Described | Promise<Described>;

type Describers = { [M in Method]?: Describer<M> };

/** "1003 张三", or the code alone. */
function person(code: string, name: string | null): string {
  return name ? `${code} ${name}` : code;
}

/** How a job ended, with an import's counts. */
function jobDetail(job: Job | null): Record<string, unknown> {
  if (!job) return {};
  const r = job.result;
  return {
    status: job.status,
    ...(r && { batchId: r.batchId, inserted: r.inserted, duplicates: r.duplicates, rejected: r.rejected }),
    ...(job.error !== null && { error: job.error.slice(0, 200) }),
  };
}

/** The names of the targets' scopes: "2026-12 · 一组, 二组" (a few; the detail counts them all). */
async function targetsSubject(
  db: Kysely<Database>,
  month: string,
  entries: readonly { scope: 'all' | 'team' | 'agent'; scopeId: number }[],
): Promise<string> {
  const ids = (scope: 'team' | 'agent') => [
    ...new Set(entries.filter((e) => e.scope === scope).map((e) => e.scopeId)),
  ];
  const teamIds = ids('team').slice(0, 5);
  const agentIds = ids('agent').slice(0, 5);
  const teams = teamIds.length
    ? await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).orderBy('id').execute()
    : [];
  const agents = agentIds.length
    ? await db
        .selectFrom('agents')
        .select(['id', 'code', 'name'])
        .where('id', 'in', agentIds)
        .orderBy('id')
        .execute()
    : [];
  const names = [
    ...(entries.some((e) => e.scope === 'all') ? ['*'] : []),
    ...teams.map((t) => t.name),
    ...agents.map((a) => person(a.code, a.name)),
  ];
  return names.length ? `${month} · ${names.join(', ')}` : month;
}

const describers: Describers = {
  'audits.submit': (_input, audit) => ({
    subject: `#${audit.id} · ${audit.call.agentName}`,
    detail: { auditId: audit.id, callId: audit.call.id, agentId: audit.call.agentId, score: audit.score },
  }),
  'coaching.createNote': (_input, note) => ({
    subject: `#${note.id} · ${person(note.agentCode, note.agentName)}`,
    detail: { noteId: note.id, agentId: note.agentId, kind: note.kind, day: note.day },
  }),
  'coaching.updateNote': (_input, note) => ({
    subject: `#${note.id} · ${person(note.agentCode, note.agentName)}`,
    detail: { noteId: note.id, agentId: note.agentId, kind: note.kind, day: note.day },
  }),
  'coaching.deleteNote': ({ id }, { deleted }) => ({ subject: `#${id}`, detail: { noteId: id, deleted } }),
  'coaching.createPlan': (_input, plan) => ({
    subject: `#${plan.id} · ${person(plan.agentCode, plan.agentName)}`,
    detail: { planId: plan.id, agentId: plan.agentId, startDay: plan.startDay, endDay: plan.endDay },
  }),
  'coaching.updatePlan': (_input, plan) => ({
    subject: `#${plan.id} · ${person(plan.agentCode, plan.agentName)}`,
    detail: { planId: plan.id, agentId: plan.agentId, status: plan.status, endDay: plan.endDay },
  }),
  'targets.set': async ({ month, entries }, { saved }, _ended, db) => ({
    subject: await targetsSubject(db, month, entries),
    detail: { month, saved },
  }),
  'reports.closeMonth': ({ month }, status) => ({ subject: month, detail: { checksum: status.checksum } }),
  'reports.reopenMonth': ({ month }) => ({ subject: month }),
  'import.start': (_input, _started, ended) => ({
    subject: ended?.result ? path.basename(ended.result.file) : '',
    detail: jobDetail(ended),
  }),
  'import.undo': ({ batchId }, batch) => ({ subject: `#${batchId} · ${path.basename(batch.fileName)}` }),
  'import.undoStart': ({ batchId }, _started, ended) => ({
    subject: `#${batchId}`,
    detail: jobDetail(ended),
  }),
  // settings hold no secret: the patch is the detail
  'settings.update': (patch) => ({ subject: Object.keys(patch).join(', '), detail: patch }),
  'agents.update': ({ id, notes, ...patch }, agent) => ({
    subject: person(agent.code, agent.name),
    // the lead's notes on a person are theirs to read, not the log's
    detail: { agentId: id, ...patch, ...(notes !== undefined && { notes: 'changed' }) },
  }),
  'agents.merge': ({ fromId, intoId }, { agent, movedCalls }) => ({
    subject: person(agent.code, agent.name),
    detail: { fromId, intoId, movedCalls },
  }),
  'teams.create': (_input, team) => ({ subject: team.name, detail: { teamId: team.id } }),
  'teams.update': (patch, team) => ({ subject: team.name, detail: { teamId: team.id, ...patch } }),
  'teams.merge': ({ fromId, intoId }, team) => ({ subject: team.name, detail: { fromId, intoId } }),
  'zone.change': ({ timeZone }, _started, ended) => ({ subject: timeZone, detail: jobDetail(ended) }),
  'demo.load': ({ agents, days }, _started, ended) => ({
    subject: '',
    detail: { agents, days, ...jobDetail(ended) },
  }),
};

/** The log's words for one successful write (a method without a describer: its name alone). */
export async function describeChange(
  method: Method,
  input: unknown,
  output: unknown,
  ended: Job | null,
  db: Kysely<Database>,
): Promise<Described> {
  // The dispatcher checked `input` and `output` against this method's schemas.
  const describer = describers[method] as Describer<Method> | undefined;
  if (!describer) return { subject: '', detail: ended ? jobDetail(ended) : null };
  return describer(input as ParsedInput<Method>, output as Output<Method>, ended, db);
}
