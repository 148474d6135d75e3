/**
 * The recordings settings besides the folder (audits/recordings.ts): the file-name patterns and
 * what the last index walk found. Stored as JSON values in the `settings` table.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { DEFAULT_PATTERNS, patternProblem } from './patterns';
import { badInput } from '../errors';

const PATTERNS_KEY = 'recordingPatterns';
const INDEX_KEY = 'recordingIndex';

type Db = Kysely<Database> | Transaction<Database>;

export interface IndexStatus {
  /** the folder that was walked (an index of another folder is not used) */
  folder: string;
  files: number;
  builtAt: number;
  /** the walk stopped at its file or depth bound: some files may be missing from the index */
  truncated: boolean;
}

/** A JSON setting's value, undefined when absent. */
export async function readJsonSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** Stores a JSON setting; undefined removes it. */
export async function writeJsonSetting(db: Db, key: string, value: unknown): Promise<void> {
  if (value === undefined) {
    await db.deleteFrom('settings').where('key', '=', key).execute();
    return;
  }
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
}

export async function recordingPatterns(db: Db): Promise<readonly string[]> {
  const stored = await readJsonSetting(db, PATTERNS_KEY);
  return Array.isArray(stored) && stored.every((p) => typeof p === 'string') ? stored : DEFAULT_PATTERNS;
}

/** Stores the patterns (an empty list turns pattern matching off); a bad pattern is refused with why. */
export async function setRecordingPatterns(
  db: Db,
  patterns: readonly string[] | null,
): Promise<readonly string[]> {
  if (patterns === null) {
    await writeJsonSetting(db, PATTERNS_KEY, undefined);
    return DEFAULT_PATTERNS;
  }
  for (const p of patterns) {
    const problem = patternProblem(p);
    if (problem) throw badInput(problem);
  }
  await writeJsonSetting(db, PATTERNS_KEY, patterns);
  return patterns;
}

export async function indexStatus(db: Db): Promise<IndexStatus | null> {
  const stored = await readJsonSetting(db, INDEX_KEY);
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Partial<IndexStatus>;
  return typeof s.folder === 'string' && typeof s.files === 'number' && typeof s.builtAt === 'number'
    ? { folder: s.folder, files: s.files, builtAt: s.builtAt, truncated: s.truncated === true }
    : null;
}

export async function writeIndexStatus(db: Db, status: IndexStatus): Promise<void> {
  await writeJsonSetting(db, INDEX_KEY, status);
}
