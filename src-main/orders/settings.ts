/**
 * The workspace's order settings, kept in the `settings` table under one key of their own (the
 * workspace `Settings` shape stays as it is): the attribution window and the conversion source.
 */
import { OrderSettingsSchema, type OrderSettings } from '../../src-shared/api';
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS } from '../../src-shared/orders';
import type { Sqlite } from '../db/connection';

const KEY = 'orders';

const DEFAULTS: OrderSettings = {
  attributionWindowDays: DEFAULT_ATTRIBUTION_WINDOW_DAYS,
  conversionSource: 'calls',
};

export function loadOrderSettings(db: Sqlite): OrderSettings {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  // A value another version wrote that no longer parses falls back to the defaults, field by field.
  const parsed = OrderSettingsSchema.partial().safeParse(stored === undefined ? {} : JSON.parse(stored));
  return { ...DEFAULTS, ...(parsed.success ? parsed.data : {}) };
}

export function saveOrderSettings(db: Sqlite, patch: Partial<OrderSettings>): OrderSettings {
  const next = OrderSettingsSchema.parse({ ...loadOrderSettings(db), ...patch });
  db.prepare(
    'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(next));
  return next;
}
