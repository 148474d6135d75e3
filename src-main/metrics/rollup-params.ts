/**
 * The workspace parameters its rollup counts are computed with (src-shared/kpi.ts RollupParams):
 * the effective threshold of its settings and the short-call seconds of its alert thresholds. Every
 * writer of the rollups (import, undo, rebuild) reads them here, so all compute alike.
 */
import type { Kysely } from 'kysely';
import type { RollupParams } from '../../src-shared/kpi';
import type { Database } from '../db/schema';
import { rebuildRollups } from './rollup';
import { loadSettings } from '../settings';
import { loadThresholds } from '../targets/store';

export async function loadRollupParams(db: Kysely<Database>): Promise<RollupParams> {
  const [settings, thresholds] = await Promise.all([loadSettings(db), loadThresholds(db)]);
  return { threshold: settings.effectiveThresholdSeconds, short: thresholds.shortSeconds };
}

/**
 * Call after a change that may touch a parameter (settings, alert thresholds), in its transaction,
 * with the parameters read before it: when one changed, the rollups are recomputed from the calls.
 */
export async function rebuildRollupsIfParamsChanged(
  db: Kysely<Database>,
  before: RollupParams,
): Promise<void> {
  const after = await loadRollupParams(db);
  if (after.threshold !== before.threshold || after.short !== before.short) await rebuildRollups(db, after);
}
