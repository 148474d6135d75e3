/**
 * Scorecards in the workspace: each save adds a version row (audits point at the version they
 * used, so editing a scorecard never rescores an old audit). The built-in templates are seeded in
 * the user's language the first time the scorecards are listed.
 */
import type { ScorecardVersion } from '../../src-shared/api';
import type { Language } from '../../src-shared/domain';
import {
  parseScorecardJson,
  ScorecardDefinitionSchema,
  type ScorecardDefinition,
} from '../../src-shared/scorecard';
import type { Sqlite } from '../db/connection';
import { badInput, notFound } from '../errors';
import { loadTemplate, TEMPLATE_IDS } from './templates';
import { now as clockNow } from '../clock';

interface VersionRow {
  scorecard_id: number;
  id: number;
  version: number;
  template: string | null;
  name: string;
  definition: string;
  created_at: number;
}

const VERSION_COLUMNS = `v.scorecard_id, v.id, v.version, s.template, v.name, v.definition, v.created_at`;

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
export function seedBuiltInScorecards(db: Sqlite, language: Language): void {
  const seeded = db.prepare('SELECT count(*) FROM scorecards WHERE template IS NOT NULL').pluck().get();
  if (Number(seeded) > 0) return;
  db.transaction(() => {
    for (const id of TEMPLATE_IDS) addScorecard(db, loadTemplate(id, language), id);
  })();
}

function addScorecard(db: Sqlite, definition: ScorecardDefinition, template: string | null): number {
  const now = clockNow();
  const scorecardId = Number(
    db.prepare('INSERT INTO scorecards (template, created_at) VALUES (?, ?)').run(template, now)
      .lastInsertRowid,
  );
  return addVersion(db, scorecardId, definition, now);
}

function addVersion(db: Sqlite, scorecardId: number, definition: ScorecardDefinition, now: number): number {
  const next = Number(
    db
      .prepare('SELECT coalesce(max(version), 0) + 1 FROM scorecard_versions WHERE scorecard_id = ?')
      .pluck()
      .get(scorecardId),
  );
  return Number(
    db
      .prepare(
        `INSERT INTO scorecard_versions (scorecard_id, version, name, definition, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(scorecardId, next, definition.name, JSON.stringify(definition), now).lastInsertRowid,
  );
}

/** The latest version of every scorecard that is not archived, by name. */
export function listScorecards(db: Sqlite): ScorecardVersion[] {
  const rows = db
    .prepare(
      `SELECT ${VERSION_COLUMNS} FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id
       WHERE s.archived_at IS NULL
         AND v.version = (SELECT max(version) FROM scorecard_versions WHERE scorecard_id = v.scorecard_id)
       ORDER BY s.id`,
    )
    .all() as VersionRow[];
  return rows.map(toVersion);
}

export function getScorecardVersion(db: Sqlite, versionId: number): ScorecardVersion {
  const row = db
    .prepare(
      `SELECT ${VERSION_COLUMNS} FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id
       WHERE v.id = ?`,
    )
    .get(versionId) as VersionRow | undefined;
  if (!row) throw notFound(`scorecard version ${versionId}`);
  return toVersion(row);
}

/** Saves a new scorecard, or a new version of `scorecardId`. */
export function saveScorecard(
  db: Sqlite,
  definition: ScorecardDefinition,
  scorecardId?: number,
): ScorecardVersion {
  const versionId = db.transaction(() => {
    if (scorecardId === undefined) return addScorecard(db, definition, null);
    const exists = db.prepare('SELECT 1 FROM scorecards WHERE id = ?').get(scorecardId);
    if (!exists) throw notFound(`scorecard ${scorecardId}`);
    return addVersion(db, scorecardId, definition, clockNow());
  })();
  return getScorecardVersion(db, versionId);
}

export function importScorecard(db: Sqlite, json: string, scorecardId?: number): ScorecardVersion {
  const parsed = parseScorecardJson(json);
  if (!parsed.ok) throw badInput(`this scorecard file cannot be imported: ${parsed.error}`);
  return saveScorecard(db, parsed.card, scorecardId);
}

export function exportScorecard(db: Sqlite, versionId: number): { fileName: string; json: string } {
  const version = getScorecardVersion(db, versionId);
  const safeName = version.name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'scorecard';
  return {
    fileName: `${safeName}-v${version.version}.json`,
    json: JSON.stringify(version.definition, null, 2) + '\n',
  };
}
