/**
 * The KPIs a coaching note was written against, taken once from the rollups and stored with the
 * note as JSON: the note keeps showing the numbers that were discussed after later imports.
 */
import type { Kysely } from 'kysely';
import { KpiSnapshotSchema, type KpiSnapshot } from '../../src-shared/api';
import type { DayRange } from '../../src-shared/periods';
import type { Database } from '../db/schema';
import { summary } from '../metrics/queries';
import { now as clockNow } from '../clock';

export async function takeKpiSnapshot(
  db: Kysely<Database>,
  agentId: number,
  range: DayRange,
): Promise<KpiSnapshot> {
  const s = await summary(db, { from: range.from, to: range.to, agentId });
  return {
    from: range.from,
    to: range.to,
    values: s.current,
    activeDays: s.activeDays,
    agentDays: s.agentDays,
    takenAt: clockNow(),
  };
}

export function readKpiSnapshot(json: string | null): KpiSnapshot | null {
  if (json === null) return null;
  return KpiSnapshotSchema.parse(JSON.parse(json));
}
