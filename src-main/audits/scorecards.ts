/**
 * Scorecards in the workspace: each save adds a version row (audits point at the version they
 * used, so editing a scorecard never rescores an old audit). The built-in templates are seeded in
 * the user's language the first time the scorecards are listed.
 */
import type { Kysely } from 'kysely';
import type { ScorecardVersion } from '../../src-shared/api';
import type { Language } from '../../src-shared/domain';
import {
  parseScorecardJson,
  ScorecardDefinitionSchema,
  type ScorecardDefinition,
} from '../../src-shared/scorecard';
import type { Database } from '../db/schema';
import { badInput, notFound } from '../errors';
import { loadTemplate, TEMPLATE_IDS } from './templates';
import { now as clockNow } from '../clock';

/** Scorecard versions with their scorecard's template (aliases `v` and `s`). */
function versionsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('scorecard_versions as v')
    .innerJoin('scorecards as s', 's.id', 'v.scorecard_id')
    .select(['v.scorecard_id', 'v.id', 'v.version', 's.template', 'v.name', 'v.definition', 'v.created_at']);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionsQuery>['executeTakeFirstOrThrow']>>;

function toVersion(row: VersionRow): ScorecardVersion {
  return {
    scorecardId: row.scorecard_id,
    versionId: row.id,
    version: row.version,
    template: row.template,
    name: row.name,
    // Stored definitions were validated when saved; parsing again fills defaults added since.
    definition: ScorecardDefinitionSchema.parse(JSON.parse(row.definition)),
    createdAt: row.created_at,
  };
}

/** Adds the built-in scorecards once per workspace (a template deleted later is not re-added). */
export async function seedBuiltInScorecards(db: Kysely<Database>, language: Language): Promise<void> {
  const seeded = await db
    .selectFrom('scorecards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('template', 'is not', null)
    .executeTakeFirstOrThrow();
  if (Number(seeded.n) > 0) return;
  await db.transaction().execute(async (trx) => {
    for (const id of TEMPLATE_IDS) await addScorecard(trx, loadTemplate(id, language), id);
  });
}

async function addScorecard(
  db: Kysely<Database>,
  definition: ScorecardDefinition,
  template: string | null,
): Promise<number> {
  const now = clockNow();
  const { id } = await db
    .insertInto('scorecards')
    .values({ template, created_at: now, archived_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return addVersion(db, id, definition, now);
}

async function addVersion(
  db: Kysely<Database>,
  scorecardId: number,
  definition: ScorecardDefinition,
  now: number,
): Promise<number> {
  const latest = await db
    .selectFrom('scorecard_versions')
    .select((eb) => eb.fn.coalesce(eb.fn.max('version'), eb.lit(0)).as('version'))
    .where('scorecard_id', '=', scorecardId)
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('scorecard_versions')
    .values({
      scorecard_id: scorecardId,
      version: Number(latest.version) + 1,
      name: definition.name,
      definition: JSON.stringify(definition),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The latest version of every scorecard that is not archived, by name. */
export async function listScorecards(db: Kysely<Database>): Promise<ScorecardVersion[]> {
  const rows = await versionsQuery(db)
    .where('s.archived_at', 'is', null)
    .where((eb) =>
      eb(
        'v.version',
        '=',
        eb
          .selectFrom('scorecard_versions as latest')
          .select((l) => l.fn.max('latest.version').as('version'))
          .whereRef('latest.scorecard_id', '=', 'v.scorecard_id'),
      ),
    )
    .orderBy('s.id')
    .execute();
  return rows.map(toVersion);
}

export async function getScorecardVersion(
  db: Kysely<Database>,
  versionId: number,
): Promise<ScorecardVersion> {
  const row = await versionsQuery(db).where('v.id', '=', versionId).executeTakeFirst();
  if (!row) throw notFound(`scorecard version ${versionId}`);
  return toVersion(row);
}

/** Saves a new scorecard, or a new version of `scorecardId`. */
export async function saveScorecard(
  db: Kysely<Database>,
  definition: ScorecardDefinition,
  scorecardId?: number,
): Promise<ScorecardVersion> {
  const versionId = await db.transaction().execute(async (trx) => {
    if (scorecardId === undefined) return addScorecard(trx, definition, null);
    const exists = await trx
      .selectFrom('scorecards')
      .select('id')
      .where('id', '=', scorecardId)
      .executeTakeFirst();
    if (!exists) throw notFound(`scorecard ${scorecardId}`);
    return addVersion(trx, scorecardId, definition, clockNow());
  });
  return getScorecardVersion(db, versionId);
}

export async function importScorecard(
  db: Kysely<Database>,
  json: string,
  scorecardId?: number,
): Promise<ScorecardVersion> {
  const parsed = parseScorecardJson(json);
  if (!parsed.ok) throw badInput(`this scorecard file cannot be imported: ${parsed.error}`);
  return saveScorecard(db, parsed.card, scorecardId);
}

export async function exportScorecard(
  db: Kysely<Database>,
  versionId: number,
): Promise<{ fileName: string; json: string }> {
  const version = await getScorecardVersion(db, versionId);
  const safeName = version.name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'scorecard';
  return {
    fileName: `${safeName}-v${version.version}.json`,
    json: JSON.stringify(version.definition, null, 2) + '\n',
  };
}
