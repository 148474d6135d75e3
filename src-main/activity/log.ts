/**
 * The activity log: who changed what, one row per successful change, and its newest id as the
 * workspace's change counter (AUTOINCREMENT / identity: ids never come back, so the counter only
 * moves on). Rows are written by the recorder (recorder.ts), never by services.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ActivityRow } from '../../src-shared/api';
import { currentActor } from '../auth/actor';
import { now } from '../clock';
import type { Database } from '../db/schema';

export const SUBJECT_MAX_CHARS = 200;
export const DETAIL_MAX_CHARS = 2000;

export interface ActivityEntry {
  method: string;
  subject: string;
  detail?: Record<string, unknown> | null;
}

/** The detail as stored: JSON of at most DETAIL_MAX_CHARS, else only which keys it had. */
export function boundedDetail(detail: Record<string, unknown> | null | undefined): string | null {
  if (!detail || Object.keys(detail).length === 0) return null;
  const text = JSON.stringify(detail);
  if (text.length <= DETAIL_MAX_CHARS) return text;
  return JSON.stringify({ truncated: true, keys: Object.keys(detail).slice(0, 50) }).slice(
    0,
    DETAIL_MAX_CHARS,
  );
}

/** Appends one row, as the calling actor (call under the write lock). */
export async function appendActivity(db: Kysely<Database>, entry: ActivityEntry): Promise<void> {
  const actor = currentActor();
  await db
    .insertInto('activity_log')
    .values({
      at: new Date(now()).toISOString(),
      user_id: actor?.userId ?? null,
      actor: actor?.login ?? '',
      method: entry.method,
      subject: entry.subject.slice(0, SUBJECT_MAX_CHARS),
      detail: boundedDetail(entry.detail),
    })
    .execute();
}

/** The change counter: the newest row's id, 0 before any change. */
export async function currentRevision(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('activity_log')
    .select(sql<number | null>`max(id)`.as('revision'))
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

function parsedDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : null;
  } catch {
    return null; // a damaged row still lists, without its detail
  }
}

/** A page of the log, newest first: `beforeId` is the previous page's last id. */
export async function listActivity(
  db: Kysely<Database>,
  query: { limit: number; beforeId?: number; method?: string },
): Promise<ActivityRow[]> {
  let select = db.selectFrom('activity_log').selectAll();
  if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
  if (query.method !== undefined) select = select.where('method', '=', query.method);
  const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    userId: r.user_id,
    actor: r.actor,
    method: r.method,
    subject: r.subject,
    detail: parsedDetail(r.detail),
  }));
}
