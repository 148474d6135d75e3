/**
 * Import profiles: the layout and mapping a user confirmed for a file, saved under the file's
 * header signature and applied to the next file with the same header — a team lead maps their
 * dialer's export once, not every morning.
 */
import { createHash } from 'node:crypto';
import type { ImportChoices } from '../../src-shared/api';
import { ImportChoicesSchema } from '../../src-shared/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
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

export async function loadProfile(db: Kysely<Database>, signature: string): Promise<SavedProfile | null> {
  const row = await db
    .selectFrom('import_profiles')
    .select(['choices', 'saved_at'])
    .where('signature', '=', signature)
    .executeTakeFirst();
  if (!row) return null;
  // A profile written by another version that no longer parses is ignored, not fatal.
  const parsed = ImportChoicesSchema.safeParse(JSON.parse(row.choices));
  return parsed.success ? { signature, choices: parsed.data, savedAt: row.saved_at } : null;
}

export async function saveProfile(
  db: Kysely<Database>,
  signature: string,
  choices: ImportChoices,
): Promise<void> {
  // The time zone belongs to one import, not to the file's shape.
  const { timeZone: _zone, ...kept } = choices;
  await db
    .insertInto('import_profiles')
    .values({ signature, preset: kept.preset ?? '', choices: JSON.stringify(kept), saved_at: clockNow() })
    .onConflict((oc) =>
      oc.column('signature').doUpdateSet((eb) => ({
        preset: eb.ref('excluded.preset'),
        choices: eb.ref('excluded.choices'),
        saved_at: eb.ref('excluded.saved_at'),
      })),
    )
    .execute();
}
