/**
 * Workspace settings, stored as JSON values in the `settings` table. Defaults are written on first
 * open so that a workspace keeps the time zone it was created in, wherever it is opened later.
 */
import { randomBytes } from 'node:crypto';
import { SettingsSchema, type Settings } from '../src-shared/api';
import { DEFAULT_EFFECTIVE_THRESHOLD_SECONDS, DEFAULT_SHORT_SALE_SECONDS } from '../src-shared/domain';
import { systemTimeZone } from '../src-shared/time';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { DEFAULT_UPLOAD_LIMIT_MB } from './staging';

const SALT_KEY = 'phone_salt';
/** Settings added later read their default until changed: opening a workspace does not write them. */
const UNWRITTEN_DEFAULTS: ReadonlySet<string> = new Set<keyof Settings>([
  'shortSaleSeconds',
  'uploadLimitMb',
]);

function defaults(): Settings {
  return {
    timeZone: systemTimeZone(),
    effectiveThresholdSeconds: DEFAULT_EFFECTIVE_THRESHOLD_SECONDS,
    shortSaleSeconds: DEFAULT_SHORT_SALE_SECONDS,
    language: 'auto',
    currency: 'CNY',
    uploadLimitMb: DEFAULT_UPLOAD_LIMIT_MB,
  };
}

async function readAll(db: Kysely<Database>): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

async function write(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
}

function merge(stored: Map<string, unknown>): { settings: Settings; missing: (keyof Settings)[] } {
  const merged: Record<string, unknown> = { ...defaults() };
  const missing: (keyof Settings)[] = [];
  for (const key of Object.keys(merged) as (keyof Settings)[]) {
    if (stored.has(key)) merged[key] = stored.get(key);
    else if (!UNWRITTEN_DEFAULTS.has(key)) missing.push(key);
  }
  return { settings: SettingsSchema.parse(merged), missing };
}

export async function loadSettings(db: Kysely<Database>): Promise<Settings> {
  return merge(await readAll(db)).settings;
}

/** True when `ensureSettings` has nothing to write (a team workspace then opens without the write lock). */
export async function settingsComplete(db: Kysely<Database>): Promise<boolean> {
  const stored = await readAll(db);
  return merge(stored).missing.length === 0 && stored.has(SALT_KEY);
}

/**
 * Writes the defaults a workspace keeps from its first open (its time zone, the salt for customer
 * numbers), once; a read-only workspace never calls this.
 */
export async function ensureSettings(db: Kysely<Database>): Promise<void> {
  const stored = await readAll(db);
  const { settings, missing } = merge(stored);
  if (missing.length === 0 && stored.has(SALT_KEY)) return;
  await db.transaction().execute(async (trx) => {
    for (const key of missing) await write(trx, key, settings[key]);
    if (!stored.has(SALT_KEY)) await write(trx, SALT_KEY, randomBytes(16).toString('hex'));
  });
}

/** Writes `patch` (inside the caller's transaction when given one) and returns the settings after it. */
export async function saveSettings(db: Kysely<Database>, patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings(db)), ...patch });
  for (const [key, value] of Object.entries(patch)) await write(db, key, value);
  return next;
}

/** The workspace's secret salt for hashing customer numbers (never leaves the database). */
export async function phoneSalt(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SALT_KEY).executeTakeFirst();
  if (!row)
    throw new Error('the workspace has no salt for customer numbers: it was never opened for writing');
  return JSON.parse(row.value) as string;
}
