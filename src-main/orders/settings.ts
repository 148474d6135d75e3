/**
 * The workspace's order settings, kept in the `settings` table under one key of their own (the
 * workspace `Settings` shape stays as it is): the attribution window and the conversion source.
 */
import { OrderSettingsSchema, type OrderSettings } from '../../src-shared/api';
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS } from '../../src-shared/orders';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const ORDER_SETTINGS_KEY = 'orders';

const DEFAULTS: OrderSettings = {
  attributionWindowDays: DEFAULT_ATTRIBUTION_WINDOW_DAYS,
  conversionSource: 'calls',
};

export async function loadOrderSettings(db: Kysely<Database>): Promise<OrderSettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', ORDER_SETTINGS_KEY)
    .executeTakeFirst();
  return parseOrderSettings(row?.value);
}

/** The order settings from their stored JSON (undefined: none stored yet). */
export function parseOrderSettings(stored: string | undefined): OrderSettings {
  // A value another version wrote that no longer parses falls back to the defaults, field by field.
  const parsed = OrderSettingsSchema.partial().safeParse(stored === undefined ? {} : JSON.parse(stored));
  return { ...DEFAULTS, ...(parsed.success ? parsed.data : {}) };
}

export async function saveOrderSettings(
  db: Kysely<Database>,
  patch: Partial<OrderSettings>,
): Promise<OrderSettings> {
  const next = OrderSettingsSchema.parse({ ...(await loadOrderSettings(db)), ...patch });
  await db
    .insertInto('settings')
    .values({ key: ORDER_SETTINGS_KEY, value: JSON.stringify(next) })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
  return next;
}
