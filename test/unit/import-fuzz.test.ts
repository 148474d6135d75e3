/**
 * A corpus of mutated import files, all imported into one real workspace through the real
 * pipeline: every seed fixture (each layout, each encoding, a workbook) truncated, with bytes
 * flipped, lines dropped or doubled, a huge field, a 100,000-column row, a stray quote, NUL bytes,
 * pure binary, empty, or only its header. Every file must end in a clear error naming it, or in an
 * import with its bad rows rejected; never a crash or a hang; and afterwards the database is
 * intact and its rollups exact. Seeded: a failure names the file to reproduce it with.
 * By default a fixed sample of the corpus (its first 200 files, same seed) keeps the unit run
 * fast; CALLSCOPE_FUZZ_FULL=1 runs all 1,000, CALLSCOPE_FUZZ_FILES=<n> any number;
 * CALLSCOPE_FUZZ_SHOW=1 prints every error message. The hostile files of issue 18 (bombs, huge
 * values, runaway records, truncation) are in import-hostile.test.ts, each with a memory bound.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../src-main/demo/random';
import type { Job } from '../../src-shared/api';
import { FIXTURES, openTestWorkspace, sqlRows, type TestWorkspace } from '../helpers';

const FILES = Number(process.env.CALLSCOPE_FUZZ_FILES ?? (process.env.CALLSCOPE_FUZZ_FULL ? 1000 : 200));
const SEED = 20261122;
const PER_FILE_TIMEOUT_MS = 30_000;

const SEEDS = fs
  .readdirSync(path.join(FIXTURES, 'calls'))
  .filter((n) => /\.(csv|txt|xlsx)$/.test(n))
  .map((n) => ({ name: n, bytes: fs.readFileSync(path.join(FIXTURES, 'calls', n)) }));

type Mutation = (bytes: Buffer, rnd: Random) => Buffer;

const lineBreaks = (b: Buffer) => [...b.entries()].filter(([, v]) => v === 0x0a).map(([i]) => i);

const MUTATIONS: Record<string, Mutation> = {
  truncated: (b, rnd) => b.subarray(0, rnd.int(0, b.length)),
  flipped: (b, rnd) => {
    const out = Buffer.from(b);
    for (let i = rnd.int(1, 24); i > 0 && out.length > 0; i--)
      out[rnd.int(0, out.length - 1)] = rnd.int(0, 255);
    return out;
  },
  lineDropped: (b, rnd) => {
    const breaks = lineBreaks(b);
    if (breaks.length < 2) return b;
    const i = rnd.int(0, breaks.length - 2);
    return Buffer.concat([b.subarray(0, breaks[i]!), b.subarray(breaks[i + 1]!)]);
  },
  linesDoubled: (b) => Buffer.concat([b, Buffer.from('\n'), b]),
  hugeField: (b, rnd) => {
    const at = rnd.pick(lineBreaks(b).concat([b.length]));
    return Buffer.concat([
      b.subarray(0, at),
      Buffer.from(`\n${'x'.repeat(rnd.int(1, 4) << 20)},1,2`),
      b.subarray(at),
    ]);
  },
  manyColumns: (b) => Buffer.concat([b, Buffer.from(`\n${',7'.repeat(100_000)}\n`)]),
  strayQuote: (b, rnd) => {
    const at = rnd.int(0, b.length);
    return Buffer.concat([b.subarray(0, at), Buffer.from('"'), b.subarray(at)]);
  },
  nulBytes: (b, rnd) => {
    const out = Buffer.from(b);
    for (let i = rnd.int(1, 8); i > 0 && out.length > 0; i--) out[rnd.int(0, out.length - 1)] = 0;
    return out;
  },
  binary: (_b, rnd) => Buffer.from(Array.from({ length: rnd.int(1, 20_000) }, () => rnd.int(0, 255))),
  empty: () => Buffer.alloc(0),
  headerOnly: (b) => {
    const first = lineBreaks(b)[0];
    return first === undefined ? b : b.subarray(0, first + 1);
  },
};

let t: TestWorkspace;
beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' });
});
afterAll(async () => t?.close());

function withTimeout(job: Promise<Job>, file: string): Promise<Job> {
  return Promise.race([
    job,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${file} hung for ${PER_FILE_TIMEOUT_MS} ms`)), PER_FILE_TIMEOUT_MS),
    ),
  ]);
}

describe(`${FILES} mutated import files (seed ${SEED})`, () => {
  it('each ends in a clear error or an import with rejects; the database stays intact and exact', async () => {
    const rnd = new Random(SEED);
    const names = Object.keys(MUTATIONS);
    const outcomes = { done: 0, failed: 0, rejectedRows: 0 };
    const dir = path.join(t.dir, 'corpus');
    fs.mkdirSync(dir);
    for (let i = 0; i < FILES; i++) {
      const seed = SEEDS[i % SEEDS.length]!;
      const mutation = names[rnd.int(0, names.length - 1)]!;
      const file = path.join(dir, `${String(i).padStart(4, '0')}-${mutation}-${seed.name}`);
      fs.writeFileSync(file, MUTATIONS[mutation]!(seed.bytes, rnd));
      const job = await withTimeout(t.importFile(file), path.basename(file));
      if (job.status === 'done') {
        outcomes.done++;
        outcomes.rejectedRows += job.result!.rejected;
      } else {
        outcomes.failed++;
        if (process.env.CALLSCOPE_FUZZ_SHOW) console.log(job.error);
        expect(job.status, path.basename(file)).toBe('failed');
        // A clear message: it names the file, and it is a sentence, not a stack or a bare code.
        expect(job.error, path.basename(file)).toContain(path.basename(file));
        expect(job.error!).not.toMatch(/\n\s+at |undefined|\[object Object\]|NaN/);
      }
      fs.rmSync(file);
    }
    expect(outcomes.done + outcomes.failed).toBe(FILES);
    // Both ends occur: the corpus exercises the failure path and the partial-import path.
    expect(outcomes.failed).toBeGreaterThan(FILES / 20);
    expect(outcomes.done).toBeGreaterThan(FILES / 5);
    expect(outcomes.rejectedRows).toBeGreaterThan(0);

    // A workspace file is sound as a file too (PostgreSQL checks its own pages and keys as it writes).
    if (t.ws.engine === 'sqlite') {
      expect(t.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(t.ws.db.pragma('foreign_key_check')).toEqual([]);
    }
    const one = async (text: string) => (await sqlRows<{ n: number }>(t, text))[0]!.n;
    const stored = await one('SELECT COUNT(*) AS n FROM calls');
    expect(stored).toBe(await one("SELECT SUM(inserted) AS n FROM import_batches WHERE status = 'done'"));
    expect(await one("SELECT COUNT(*) AS n FROM import_batches WHERE status = 'running'")).toBe(0);
    const outbound = await one("SELECT COUNT(*) AS n FROM calls WHERE direction = 'outbound'");
    expect(await one('SELECT COALESCE(SUM(dials), 0) AS n FROM daily_agent_stats')).toBe(outbound);
    expect(await one('SELECT COALESCE(SUM(dials), 0) AS n FROM hourly_agent_stats')).toBe(outbound);
  }, 900_000);
});
