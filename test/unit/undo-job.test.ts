/**
 * Undoing a big batch runs as a job with progress, and the host keeps answering meanwhile.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-shared/api';
import { writeCallLog } from '../call-log';
import { countRows, openTestWorkspace, type TestWorkspace } from '../helpers';

const ROWS = 150_000;
const NOVEMBER = { filter: { from: '2026-11-01', to: '2026-11-30' } };

describe('undo as a job', () => {
  let t: TestWorkspace;
  let batchId: number;
  beforeAll(async () => {
    t = await openTestWorkspace();
    const file = path.join(t.dir, 'big.csv');
    writeCallLog(file, 'U', ROWS);
    const job = await t.importFile(file);
    expect(job.result).toMatchObject({ inserted: ROWS });
    batchId = job.result!.batchId;
  }, 240_000);
  afterAll(() => t.close());

  it('removes every call with progress while dashboard calls keep answering', async () => {
    const seen: Job[] = [];
    const off = t.api.jobs.onUpdate((job) => job.kind === 'undo' && seen.push(job));
    const { jobId } = await t.call('import.undoStart', { batchId });
    let finished = false;
    const done = t.api.jobs.wait(jobId).then((job) => {
      finished = true;
      return job;
    });
    // The progress the undo had reached when each dashboard answer came: answers between its steps,
    // not queued behind the whole undo (no clock read: a loaded machine makes both slower alike).
    const progressAtAnswer: number[] = [];
    while (!finished) {
      await t.call('metrics.summary', NOVEMBER);
      if (!finished) progressAtAnswer.push(seen.at(-1)?.done ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const job = await done;
    off();
    expect(job).toMatchObject({ kind: 'undo', status: 'done', error: null });
    // Progress went up in steps to every call of the batch.
    const running = seen.filter((j) => j.status === 'running' && j.total !== null);
    expect(running.length).toBeGreaterThan(1);
    expect(running.at(-1)!.total).toBe(ROWS);
    expect(job.done).toBe(ROWS);
    const midway = new Set(progressAtAnswer.filter((done) => done > 0 && done < ROWS));
    expect(midway.size, `progress at each answer: ${progressAtAnswer.join(', ')}`).toBeGreaterThan(2);

    expect(await countRows(t, 'calls')).toBe(0);
    expect(
      await t.ws.kysely
        .selectFrom('import_batches')
        .select('status')
        .where('id', '=', batchId)
        .executeTakeFirst(),
    ).toEqual({
      status: 'undone',
    });
    const summary = await t.call('metrics.summary', NOVEMBER);
    expect(summary.current.dials).toBe(0);
  }, 240_000);

  it('a second undo of the same batch fails as a job, saying why', async () => {
    const { jobId } = await t.call('import.undoStart', { batchId });
    const job = await t.api.jobs.wait(jobId);
    expect(job).toMatchObject({ status: 'failed', error: `import batch ${batchId} is undone, not done` });
  });
});
