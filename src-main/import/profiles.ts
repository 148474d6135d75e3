/**
 * Import profiles: the layout and mapping a user confirmed for a file, saved under the file's
 * header signature and applied to the next file with the same header — a team lead maps their
 * dialer's export once, not every morning.
 */
import { createHash } from 'node:crypto';
import type { ImportChoices } from '../../src-shared/api';
import { ImportChoicesSchema } from '../../src-shared/api';
import type { Sqlite } from '../db/connection';
import { headerKey } from './preset';
import { now as clockNow } from '../clock';

export interface SavedProfile {
  signature: string;
  choices: ImportChoices;
  savedAt: number;
}

/** Same header names (in order, compared like the presets compare them) = same signature. */
export function headerSignature(header: readonly string[]): string {
  return 'h:' + createHash('sha1').update(header.map(headerKey).join('\u0001')).digest('hex').slice(0, 20);
}

/** A file without a header row is known by its column count (and the layout that reads it). */
export function headerlessSignature(columnCount: number): string {
  return `n:${columnCount}`;
}

export function loadProfile(db: Sqlite, signature: string): SavedProfile | null {
  const row = db
    .prepare('SELECT choices, saved_at AS savedAt FROM import_profiles WHERE signature = ?')
    .get(signature) as { choices: string; savedAt: number } | undefined;
  if (!row) return null;
  // A profile written by another version that no longer parses is ignored, not fatal.
  const parsed = ImportChoicesSchema.safeParse(JSON.parse(row.choices));
  return parsed.success ? { signature, choices: parsed.data, savedAt: row.savedAt } : null;
}

export function saveProfile(db: Sqlite, signature: string, choices: ImportChoices): void {
  // The time zone belongs to one import, not to the file's shape.
  const { timeZone: _zone, ...kept } = choices;
  db.prepare(
    `INSERT INTO import_profiles (signature, preset, choices, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (signature) DO UPDATE SET preset = excluded.preset, choices = excluded.choices,
       saved_at = excluded.saved_at`,
  ).run(signature, kept.preset ?? '', JSON.stringify(kept), clockNow());
}
