/**
 * What the targets feature stores: the calendar's exceptions, targets per month, its JSON settings
 * (weekend, scoring profiles, bonus sheet, alert thresholds), pay overrides and alert acknowledgements.
 */
import { movedSpansDuring, singleTeam, type MovedSpan, type TeamChoice } from '../people/team-filter';
import type { DayRange } from '../../src-shared/periods';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  BonusSheetSchema,
  CalendarSchema,
  ProfileSchema,
  ThresholdsSchema,
  type TargetEntry,
} from '../../src-shared/api';
import { DEFAULT_THRESHOLDS, type AlertThresholds } from '../../src-shared/anomalies';
import {
  DEFAULT_BONUS_SHEET,
  DEFAULT_PROFILE,
  type BonusSheet,
  type ScoringProfile,
} from '../../src-shared/scoring';
import {
  CalendarBook,
  DEFAULT_CALENDAR,
  type WorkingDays,
  type Month,
  type TeamCalendar,
  type WorkCalendar,
} from '../../src-shared/targets-calendar';
import { TARGET_KPIS, type TargetKpi } from '../../src-shared/targets';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import { now as clockNow } from '../clock';
import { actingLogin } from '../activity/acting';

async function readConfig<S extends z.ZodType>(
  db: Kysely<Database>,
  key: string,
  schema: S,
  fallback: z.output<S>,
): Promise<z.output<S>> {
  const row = await db.selectFrom('targets_config').select('value').where('key', '=', key).executeTakeFirst();
  if (row === undefined) return fallback;
  const parsed = schema.safeParse(JSON.parse(row.value));
  // A value an older build wrote in another shape: the default, rather than a broken page.
  return parsed.success ? parsed.data : fallback;
}

async function writeConfig(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('targets_config')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

export async function loadCalendar(db: Kysely<Database>): Promise<WorkCalendar> {
  const weekend = await readConfig(db, 'weekend', CalendarSchema.shape.weekend, DEFAULT_CALENDAR.weekend);
  const rows = await db.selectFrom('work_calendar').select(['day', 'kind']).orderBy('day').execute();
  return {
    weekend,
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
    workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day),
  };
}

/** The teams' own calendars (src-shared/targets-calendar.ts TeamCalendar), in team order. */
export async function loadTeamCalendars(db: Kysely<Database>): Promise<TeamCalendar[]> {
  const weeks = await db
    .selectFrom('team_calendars')
    .select(['team_id', 'weekend'])
    .orderBy('team_id')
    .execute();
  const days = await db
    .selectFrom('team_calendar_days')
    .select(['team_id', 'day', 'kind'])
    .orderBy('team_id')
    .orderBy('day')
    .execute();
  return weeks.map((w) => {
    const own = days.filter((d) => d.team_id === w.team_id);
    return {
      teamId: w.team_id,
      weekend: [...w.weekend].map(Number).filter((d) => d >= 1 && d <= 7),
      holidays: own.filter((d) => d.kind === 'holiday').map((d) => d.day),
      workdays: own.filter((d) => d.kind === 'workday').map((d) => d.day),
    };
  });
}

/**
 * Gives a team a calendar of its own (replacing any it had), or with null lets it follow the
 * workspace's again. Run it in the caller's transaction.
 */
export async function saveTeamCalendar(
  db: Kysely<Database>,
  teamId: number,
  calendar: WorkCalendar | null,
): Promise<TeamCalendar[]> {
  const team = await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (team === undefined) throw notFound(`team ${teamId}`);
  await db.deleteFrom('team_calendar_days').where('team_id', '=', teamId).execute();
  await db.deleteFrom('team_calendars').where('team_id', '=', teamId).execute();
  if (calendar !== null) {
    const weekend = [...new Set(calendar.weekend)].sort().join('');
    await db.insertInto('team_calendars').values({ team_id: teamId, weekend }).execute();
    const kinds = exceptionKinds(calendar);
    if (kinds.size > 0)
      await db
        .insertInto('team_calendar_days')
        .values([...kinds].map(([day, kind]) => ({ team_id: teamId, day, kind })))
        .execute();
  }
  return loadTeamCalendars(db);
}

/** Every team's working days (its own calendar, else the workspace's). */
export async function loadCalendarBook(db: Kysely<Database>): Promise<CalendarBook> {
  return new CalendarBook(await loadCalendar(db), await loadTeamCalendars(db));
}

/**
 * Each agent's working days over a range: their team's, or, for one who moved during it, the team's
 * of each day (CalendarBook.forSpans). `currentTeamId` is the agent's team now.
 */
export async function agentWorkingDays(
  db: Kysely<Database>,
  book: CalendarBook,
  range: DayRange,
): Promise<(agentId: number, currentTeamId: number | null | undefined) => WorkingDays> {
  const byAgent = new Map<number, MovedSpan[]>();
  for (const span of await movedSpansDuring(db, range))
    byAgent.set(span.agentId, [...(byAgent.get(span.agentId) ?? []), span]);
  return (agentId, currentTeamId) => {
    const spans = byAgent.get(agentId);
    return spans ? book.forSpans(spans, currentTeamId) : book.forTeam(currentTeamId);
  };
}

/**
 * The working days of a filter's scope: the team's, or the agent's (their team's on each day of the
 * range), else (several teams, the floor) the workspace's ("last working day" and the comparison by
 * working days of a team that works Saturdays).
 */
export async function workingDaysFor(
  db: Kysely<Database>,
  scope: TeamChoice & DayRange & { agentId?: number },
): Promise<WorkingDays> {
  const book = await loadCalendarBook(db);
  const team = singleTeam(scope);
  if (team !== undefined) return book.forTeam(team);
  if (scope.agentId === undefined) return book.workspace;
  const agent = await db
    .selectFrom('agents')
    .select('team_id')
    .where('id', '=', scope.agentId)
    .executeTakeFirst();
  return (await agentWorkingDays(db, book, scope))(scope.agentId, agent?.team_id);
}

/** A day listed as both: the make-up working day wins (it is the later, deliberate edit). */
function exceptionKinds(calendar: WorkCalendar): Map<string, 'holiday' | 'workday'> {
  const kindOf = new Map<string, 'holiday' | 'workday'>();
  for (const day of calendar.holidays) kindOf.set(day, 'holiday');
  for (const day of calendar.workdays) kindOf.set(day, 'workday');
  return kindOf;
}

/** Replaces the calendar; run it in the caller's transaction (it clears the table first). */
export async function saveCalendar(db: Kysely<Database>, calendar: WorkCalendar): Promise<WorkCalendar> {
  await writeConfig(db, 'weekend', [...new Set(calendar.weekend)].sort());
  await db.deleteFrom('work_calendar').execute();
  const kindOf = exceptionKinds(calendar);
  if (kindOf.size > 0)
    await db
      .insertInto('work_calendar')
      .values([...kindOf].map(([day, kind]) => ({ day, kind, note: null })))
      .execute();
  return loadCalendar(db);
}

const profileKey = (campaignId?: number) => (campaignId ? `profile:campaign:${campaignId}` : 'profile');

/** A campaign without a profile of its own is scored with the workspace's. */
export async function loadProfile(
  db: Kysely<Database>,
  campaignId?: number,
): Promise<Required<ScoringProfile>> {
  const base = await readConfig(db, profileKey(), ProfileSchema, DEFAULT_PROFILE);
  const profile = campaignId ? await readConfig(db, profileKey(campaignId), ProfileSchema, base) : base;
  return {
    ...profile,
    weights: { ...DEFAULT_PROFILE.weights, ...profile.weights },
    ratingWeights: { ...DEFAULT_PROFILE.ratingWeights, ...profile.ratingWeights },
  };
}

export async function campaignsWithProfile(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('targets_config')
    .select('key')
    .where('key', 'like', 'profile:campaign:%')
    .execute();
  return rows.map((r) => Number(r.key.slice('profile:campaign:'.length))).filter((id) => id > 0);
}

export async function dropProfile(
  db: Kysely<Database>,
  campaignId: number,
): Promise<Required<ScoringProfile>> {
  await db.deleteFrom('targets_config').where('key', '=', profileKey(campaignId)).execute();
  return loadProfile(db, campaignId);
}

export async function saveProfile(
  db: Kysely<Database>,
  profile: ScoringProfile,
  campaignId?: number,
): Promise<Required<ScoringProfile>> {
  await writeConfig(db, profileKey(campaignId), profile);
  return loadProfile(db, campaignId);
}

export async function loadBonusSheet(db: Kysely<Database>): Promise<BonusSheet> {
  return (await readConfig(db, 'bonusSheet', BonusSheetSchema, DEFAULT_BONUS_SHEET)) as BonusSheet;
}

export async function saveBonusSheet(db: Kysely<Database>, sheet: BonusSheet): Promise<BonusSheet> {
  await writeConfig(db, 'bonusSheet', sheet);
  return loadBonusSheet(db);
}

export async function loadThresholds(db: Kysely<Database>): Promise<AlertThresholds> {
  return readConfig(db, 'alertThresholds', ThresholdsSchema, DEFAULT_THRESHOLDS);
}

export async function saveThresholds(db: Kysely<Database>, t: AlertThresholds): Promise<AlertThresholds> {
  await writeConfig(db, 'alertThresholds', t);
  return loadThresholds(db);
}

function isTargetKpi(kpi: string): kpi is TargetKpi {
  return (TARGET_KPIS as readonly string[]).includes(kpi);
}

export async function loadTargets(db: Kysely<Database>, month: Month): Promise<TargetEntry[]> {
  const rows = await db
    .selectFrom('targets')
    .select(['scope', 'scope_id as scopeId', 'kpi', 'value'])
    .where('month', '=', month)
    .orderBy('scope')
    .orderBy('scope_id')
    .execute();
  // A KPI an older or newer build stored that this one does not know is left out.
  return rows.flatMap((r) => (isTargetKpi(r.kpi) ? [{ ...r, kpi: r.kpi }] : []));
}

/** Saves (value null: removes) a month's targets; run it in the caller's transaction. */
export async function saveTargets(
  db: Kysely<Database>,
  month: Month,
  entries: readonly (Omit<TargetEntry, 'value'> & { value: number | null })[],
): Promise<number> {
  const now = clockNow();
  for (const e of entries) {
    const scopeId = e.scope === 'all' ? 0 : e.scopeId;
    if (e.value === null) {
      await db
        .deleteFrom('targets')
        .where('month', '=', month)
        .where('scope', '=', e.scope)
        .where('scope_id', '=', scopeId)
        .where('kpi', '=', e.kpi)
        .execute();
      continue;
    }
    const values = { value: e.value, updated_at: now, created_by: actingLogin() };
    await db
      .insertInto('targets')
      .values({ month, scope: e.scope, scope_id: scopeId, kpi: e.kpi, ...values })
      .onConflict((oc) => oc.columns(['month', 'scope', 'scope_id', 'kpi']).doUpdateSet(values))
      .execute();
  }
  return entries.length;
}

/** Targets of a month looked up by scope. */
export class TargetBook {
  private readonly map = new Map<string, number>();
  constructor(entries: readonly TargetEntry[]) {
    for (const e of entries) this.map.set(`${e.scope}:${e.scopeId}:${e.kpi}`, e.value);
  }
  get(scope: TargetEntry['scope'], scopeId: number, kpi: TargetKpi): number | null {
    return this.map.get(`${scope}:${scope === 'all' ? 0 : scopeId}:${kpi}`) ?? null;
  }
}

export async function loadOverrides(
  db: Kysely<Database>,
  month: Month,
): Promise<Map<number, { amount: number; reason: string }>> {
  const rows = await db
    .selectFrom('bonus_overrides')
    .select(['agent_id as agentId', 'amount', 'reason'])
    .where('month', '=', month)
    .execute();
  return new Map(rows.map((r) => [r.agentId, { amount: r.amount, reason: r.reason }]));
}

export async function saveOverride(
  db: Kysely<Database>,
  month: Month,
  agentId: number,
  amount: number | null,
  reason: string,
): Promise<void> {
  if (amount === null) {
    await db
      .deleteFrom('bonus_overrides')
      .where('month', '=', month)
      .where('agent_id', '=', agentId)
      .execute();
    return;
  }
  const values = { amount, reason, created_at: clockNow() };
  await db
    .insertInto('bonus_overrides')
    .values({ month, agent_id: agentId, ...values })
    .onConflict((oc) => oc.columns(['month', 'agent_id']).doUpdateSet(values))
    .execute();
}

/** Keys per DELETE … IN (…) or multi-row INSERT: well under either engine's bound-value limit. */
const ACK_KEYS_PER_STATEMENT = 500;

export async function loadAcks(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('alert_acks').select('alert_key').execute();
  return new Set(rows.map((r) => r.alert_key));
}

/** Every acknowledgement with when it was given. */
export async function loadAckTimes(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('alert_acks').select(['alert_key', 'acked_at']).execute();
  return new Map(rows.map((r) => [r.alert_key, Number(r.acked_at)]));
}

/**
 * Moves acknowledgements to new keys (null drops one), keeping when each was given. All old keys go
 * first, so a chain of moves (D to D+1 while D-1 goes to D) never meets a key it is about to free.
 */
export async function moveAcks(
  db: Kysely<Database>,
  moves: ReadonlyMap<string, string | null>,
  ackedAt: ReadonlyMap<string, number>,
): Promise<void> {
  const old = [...moves.keys()];
  for (let i = 0; i < old.length; i += ACK_KEYS_PER_STATEMENT)
    await db
      .deleteFrom('alert_acks')
      .where('alert_key', 'in', old.slice(i, i + ACK_KEYS_PER_STATEMENT))
      .execute();
  const values = [...moves]
    .filter((m): m is [string, string] => m[1] !== null)
    .map(([from, to]) => ({ alert_key: to, acked_at: ackedAt.get(from) ?? clockNow() }));
  for (let i = 0; i < values.length; i += ACK_KEYS_PER_STATEMENT)
    await db
      .insertInto('alert_acks')
      .values(values.slice(i, i + ACK_KEYS_PER_STATEMENT))
      .onConflict((oc) => oc.column('alert_key').doNothing())
      .execute();
}

export async function saveAck(db: Kysely<Database>, key: string, acked: boolean): Promise<void> {
  if (!acked) {
    await db.deleteFrom('alert_acks').where('alert_key', '=', key).execute();
    return;
  }
  const ackedAt = clockNow();
  await db
    .insertInto('alert_acks')
    .values({ alert_key: key, acked_at: ackedAt })
    .onConflict((oc) => oc.column('alert_key').doUpdateSet({ acked_at: ackedAt }))
    .execute();
}
