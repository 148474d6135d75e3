/**
 * The recordings settings besides the folder (audits/recordings.ts): the file-name patterns and
 * what the last index walk found. Stored as JSON values in the `settings` table.
 */
import type { Sqlite } from '../db/connection';
import { DEFAULT_PATTERNS, patternProblem } from './patterns';
import { badInput } from '../errors';

const PATTERNS_KEY = 'recordingPatterns';
const INDEX_KEY = 'recordingIndex';

export interface IndexStatus {
  /** the folder that was walked (an index of another folder is not used) */
  folder: string;
  files: number;
  builtAt: number;
  /** the walk stopped at its file or depth bound: some files may be missing from the index */
  truncated: boolean;
}

function read(db: Sqlite, key: string): unknown {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
  return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : undefined;
}

function write(db: Sqlite, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function recordingPatterns(db: Sqlite): readonly string[] {
  const stored = read(db, PATTERNS_KEY);
  return Array.isArray(stored) && stored.every((p) => typeof p === 'string') ? stored : DEFAULT_PATTERNS;
}

/** Stores the patterns (an empty list turns pattern matching off); a bad pattern is refused with why. */
export function setRecordingPatterns(db: Sqlite, patterns: readonly string[] | null): readonly string[] {
  if (patterns === null) {
    db.prepare('DELETE FROM settings WHERE key = ?').run(PATTERNS_KEY);
    return DEFAULT_PATTERNS;
  }
  for (const p of patterns) {
    const problem = patternProblem(p);
    if (problem) throw badInput(problem);
  }
  write(db, PATTERNS_KEY, patterns);
  return patterns;
}

export function indexStatus(db: Sqlite): IndexStatus | null {
  const stored = read(db, INDEX_KEY);
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Partial<IndexStatus>;
  return typeof s.folder === 'string' && typeof s.files === 'number' && typeof s.builtAt === 'number'
    ? { folder: s.folder, files: s.files, builtAt: s.builtAt, truncated: s.truncated === true }
    : null;
}

export function writeIndexStatus(db: Sqlite, status: IndexStatus): void {
  write(db, INDEX_KEY, status);
}
