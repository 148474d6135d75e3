/**
 * `npm run web -- [--port N] [--db <path>|postgres://…]`: runs Callscope in the browser. Prints the address
 * (with its per-launch token) on stdout; everything else goes to stderr.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../paths';
import { scheduleDailyBackups } from '../backups';
import { openSession } from '../session';
import { startWebHost } from './server';
import { resolveTarget, shownTarget } from '../workspace-target';

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
  const dbPath = resolveTarget(values.db ?? defaultDbPath());
  const session = await openSession(dbPath, {
    onInternalError: (err) => console.error(err),
    onOpen: (ws) =>
      ws.readOnly
        ? () => undefined
        : scheduleDailyBackups(ws, (err) => console.error('daily backup failed:', err)),
  });
  const host = await startWebHost({
    api: session,
    rendererDir: RENDERER_DIR,
    port,
    recordings: session.recordings,
  });
  const opened = session.state();
  if (opened.state === 'failed') {
    // Still serve: the page shows the failure and the ways out (read-only, restore, retry).
    process.stderr.write(`The workspace could not be opened: ${opened.message}\n`);
  }
  if (process.env.CALLSCOPE_DESKTOP_UNAVAILABLE) {
    // Started by `npm start` where Electron cannot run: one calm line, not a failure report.
    process.stdout.write(`The desktop shell is not available here; opening in your browser at ${host.url}\n`);
  } else {
    process.stderr.write(
      `Callscope browser mode — workspace ${shownTarget(dbPath)}\nOpen this address (loopback only):\n`,
    );
    process.stdout.write(`${host.url}\n`);
  }
  const stop = async () => {
    await host.close();
    await session.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`callscope web: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
