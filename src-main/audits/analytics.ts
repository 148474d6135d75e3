/**
 * QA analytics over submitted audits: the score per agent or team and week with a 95 % interval
 * and the number of audits behind it; each item's failure rate; and whether calls that failed an
 * item converted less often than calls that passed it.
 */
import {
  commonPassMark,
  isItemFailure,
  meanWithInterval,
  scoreTrend,
  trendUnit,
} from '../../src-shared/audit-stats';
import { sql, type Kysely } from 'kysely';
import type { AuditAnalytics, Filter } from '../../src-shared/api';
import { allItems, ScorecardDefinitionSchema, type ScorecardDefinition } from '../../src-shared/scorecard';
import { addDays, weekdayOf } from '../../src-shared/time';
import type { Database } from '../db/schema';
import { submittedAudits } from './audits';
import { teamOnDay } from '../people/team-filter';
import { compareText } from '../../src-shared/collate';

const NO_TEAM = 'none';

function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

/** The scorecard versions a filter's submitted audits used, oldest first. */
export async function auditedVersions(
  db: Kysely<Database>,
  filter: Filter,
): Promise<{ id: number; definition: ScorecardDefinition }[]> {
  const versions = await (
    await submittedAudits(db, filter)
  )
    .innerJoin('scorecard_versions as v', 'v.id', 'au.scorecard_version_id')
    .select(['v.id', 'v.definition'])
    .distinct()
    .orderBy('v.id')
    .execute();
  return versions.map((v) => ({
    id: v.id,
    definition: ScorecardDefinitionSchema.parse(JSON.parse(v.definition)),
  }));
}

export async function auditAnalytics(
  db: Kysely<Database>,
  filter: Filter,
  by: 'agent' | 'team',
): Promise<AuditAnalytics> {
  const audits = await (
    await submittedAudits(db, filter)
  )
    .innerJoin('agents as a', 'a.id', 'au.agent_id')
    .leftJoin('calls as c', 'c.id', 'au.call_id')
    .select((eb) => [
      'au.id',
      'au.score',
      'au.call_day',
      'au.agent_id',
      eb.fn.coalesce('a.name', 'a.code').as('agent_name'),
      // an audit is the team's its agent was in on the audited call's day
      teamOnDay('au.agent_id', 'au.call_day').as('team_id'),
      sql<
        string | null
      >`(SELECT t.name FROM teams t WHERE t.id = ${teamOnDay('au.agent_id', 'au.call_day')})`.as('team_name'),
      eb.fn.coalesce('c.is_sale', eb.lit(0)).as('is_sale'),
    ])
    .execute();

  const weeks = [...new Set(audits.map((a) => mondayOf(a.call_day)))].sort();
  const groups = new Map<string, { name: string; scores: number[]; byWeek: Map<string, number[]> }>();
  for (const a of audits) {
    if (a.score === null) continue;
    const key = by === 'agent' ? String(a.agent_id) : a.team_id === null ? NO_TEAM : String(a.team_id);
    const name = by === 'agent' ? a.agent_name : (a.team_name ?? '');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name, scores: [], byWeek: new Map() }));
    group.scores.push(a.score);
    const week = mondayOf(a.call_day);
    group.byWeek.set(week, [...(group.byWeek.get(week) ?? []), a.score]);
  }

  // Item labels from the scorecard versions the audits used (the newest wording wins).
  const labels = new Map<string, string>();
  const passMarks: (number | null)[] = [];
  for (const { definition } of await auditedVersions(db, filter)) {
    passMarks.push(definition.passMark);
    for (const item of allItems(definition)) labels.set(item.key, item.label);
  }
  const unit = trendUnit(filter.from, filter.to);
  const scored = audits.flatMap((a) => (a.score === null ? [] : [{ day: a.call_day, score: a.score }]));

  const answers = await (
    await submittedAudits(db, filter)
  )
    .innerJoin('audit_answers as aa', 'aa.audit_id', 'au.id')
    .leftJoin('calls as c', 'c.id', 'au.call_id')
    .select((eb) => ['aa.item_key', 'aa.value', eb.fn.coalesce('c.is_sale', eb.lit(0)).as('is_sale')])
    .execute();
  const items = new Map<
    string,
    { answered: number; failures: number; failSales: number; passSales: number }
  >();
  for (const a of answers) {
    const failed = isItemFailure(a.value);
    if (failed === null) continue;
    let item = items.get(a.item_key);
    if (!item) items.set(a.item_key, (item = { answered: 0, failures: 0, failSales: 0, passSales: 0 }));
    item.answered += 1;
    if (failed) {
      item.failures += 1;
      item.failSales += a.is_sale;
    } else item.passSales += a.is_sale;
  }

  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    weeks,
    groups: [...groups.entries()]
      .map(([key, g]) => ({
        key,
        name: g.name,
        overall: meanWithInterval(g.scores),
        weeks: weeks
          .filter((w) => g.byWeek.has(w))
          .map((week) => ({ week, ...meanWithInterval(g.byWeek.get(week)!) })),
      }))
      .sort((a, b) => (a.overall.mean ?? 0) - (b.overall.mean ?? 0) || compareText(a.name, b.name)),
    trend: { unit, points: scoreTrend(scored, unit), passMark: commonPassMark(passMarks) },
    items: [...items.entries()]
      .map(([key, i]) => ({
        key,
        label: labels.get(key) ?? key,
        answered: i.answered,
        failures: i.failures,
        failureRate: rate(i.failures, i.answered),
        conversionFailing: rate(i.failSales, i.failures),
        conversionPassing: rate(i.passSales, i.answered - i.failures),
      }))
      .sort((a, b) => (b.failureRate ?? 0) - (a.failureRate ?? 0) || a.key.localeCompare(b.key)),
  };
}
