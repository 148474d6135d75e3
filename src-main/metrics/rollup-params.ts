/**
 * The workspace parameters its rollup counts are computed with (src-shared/kpi.ts RollupParams):
 * the effective threshold of its settings and the short-call seconds of its alert thresholds. Every
 * writer of the rollups (import, undo, rebuild) reads them here, so all compute alike.
 */
import type { Kysely } from 'kysely';
import type { RollupParams } from '../../src-shared/kpi';
import type { Database } from '../db/schema';
import { loadSettings } from '../settings';
import { loadThresholds } from '../targets/store';

export async function loadRollupParams(db: Kysely<Database>): Promise<RollupParams> {
  const [settings, thresholds] = await Promise.all([loadSettings(db), loadThresholds(db)]);
  return { threshold: settings.effectiveThresholdSeconds, short: thresholds.shortSeconds };
}
