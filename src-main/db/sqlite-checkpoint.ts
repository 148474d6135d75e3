/**
 * The WAL checkpoint of a large write, off the thread that answers the app. SQLite copies the
 * WAL's pages into the database file in the commit of the connection that took the WAL past
 * 1,000 pages: after a large import or undo that is the writer's own commit, on the main thread,
 * ~0.8 s per 1M calls during which no request is answered. Such a commit turns that off for
 * itself, and a short-lived thread of its own runs the checkpoint (PASSIVE: it waits for no
 * reader or writer, and leaves what it cannot copy to the next one). Closing the workspace waits
 * for it, so a file is never closed, copied or replaced under it.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Sqlite } from './connection';

/** Rows written by one transaction from which its checkpoint goes to a thread (~1,000 WAL pages). */
export const LARGE_WRITE_ROWS = 10_000;

// The thread only needs the driver: plain CommonJS, so it runs the same from the sources (tsx,
// vitest) and from the desktop bundle, given the driver's resolved path.
const CHECKPOINT_THREAD = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  db.pragma('wal_checkpoint(PASSIVE)');
} finally {
  db.close();
}
`;

const pending = new Map<string, Promise<void>>();

/** Runs a PASSIVE checkpoint of `file` on a thread of its own; a failure leaves it to SQLite. */
export function checkpointInBackground(file: string): Promise<void> {
  const before = pending.get(file) ?? Promise.resolve();
  const run = before.then(
    () =>
      new Promise<void>((resolve) => {
        // A failure (no thread, a file gone, a busy lock) costs nothing: SQLite checkpoints in the
        // next commit of a connection that has not turned it off.
        try {
          const driver = createRequire(import.meta.url).resolve('better-sqlite3');
          const worker = new Worker(CHECKPOINT_THREAD, { eval: true, workerData: { driver, file } });
          worker.on('error', () => undefined);
          worker.once('exit', () => resolve());
        } catch {
          resolve();
        }
      }),
  );
  pending.set(file, run);
  void run.then(() => {
    if (pending.get(file) === run) pending.delete(file);
  });
  return run;
}

/** Resolves when no checkpoint of `file` started here is still running. */
export async function checkpointsSettled(file: string): Promise<void> {
  for (let running = pending.get(file); running; running = pending.get(file)) await running;
}

/**
 * Commits the connection's transaction. After `rows` ≥ LARGE_WRITE_ROWS the commit leaves the
 * checkpoint to `checkpoint` (a thread, checkpointInBackground) instead of running it itself.
 */
export function commitWrite(
  db: Sqlite,
  rows: number,
  checkpoint: (file: string) => unknown = checkpointInBackground,
): void {
  const large = rows >= LARGE_WRITE_ROWS;
  if (large) db.pragma('wal_autocheckpoint = 0');
  db.exec('COMMIT');
  if (large) void checkpoint(db.name);
}
