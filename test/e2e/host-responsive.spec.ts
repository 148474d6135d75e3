/**
 * A hostile preview does not stall the host: while browser mode previews a 12 MB file on one line
 * (no newline for the reader to stop at), dashboard calls keep answering quickly.
 *
 * "Quickly" is 200 ms at the 95th percentile, or on a loaded machine (CI's two busy cores) three
 * times the p95 of the same calls just before the preview, in the same run: there the load alone
 * put that p95 at 70-150 ms and the preview's p95 at 120-305 ms (the preview's thread takes a
 * core). A stalled host answers after the whole preview (seconds) and far fewer times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

/** The p-th percentile of `values` (nearest rank), computed here, not by the code under test. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

test('dashboard calls answer within 200 ms (p95), or 3x their own p95 when loaded, during a hostile preview', async ({
  app,
}) => {
  test.setTimeout(120_000);
  app.cli(['demo', '--agents', '12', '--days', '30', '--seed', '7']);
  const url = new URL(app.url);
  const token = url.searchParams.get('token')!;
  const api = (method: string, body: BodyInit, query = '') =>
    fetch(`${url.origin}/api/${method}${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body,
    });

  const hostile = path.join(app.dir, 'one-line.csv');
  fs.writeFileSync(hostile, 'agent,'.repeat(2 * 1024 * 1024));
  const uploaded = await api('import.upload', fs.readFileSync(hostile), '?name=one-line.csv');
  expect(uploaded.status).toBe(200);
  const { stagedId } = (await uploaded.json()) as { stagedId: string };

  const summary = JSON.stringify({ filter: { from: '2026-01-01', to: '2026-12-31' } });
  expect((await api('metrics.summary', summary)).status).toBe(200); // warm
  /** One dashboard call and a pause, as a page polling it would: how long the answer took. */
  const timedSummary = async () => {
    const started = performance.now();
    const r = await api('metrics.summary', summary);
    await r.arrayBuffer();
    const took = performance.now() - started;
    expect(r.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 25));
    return took;
  };
  // The anchor: the same calls with no preview running, on the machine as loaded as it is now.
  const anchor: number[] = [];
  for (let i = 0; i < 30; i++) anchor.push(await timedSummary());

  let previewDone = false;
  const preview = api('import.preview', JSON.stringify({ stagedId })).then(async (r) => {
    previewDone = true;
    return { status: r.status, body: (await r.json()) as { error?: { message: string } } };
  });
  const timings: number[] = [];
  while (!previewDone) timings.push(await timedSummary());
  const answered = await preview;
  // The reader cuts the 12 MB record at its bound and goes on: the preview answers, and small.
  expect(answered.status).toBe(200);
  expect(JSON.stringify(answered.body).length).toBeLessThan(1024 * 1024);
  expect(timings.length).toBeGreaterThan(10);
  const bar = Math.max(200, 3 * percentile(anchor, 95));
  expect(
    percentile(timings, 95),
    `p95 during the preview (anchor p95 ${percentile(anchor, 95)} ms)`,
  ).toBeLessThan(bar);
});
