/**
 * What the targets feature stores: the calendar's exceptions, targets per month, its JSON settings
 * (weekend, scoring profiles, bonus sheet, alert thresholds), pay overrides and alert acknowledgements.
 */
import type { z } from 'zod';
import {
  BonusSheetSchema,
  CalendarSchema,
  ProfileSchema,
  ThresholdsSchema,
  type TargetEntry,
} from '../../src-shared/api';
import { DEFAULT_THRESHOLDS, type AlertThresholds } from '../../src-shared/anomalies';
import {
  DEFAULT_BONUS_SHEET,
  DEFAULT_PROFILE,
  type BonusSheet,
  type ScoringProfile,
} from '../../src-shared/scoring';
import {
  DEFAULT_CALENDAR,
  WorkingDays,
  type Month,
  type WorkCalendar,
} from '../../src-shared/targets-calendar';
import { TARGET_KPIS, type TargetKpi } from '../../src-shared/targets';
import type { Sqlite } from '../db/connection';
import { now as clockNow } from '../clock';

function readConfig<S extends z.ZodType>(
  db: Sqlite,
  key: string,
  schema: S,
  fallback: z.output<S>,
): z.output<S> {
  const raw = db.prepare('SELECT value FROM targets_config WHERE key = ?').pluck().get(key);
  if (typeof raw !== 'string') return fallback;
  const parsed = schema.safeParse(JSON.parse(raw));
  // A value an older build wrote in another shape: the default, rather than a broken page.
  return parsed.success ? parsed.data : fallback;
}

function writeConfig(db: Sqlite, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO targets_config(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function loadCalendar(db: Sqlite): WorkCalendar {
  const weekend = readConfig(db, 'weekend', CalendarSchema.shape.weekend, DEFAULT_CALENDAR.weekend);
  const rows = db.prepare('SELECT day, kind FROM work_calendar ORDER BY day').all() as {
    day: string;
    kind: 'holiday' | 'workday';
  }[];
  return {
    weekend,
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
    workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day),
  };
}

/** The workspace's working days, for the comparisons and the "last working day" that count them. */
export function workingDaysOf(ws: { db: Sqlite }): WorkingDays {
  return new WorkingDays(loadCalendar(ws.db));
}

export function saveCalendar(db: Sqlite, calendar: WorkCalendar): WorkCalendar {
  db.transaction(() => {
    writeConfig(db, 'weekend', [...new Set(calendar.weekend)].sort());
    db.prepare('DELETE FROM work_calendar').run();
    const insert = db.prepare(
      'INSERT INTO work_calendar(day, kind) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET kind = excluded.kind',
    );
    for (const day of calendar.holidays) insert.run(day, 'holiday');
    // A day listed as both: the make-up working day wins (it is the later, deliberate edit).
    for (const day of calendar.workdays) insert.run(day, 'workday');
  })();
  return loadCalendar(db);
}

const profileKey = (campaignId?: number) => (campaignId ? `profile:campaign:${campaignId}` : 'profile');

/** A campaign without a profile of its own is scored with the workspace's. */
export function loadProfile(db: Sqlite, campaignId?: number): Required<ScoringProfile> {
  const base = readConfig(db, profileKey(), ProfileSchema, DEFAULT_PROFILE);
  const profile = campaignId ? readConfig(db, profileKey(campaignId), ProfileSchema, base) : base;
  return {
    ...profile,
    weights: { ...DEFAULT_PROFILE.weights, ...profile.weights },
    ratingWeights: { ...DEFAULT_PROFILE.ratingWeights, ...profile.ratingWeights },
  };
}

export function campaignsWithProfile(db: Sqlite): number[] {
  const keys = db
    .prepare("SELECT key FROM targets_config WHERE key LIKE 'profile:campaign:%'")
    .pluck()
    .all() as string[];
  return keys.map((k) => Number(k.slice('profile:campaign:'.length))).filter((id) => id > 0);
}

export function dropProfile(db: Sqlite, campaignId: number): Required<ScoringProfile> {
  db.prepare('DELETE FROM targets_config WHERE key = ?').run(profileKey(campaignId));
  return loadProfile(db, campaignId);
}

export function saveProfile(
  db: Sqlite,
  profile: ScoringProfile,
  campaignId?: number,
): Required<ScoringProfile> {
  writeConfig(db, profileKey(campaignId), profile);
  return loadProfile(db, campaignId);
}

export function loadBonusSheet(db: Sqlite): BonusSheet {
  return readConfig(db, 'bonusSheet', BonusSheetSchema, DEFAULT_BONUS_SHEET) as BonusSheet;
}

export function saveBonusSheet(db: Sqlite, sheet: BonusSheet): BonusSheet {
  writeConfig(db, 'bonusSheet', sheet);
  return loadBonusSheet(db);
}

export function loadThresholds(db: Sqlite): AlertThresholds {
  return readConfig(db, 'alertThresholds', ThresholdsSchema, DEFAULT_THRESHOLDS);
}

export function saveThresholds(db: Sqlite, t: AlertThresholds): AlertThresholds {
  writeConfig(db, 'alertThresholds', t);
  return loadThresholds(db);
}

export function loadTargets(db: Sqlite, month: Month): TargetEntry[] {
  const rows = db
    .prepare(
      'SELECT scope, scope_id AS scopeId, kpi, value FROM targets WHERE month = ? ORDER BY scope, scope_id',
    )
    .all(month) as TargetEntry[];
  return rows.filter((r) => (TARGET_KPIS as readonly string[]).includes(r.kpi));
}

export function saveTargets(
  db: Sqlite,
  month: Month,
  entries: readonly (Omit<TargetEntry, 'value'> & { value: number | null })[],
): number {
  const upsert = db.prepare(
    `INSERT INTO targets(month, scope, scope_id, kpi, value, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(month, scope, scope_id, kpi) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM targets WHERE month = ? AND scope = ? AND scope_id = ? AND kpi = ?');
  const now = clockNow();
  db.transaction(() => {
    for (const e of entries) {
      const scopeId = e.scope === 'all' ? 0 : e.scopeId;
      if (e.value === null) remove.run(month, e.scope, scopeId, e.kpi);
      else upsert.run(month, e.scope, scopeId, e.kpi, e.value, now);
    }
  })();
  return entries.length;
}

/** Targets of a month looked up by scope. */
export class TargetBook {
  private readonly map = new Map<string, number>();
  constructor(entries: readonly TargetEntry[]) {
    for (const e of entries) this.map.set(`${e.scope}:${e.scopeId}:${e.kpi}`, e.value);
  }
  get(scope: TargetEntry['scope'], scopeId: number, kpi: TargetKpi): number | null {
    return this.map.get(`${scope}:${scope === 'all' ? 0 : scopeId}:${kpi}`) ?? null;
  }
}

export function loadOverrides(db: Sqlite, month: Month): Map<number, { amount: number; reason: string }> {
  const rows = db
    .prepare('SELECT agent_id AS agentId, amount, reason FROM bonus_overrides WHERE month = ?')
    .all(month) as { agentId: number; amount: number; reason: string }[];
  return new Map(rows.map((r) => [r.agentId, { amount: r.amount, reason: r.reason }]));
}

export function saveOverride(
  db: Sqlite,
  month: Month,
  agentId: number,
  amount: number | null,
  reason: string,
): void {
  if (amount === null) {
    db.prepare('DELETE FROM bonus_overrides WHERE month = ? AND agent_id = ?').run(month, agentId);
    return;
  }
  db.prepare(
    `INSERT INTO bonus_overrides(month, agent_id, amount, reason, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(month, agent_id) DO UPDATE SET amount = excluded.amount, reason = excluded.reason,
       created_at = excluded.created_at`,
  ).run(month, agentId, amount, reason, clockNow());
}

export function loadAcks(db: Sqlite): Set<string> {
  return new Set(db.prepare('SELECT alert_key FROM alert_acks').pluck().all() as string[]);
}

export function saveAck(db: Sqlite, key: string, acked: boolean): void {
  if (acked)
    db.prepare('INSERT OR REPLACE INTO alert_acks(alert_key, acked_at) VALUES (?, ?)').run(key, clockNow());
  else db.prepare('DELETE FROM alert_acks WHERE alert_key = ?').run(key);
}
