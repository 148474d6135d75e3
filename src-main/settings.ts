/**
 * Workspace settings, stored as JSON values in the `settings` table. Defaults are written on first
 * open so that a workspace keeps the time zone it was created in, wherever it is opened later.
 */
import { randomBytes } from 'node:crypto';
import { SettingsSchema, type Settings } from '../src-shared/api';
import { DEFAULT_EFFECTIVE_THRESHOLD_SECONDS, DEFAULT_SHORT_SALE_SECONDS } from '../src-shared/domain';
import { systemTimeZone } from '../src-shared/time';
import type { Sqlite } from './db/connection';
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

function readAll(db: Sqlite): Map<string, unknown> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

function write(db: Sqlite, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function loadSettings(db: Sqlite): Settings {
  const stored = readAll(db);
  const merged: Record<string, unknown> = { ...defaults() };
  const missing: string[] = [];
  for (const key of Object.keys(merged)) {
    if (stored.has(key)) merged[key] = stored.get(key);
    else if (!UNWRITTEN_DEFAULTS.has(key)) missing.push(key);
  }
  const settings = SettingsSchema.parse(merged);
  if ((missing.length > 0 || !stored.has(SALT_KEY)) && !db.readonly) {
    db.transaction(() => {
      for (const key of missing) write(db, key, settings[key as keyof Settings]);
      if (!stored.has(SALT_KEY)) write(db, SALT_KEY, randomBytes(16).toString('hex'));
    })();
  }
  return settings;
}

export function saveSettings(db: Sqlite, patch: Partial<Settings>): Settings {
  const next = SettingsSchema.parse({ ...loadSettings(db), ...patch });
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) write(db, key, value);
  })();
  return next;
}

/** The workspace's secret salt for hashing customer numbers (never leaves the database). */
export function phoneSalt(db: Sqlite): string {
  loadSettings(db);
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SALT_KEY) as { value: string };
  return JSON.parse(row.value) as string;
}
