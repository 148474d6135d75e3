/**
 * The spot-check list (抽检名单): N connected calls per agent for a period, drawn with a seeded
 * PRNG so the same seed over the same calls gives the same list, skipping calls already audited.
 * With strata, each agent's list starts with one sale, the longest conversation and one short
 * call marked as a sale (a sale that fast is worth a listen; "short" is the workspace's setting,
 * 30 s unless changed), and the rest is random.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Sample, SampleCall, Stratum } from '../../src-shared/api';
import { CONNECT } from '../../src-shared/kpi';
import { predicateSql } from '../db/kpi-sql';
import type { AuditSamplesTable, Database } from '../db/schema';
import { DEFAULT_SHORT_SALE_SECONDS } from '../../src-shared/domain';
import { Random } from '../demo/random';
import { notFound } from '../errors';
import { agentInTeams, agentInTeamsOnDay, chosenTeams, type TeamChoice } from '../people/team-filter';
import { loadSettings } from '../settings';
import { compareText } from '../../src-shared/collate';
import { now as clockNow } from '../clock';

export interface SampleRequest {
  from: string;
  to: string;
  teamId?: number | undefined;
  perAgent: number;
  seed: number;
  strata: boolean;
  minimum?: number | undefined;
}

interface Candidate {
  id: number;
  agent_id: number;
  talk_seconds: number;
  is_sale: number;
}

/** One agent's stream of random numbers: another agent's calls never change this agent's draw. */
function agentSeed(seed: number, agentId: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ agentId, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Picks for one agent from candidates in id order (the order makes the draw reproducible). */
export function drawForAgent(
  candidates: readonly Candidate[],
  perAgent: number,
  strata: boolean,
  random: Random,
  shortSaleSeconds: number = DEFAULT_SHORT_SALE_SECONDS,
): { callId: number; stratum: Stratum }[] {
  const left = [...candidates];
  const picks: { callId: number; stratum: Stratum }[] = [];
  const take = (index: number, stratum: Stratum) => {
    const [call] = left.splice(index, 1);
    picks.push({ callId: call!.id, stratum });
  };
  const randomIndexWhere = (test: (c: Candidate) => boolean): number => {
    const indexes = left.flatMap((c, i) => (test(c) ? [i] : []));
    return indexes.length === 0 ? -1 : indexes[Math.floor(random.next() * indexes.length)]!;
  };

  if (strata) {
    const sale = randomIndexWhere((c) => c.is_sale === 1);
    if (sale >= 0 && picks.length < perAgent) take(sale, 'sale');
    if (left.length > 0 && picks.length < perAgent) {
      let longest = 0;
      left.forEach((c, i) => {
        if (c.talk_seconds > left[longest]!.talk_seconds) longest = i;
      });
      take(longest, 'longest');
    }
    const shortSale = randomIndexWhere((c) => c.is_sale === 1 && c.talk_seconds < shortSaleSeconds);
    if (shortSale >= 0 && picks.length < perAgent) take(shortSale, 'short_sale');
  }
  while (picks.length < perAgent && left.length > 0) take(Math.floor(random.next() * left.length), 'random');
  return picks;
}

const INSERT_CHUNK = 500;

/** Draws and stores a spot-check list; returns its id. */
export async function buildSample(db: Kysely<Database>, request: SampleRequest): Promise<number> {
  let query = db
    .selectFrom('calls as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .select(['c.id', 'c.agent_id', 'c.talk_seconds', 'c.is_sale'])
    .where((eb) => eb.between('c.day', request.from, request.to))
    .where('c.direction', '=', 'outbound')
    .where(predicateSql(CONNECT, {}, 'c'))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('audits as au').select('au.id').whereRef('au.call_id', '=', 'c.id'))),
    );
  // a call is the team's if its agent was in the team on the call's day
  const inTeam = await agentInTeamsOnDay(db, request, 'c.agent_id', 'c.day');
  if (inTeam) query = query.where(inTeam);
  const candidates: Candidate[] = await query.orderBy('c.agent_id').orderBy('c.id').execute();

  const { shortSaleSeconds } = await loadSettings(db);
  const byAgent = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const list = byAgent.get(c.agent_id);
    if (list) list.push(c);
    else byAgent.set(c.agent_id, [c]);
  }

  return db.transaction().execute(async (trx) => {
    const { id: sampleId } = await trx
      .insertInto('audit_samples')
      .values({
        from_day: request.from,
        to_day: request.to,
        per_agent: request.perAgent,
        minimum: request.minimum ?? request.perAgent,
        seed: request.seed,
        strata: request.strata ? 1 : 0,
        team_id: request.teamId ?? null,
        created_at: clockNow(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = [...byAgent].flatMap(([agentId, calls]) => {
      const random = new Random(agentSeed(request.seed, agentId));
      return drawForAgent(calls, request.perAgent, request.strata, random, shortSaleSeconds).map((pick) => ({
        sample_id: sampleId,
        call_id: pick.callId,
        agent_id: agentId,
        stratum: pick.stratum,
      }));
    });
    // In chunks: one statement binds at most INSERT_CHUNK × 4 values (SQLite's limit is far above).
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await trx
        .insertInto('audit_sample_calls')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    return sampleId;
  });
}

/** A spot-check list as stored (`SELECT *`). */
type SampleRow = Selectable<AuditSamplesTable>;

const STRATUM_ORDER: Record<Stratum, number> = { sale: 0, longest: 1, short_sale: 2, random: 3 };

/** A stored list (the latest when no id is given) with each call's regular audit so far. */
/**
 * A spot-check list by id, else the latest; with `teams` (a lead's), the latest drawn for one of
 * those teams or for every team, and its calls of those teams' agents only.
 */
export async function getSample(
  db: Kysely<Database>,
  sampleId?: number,
  teams: TeamChoice = {},
): Promise<Sample | null> {
  const chosen = chosenTeams(teams);
  const samples = db
    .selectFrom('audit_samples')
    .selectAll()
    .$if(sampleId === undefined && chosen !== undefined, (q) =>
      // (0: no team's id, so the list is never empty SQL)
      q.where((eb) => eb.or([eb('team_id', 'is', null), eb('team_id', 'in', [...chosen!, 0])])),
    );
  const row = await (
    sampleId === undefined ? samples.orderBy('id', 'desc').limit(1) : samples.where('id', '=', sampleId)
  ).executeTakeFirst();
  if (!row) {
    if (sampleId !== undefined) throw notFound(`spot-check list ${sampleId}`);
    return null;
  }
  const rows = await db
    .selectFrom('audit_sample_calls as sc')
    .innerJoin('calls as c', 'c.id', 'sc.call_id')
    .innerJoin('agents as a', 'a.id', 'sc.agent_id')
    .leftJoin('audits as au', (join) =>
      join.onRef('au.call_id', '=', 'sc.call_id').on('au.calibration_id', 'is', null),
    )
    .select((eb) => [
      'sc.call_id',
      'sc.agent_id',
      eb.fn.coalesce('a.name', 'a.code').as('agent_name'),
      'c.started_at',
      'c.day',
      'c.talk_seconds',
      'c.is_sale',
      'c.recording_ref',
      'sc.stratum',
      'au.id as audit_id',
      'au.status',
      'au.score',
      'au.failed',
    ])
    .where('sc.sample_id', '=', row.id)
    .$if(chosen !== undefined, (q) => q.where(agentInTeams(teams, 'sc.agent_id')!))
    .orderBy('agent_name')
    .orderBy('sc.agent_id')
    .execute();
  const calls = rows
    .map((r): SampleCall => ({
      callId: r.call_id,
      agentId: r.agent_id,
      agentName: r.agent_name,
      startedAt: r.started_at,
      day: r.day,
      talkSeconds: r.talk_seconds,
      isSale: r.is_sale === 1,
      hasRecording: r.recording_ref !== null,
      stratum: r.stratum,
      audit:
        r.audit_id === null || r.status === null
          ? null
          : { id: r.audit_id, status: r.status, score: r.score, failed: r.failed === 1 },
    }))
    .sort(
      (a, b) =>
        compareText(a.agentName, b.agentName) ||
        a.agentId - b.agentId ||
        STRATUM_ORDER[a.stratum] - STRATUM_ORDER[b.stratum] ||
        a.startedAt - b.startedAt,
    );

  return {
    id: row.id,
    from: row.from_day,
    to: row.to_day,
    perAgent: row.per_agent,
    minimum: row.minimum,
    seed: row.seed,
    strata: row.strata === 1,
    teamId: row.team_id,
    createdAt: row.created_at,
    calls,
    belowMinimum: await agentsBelowMinimum(db, row),
  };
}

/** Agents with connects in the period whose submitted (regular) audits there are below the minimum. */
async function agentsBelowMinimum(db: Kysely<Database>, sample: SampleRow): Promise<Sample['belowMinimum']> {
  if (sample.minimum === 0) return [];
  let query = db
    .selectFrom('agents as a')
    .select((eb) => [
      'a.id',
      eb.fn.coalesce('a.name', 'a.code').as('name'),
      eb
        .selectFrom('audits as au')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('au.agent_id', '=', 'a.id')
        .where('au.status', '=', 'submitted')
        .where('au.calibration_id', 'is', null)
        .where((sub) => sub.between('au.call_day', sample.from_day, sample.to_day))
        .as('audits'),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('daily_agent_stats as s')
          .select('s.agent_id')
          .whereRef('s.agent_id', '=', 'a.id')
          .where((sub) => sub.between('s.day', sample.from_day, sample.to_day))
          .where('s.connects', '>', 0),
      ),
    );
  const inTeam = agentInTeams({ teamId: sample.team_id ?? undefined }, 'a.id');
  if (inTeam) query = query.where(inTeam);
  const rows = await query.orderBy('audits').orderBy('name').execute();
  return rows
    .map((r) => ({ agentId: r.id, agentName: r.name, audits: Number(r.audits) }))
    .filter((r) => r.audits < sample.minimum)
    .map((r) => ({ ...r, minimum: sample.minimum }));
}
