/**
 * Re-saving an export the way a spreadsheet does must not change a single figure: quotes dropped,
 * start times rewritten as `2026/11/3 9:15`, the columns in another order, a totals row appended.
 * Property-tested over column orders on the cloud-PBX telesales report (which no named layout
 * reads: the columns are found from their content and header words each time).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  englishAgents,
  isoDate,
  makeCalls,
  PBX_HEADER,
  pbxRows,
  spreadsheetTime,
  type Call,
} from '../fixtures/business-exports';
import { openTestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const range = { from: '2026-11-01', to: '2026-11-30' };
const calls = makeCalls(41, 36, [2, 3, 16, 24], englishAgents);
const truth: TruthCall[] = calls.map((c: Call) => ({
  day: isoDate(c),
  agent: c.agentCode,
  direction: 'outbound',
  answered: c.answered,
  talk: c.talk,
}));

/** The report as a spreadsheet saves it back, its columns in `order`. */
function resaved(order: readonly number[]): string {
  const rows = [PBX_HEADER, ...pbxRows(calls, spreadsheetTime)].map((r) => order.map((i) => r[i]!));
  const talk = calls.reduce((n, c) => n + c.talk, 0);
  const totals = order.map(() => '');
  totals[0] = 'Totals';
  const talkAt = order.indexOf(PBX_HEADER.indexOf('Talk Time - HH:MM:SS'));
  if (talkAt > 0) totals[talkAt] = String(talk);
  return [...rows, totals].map((r) => r.join(',')).join('\n') + '\n';
}

describe('a report re-saved by a spreadsheet', () => {
  it('gives the same per-day and per-agent figures whatever the column order', async () => {
    const indexes = PBX_HEADER.map((_, i) => i);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(indexes, { minLength: indexes.length }), async (order) => {
        const t = await openTestWorkspace({ timeZone: 'America/New_York' });
        try {
          const file = path.join(t.dir, 'resaved.csv');
          fs.writeFileSync(file, resaved(order));
          const job = await t.importFile(file);
          expect(job.error).toBeNull();
          expect(job.result).toMatchObject({ inserted: calls.length, rejected: 0 });
          await expectHandCounts(t, truth, range);
        } finally {
          await t.close();
        }
      }),
      { numRuns: 6, seed: 20261207 },
    );
  }, 120_000);
});
