/**
 * The WAL checkpoint of a large write, off the thread that answers the app. SQLite copies the
 * WAL's pages into the database file in the commit of the connection that took the WAL past
 * 1,000 pages: after a large import or undo that is the writer's own commit, on the main thread,
 * ~0.8 s per 1M calls during which no request is answered. Such a commit turns that off for
 * itself, and a short-lived thread of its own runs the checkpoint (PASSIVE: it waits for no
 * reader or writer, and leaves what it cannot copy to the next one). Meanwhile the app's answering
 * connection leaves it to that thread too: its next small commit (the import's activity-log line)
 * would otherwise do the same copying on the main thread. Closing the workspace waits for the
 * thread, so a file is never closed, copied or replaced under it.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Sqlite } from './connection';

/**
 * Rows written by one transaction from which its checkpoint goes to a thread: 10,000 calls fill
 * ~560 WAL pages, about half SQLite's own 1,000-page trigger. Smaller writes checkpoint as SQLite
 * does, in a few milliseconds.
 */
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
/** The long-lived connections of this process, by file, that stand aside while a thread checkpoints. */
const answering = new Map<string, Set<Sqlite>>();
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** Registers a long-lived connection that leaves a running background checkpoint alone; returns its removal. */
export function registerAnsweringConnection(db: Sqlite): () => void {
  const set = answering.get(db.name) ?? new Set<Sqlite>();
  answering.set(db.name, set);
  set.add(db);
  if (pending.has(db.name)) db.pragma('wal_autocheckpoint = 0');
  return () => {
    set.delete(db);
    if (set.size === 0) answering.delete(db.name);
  };
}

function setAutocheckpoint(file: string, pages: number): void {
  for (const db of answering.get(file) ?? []) if (db.open) db.pragma(`wal_autocheckpoint = ${pages}`);
}

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
  setAutocheckpoint(file, 0);
  void run.then(() => {
    if (pending.get(file) !== run) return;
    pending.delete(file);
    setAutocheckpoint(file, SQLITE_AUTOCHECKPOINT_PAGES);
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
