/** One timed import in a fresh process, so its peak RSS is its own. Prints JSON on stdout. */
import { openWorkspace } from '../../src-main/workspace';
import { openBenchApi } from './bench-api';

const [file, db] = process.argv.slice(2) as [string, string];
const ws = await openWorkspace(db);
const api = await openBenchApi(ws);
const set = await api.dispatch('settings.update', { timeZone: 'Asia/Shanghai' });
if (!set.ok) throw new Error(set.error.message);
const started = performance.now();
const job = await api.jobs.wait(api.startImport(file, {}));
const seconds = (performance.now() - started) / 1000;
await api.close();
await ws.close();
if (job.status !== 'done') throw new Error(job.error ?? job.status);
process.stdout.write(
  JSON.stringify({
    seconds,
    rows: job.result!.rows,
    inserted: job.result!.inserted,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
