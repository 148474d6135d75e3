/** Loading the demo floor into a workspace as one undoable batch. */
import type { ImportResult } from '../../src-shared/api';
import type { Language } from '../../src-shared/domain';
import { addDays, todayIn, type Day } from '../../src-shared/time';
import { now } from '../clock';
import { runBatch } from '../import/batch';
import type { JobContext } from '../jobs';
import { phoneSalt, saveSettings } from '../settings';
import { holdsNoDays } from '../zone/change';
import type { Workspace } from '../workspace';
import { generateDemoCalls } from './generate';

export const DEMO_FILE_NAME = 'Demo workspace';
/** The demo floor is a Chinese telesales floor: an empty workspace takes its zone with it. */
export const DEMO_TIME_ZONE = 'Asia/Shanghai';
const CHUNK = 5000;

export async function loadDemo(
  ws: Workspace,
  options: {
    agents: number;
    days: number;
    seed: number;
    language: Language;
    /** the last generated day; default yesterday. Tests pin it: the same seed then gives the same calendar */
    lastDay?: Day;
  },
  ctx: JobContext,
): Promise<ImportResult> {
  // Into a workspace that holds calls the demo goes in that workspace's zone (days follow the zone).
  await ws.writes.run(async () => {
    if (await holdsNoDays(ws.kysely)) await saveSettings(ws.kysely, { timeZone: DEMO_TIME_ZONE });
  });
  const { timeZone } = await ws.settings();
  const { lastDay = addDays(todayIn(timeZone, now()), -1), ...generated } = options;
  const salt = await phoneSalt(ws.kysely);
  const meta = { fileName: DEMO_FILE_NAME, fileSize: 0, preset: 'demo', mapping: generated, timeZone };
  const totals = await runBatch(ws, meta, ctx, async (batch) => {
    let rows = 0;
    for (const call of generateDemoCalls({ ...generated, lastDay, timeZone, salt })) {
      batch.writer.insert(call);
      if (++rows % CHUNK === 0) await batch.tick(rows, null, rows);
    }
    return { rows, sha256: '' };
  });
  return { file: DEMO_FILE_NAME, preset: 'demo', ...totals };
}
