/**
 * `npm run bench:copy [-- --rows N]`: copies a local workspace of N generated calls (default 200k,
 * imported through the real import path once and kept in .tmp/bench) into a fresh team workspace
 * on the test server of test/pg-admin.ts, as `callscope team copy` does, then copies it again (a
 * second copy adds nothing). The anchor, measured in the same run: psql's `\copy` of the same
 * calls' CSV into a bare table of text columns in a fresh database (it validates and remaps
 * nothing). Then the team workspace is exported into a new file (`team export`). Prints:
 *   copy <N> calls into PostgreSQL: <s> s (<calls/s>; CPU: callscope <s>, server <s>), <calls per CPU second>
 *   again (adds nothing): …
 *   export into a new file: …
 *   psql \copy of the same calls' CSV: <s> s, ratio <x>; peak RSS <MB> MB; load average …
 * The server's CPU is its backends' on the team workspace's database (/proc, polled): on a shared
 * machine wall time says little.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApi } from '../../src-main/api';
import { openWorkspace } from '../../src-main/workspace';
import { copyWorkspace } from '../../src-main/workspace-copy/copy';
import { createTestDatabase, withAdmin, type TestDatabase } from '../pg-admin';
import { writeCallsCsv } from './generate-calls';

const REPO = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(REPO, '.tmp/bench');

const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' } } });
const rows = Number(values.rows);
fs.mkdirSync(WORK, { recursive: true });

const csv = path.join(WORK, `calls-${rows}.csv`);
const source = path.join(WORK, `copy-source-${rows}.sqlite`);

if (!fs.existsSync(csv)) {
  process.stderr.write(`generating ${rows} calls into ${csv}\n`);
  await writeCallsCsv(`${csv}.part`, rows, 42, 'callscope');
  fs.renameSync(`${csv}.part`, csv);
}
if (!fs.existsSync(source)) {
  process.stderr.write(`importing them into ${source}\n`);
  const partial = `${source}.part`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  const ws = await openWorkspace(partial);
  const api = createApi(ws);
  await api.dispatch('settings.update', { timeZone: 'Asia/Shanghai' });
  const job = await api.jobs.wait(api.startImport(csv, {}));
  await api.close();
  await ws.close();
  if (job.status !== 'done' || job.result?.inserted !== rows) throw new Error(job.error ?? 'import failed');
  fs.renameSync(partial, source);
}

/**
 * CPU seconds the server's backends of database `name` have used, polled while `work` runs (a
 * backend's counters are cumulative: the last reading of each counts, also of one that exited).
 * The machine is shared, so wall time says little; CPU time is this copy's own.
 */
async function serverCpuDuring<T>(name: string, work: () => Promise<T>): Promise<{ value: T; cpu: number }> {
  const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  const pidsOf = () =>
    withAdmin(async (c) => {
      const r = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
      return r.rows.map((row) => row.pid);
    });
  const ticksOf = (pid: number): number | null => {
    try {
      // fields 14 and 15 (utime, stime) after the command's parenthesised name
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  };
  const before = new Map<number, number>();
  for (const pid of await pidsOf()) before.set(pid, ticksOf(pid) ?? 0);
  const last = new Map<number, number>();
  const poll = async () => {
    for (const pid of await pidsOf()) {
      const t = ticksOf(pid);
      if (t !== null) last.set(pid, t);
    }
  };
  let running = true;
  const polling = (async () => {
    while (running) {
      await poll();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    const value = await work();
    await poll();
    let ticks = 0;
    for (const [pid, t] of last) ticks += t - (before.get(pid) ?? 0);
    return { value, cpu: ticks / ticksPerSecond };
  } finally {
    running = false;
    await polling;
  }
}

interface Timed {
  seconds: number;
  /** this process's CPU seconds */
  cpu: number;
  /** the server's CPU seconds on the target database */
  serverCpu: number;
  added: number;
}

/** One copy of the workspace `fromTarget` into `toTarget`, timed; `server` is the team workspace's. */
async function timedCopy(fromTarget: string, toTarget: string, server: TestDatabase): Promise<Timed> {
  const from = await openWorkspace(fromTarget, { readOnly: true });
  const to = await openWorkspace(toTarget);
  try {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const { value: result, cpu: serverCpu } = await serverCpuDuring(server.name, () =>
      copyWorkspace(from, to),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return { seconds, cpu: (cpu.user + cpu.system) / 1e6, serverCpu, added: result.tables.calls?.added ?? 0 };
  } finally {
    await to.close();
    await from.close();
  }
}

/** Wall seconds of psql's `\copy` of the calls' CSV into a bare table of text columns, in a fresh database. */
async function psqlCopySeconds(): Promise<number> {
  const db = await createTestDatabase('callscope_bench_anchor');
  try {
    const columns = fs.readFileSync(csv, 'utf8').slice(0, 4096).split('\n')[0]!.split(',').length;
    const psql = (command: string) => {
      const r = spawnSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, '-c', command], {
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
    };
    psql(`CREATE TABLE bare (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(', ')})`);
    const started = performance.now();
    psql(`\\copy bare FROM '${csv}' WITH (FORMAT csv, HEADER true)`);
    return (performance.now() - started) / 1000;
  } finally {
    await db.drop();
  }
}

const target = await createTestDatabase('callscope_bench_copy');
try {
  const first = await timedCopy(source, target.url, target);
  if (first.added !== rows) throw new Error(`copied ${first.added} of ${rows} calls`);
  const again = await timedCopy(source, target.url, target);
  if (again.added !== 0) throw new Error(`a second copy added ${again.added} calls`);
  const exportFile = path.join(WORK, `copy-export-${rows}.sqlite`);
  for (const f of [exportFile, `${exportFile}-wal`, `${exportFile}-shm`]) fs.rmSync(f, { force: true });
  const exported = await timedCopy(target.url, exportFile, target);
  if (exported.added !== rows) throw new Error(`exported ${exported.added} of ${rows} calls`);
  const anchor = await psqlCopySeconds();
  const rss = process.resourceUsage().maxRSS / 1024;
  const figures = (t: Timed) =>
    `${t.seconds.toFixed(2)} s (${Math.round(rows / t.seconds)} calls/s; CPU: callscope ${t.cpu.toFixed(2)} s, server ${t.serverCpu.toFixed(2)} s)`;
  process.stdout.write(
    `copy ${rows} calls into PostgreSQL: ${figures(first)}, ${Math.round(rows / (first.cpu + first.serverCpu))} calls per CPU second\n` +
      `again (adds nothing): ${figures(again)}\n` +
      `export into a new file: ${figures(exported)}\n` +
      `psql \\copy of the same calls' CSV: ${anchor.toFixed(2)} s, ratio ${(first.seconds / anchor).toFixed(2)}; peak RSS ${rss.toFixed(0)} MB; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`,
  );
} finally {
  await target.drop();
}
