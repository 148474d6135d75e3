/**
 * `npm run web -- [--port N] [--db <path>]`: runs Callscope in the browser. Prints the address
 * (with its per-launch token) on stdout; everything else goes to stderr.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApi } from '../api';
import { recordingSource } from '../audits/recordings';
import { defaultDbPath } from '../paths';
import { scheduleDailyBackups } from '../backups';
import { openWorkspace } from '../workspace';
import { startWebHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../../out/renderer');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, db: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${values.port}"`);
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  const ws = await openWorkspace(dbPath);
  const api = createApi(ws, { onInternalError: (err) => console.error(err) });
  const host = await startWebHost({ api, rendererDir: RENDERER_DIR, port, recordings: recordingSource(ws) });
  const stopBackups = scheduleDailyBackups(ws, (err) => console.error('daily backup failed:', err));
  process.stderr.write(`Callscope browser mode — workspace ${dbPath}\nOpen this address (loopback only):\n`);
  process.stdout.write(`${host.url}\n`);
  const stop = async () => {
    stopBackups();
    await host.close();
    await api.close();
    await ws.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`callscope web: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
