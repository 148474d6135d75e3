/**
 * The settings a copy brings. Into an empty workspace (a new team workspace, an export file) the
 * source's settings come whole — its time zone, effective-call threshold, currency and the salt of
 * its customer-number hashes, so the copied hashes still match the numbers of later imports. Into
 * a workspace that holds data, the target's settings stay; the source only adds what the target
 * never set, and a source whose days are counted in another time zone is refused (every call's
 * day and hour were fixed in the zone of its import).
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadSettings } from '../settings';
import { holdsNoDays } from '../zone/change';

/** The target's own: the holder of its write lock and the state of its recordings index. */
const TARGET_OWN = new Set(['writeLockHolder', 'recordingIndex']);
const SALT_KEY = 'phone_salt';
/** A relative recordings folder is relative to the source's file: meaningless elsewhere. */
const RECORDINGS_FOLDER_KEY = 'recordingsFolder';

export class CopyRefused extends Error {}

/** Nothing imported and nobody known: the source's settings may replace the defaults of its first open. */
export async function isEmptyWorkspace(db: Kysely<Database>): Promise<boolean> {
  const agent = await db.selectFrom('agents').select('id').limit(1).executeTakeFirst();
  return agent === undefined && (await holdsNoDays(db));
}

export async function refuseOtherZone(source: Kysely<Database>, target: Kysely<Database>): Promise<void> {
  if (await holdsNoDays(source)) return;
  const [from, to] = [(await loadSettings(source)).timeZone, (await loadSettings(target)).timeZone];
  if (from !== to)
    throw new CopyRefused(
      `the source counts days in ${from} and the target in ${to}: change the source's time zone to ${to} (Settings), then copy`,
    );
}

function travels(key: string, value: string): boolean {
  if (TARGET_OWN.has(key)) return false;
  if (key === RECORDINGS_FOLDER_KEY) {
    const folder: unknown = JSON.parse(value);
    return typeof folder === 'string' && path.isAbsolute(folder);
  }
  return true;
}

/** Copies the settings (inside the target's transaction); `replace`: the target was empty. */
export async function copySettings(
  source: Kysely<Database>,
  target: Kysely<Database>,
  replace: boolean,
): Promise<number> {
  const rows = (await source.selectFrom('settings').select(['key', 'value']).orderBy('key').execute()).filter(
    (r) => travels(r.key, r.value) && (replace || r.key !== SALT_KEY),
  );
  let written = 0;
  for (const row of rows) {
    const result = await target
      .insertInto('settings')
      .values(row)
      .onConflict((oc) =>
        replace ? oc.column('key').doUpdateSet({ value: row.value }) : oc.column('key').doNothing(),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}
