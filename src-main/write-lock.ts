/**
 * One queue for every write to a workspace, so two writes never interleave (Actual's "mutator").
 * An import holds it for its whole transaction on its own connection; a settings change that
 * arrives meanwhile waits for it instead of blocking the thread on SQLITE_BUSY.
 *
 * Across processes (the CLI importing while the app is open, two CLI imports, two machines on one
 * team workspace) the queue's holder also holds a cross-process lock naming what it does: a lock
 * file beside a SQLite workspace (here), a PostgreSQL advisory lock for a team workspace
 * (db/pg-advisory-lock.ts). A writer that finds it held waits in line, asynchronously (reads keep
 * answering), and says what it waits for: "waiting for the import of calls.csv to finish". A lock
 * whose holder is gone (killed) is taken over.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { ApiError } from './errors';
import { processAlive } from './owned-temp';
import { waitingMessage } from '../src-shared/write-wait';

/** What a write is, in the words a waiting writer shows: "the import of calls.csv". */
export type WriteLabel = string;

export interface WriteOptions {
  label?: WriteLabel;
  /** called (once per holder) while this write waits for another process's write */
  onWait?: (message: string) => void;
  /** not waiting: called instead of `work` when another process holds the lock */
  skipIfHeld?: () => void;
}

/** Lets go of a cross-process lock taken. */
export type Release = () => void | Promise<void>;

/**
 * The part of the write lock that reaches other processes. `take` returns the release, or null
 * when the lock is held and `waitInLine` is false; while waiting it polls, and tells `onWait` each
 * new holder's "waiting for …" sentence once.
 */
export interface CrossProcessLock {
  take(
    label: WriteLabel,
    onWait: ((message: string) => void) | undefined,
    waitInLine: boolean,
  ): Promise<Release | null>;
  /** Lets go of what the lock holds open (a connection); the lock is free after. */
  close?(): Promise<void>;
}

interface LockHolder {
  pid: number;
  token: string;
  label: WriteLabel;
}

export const LOCK_POLL_MS = 100;
export const DEFAULT_LABEL = 'a change made in another Callscope';

function readHolder(lockFile: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockHolder;
  } catch {
    return null; // gone meanwhile, or caught half-written
  }
}

/** The lock file that stands for "this workspace is being written" across processes. */
export function writerLockFile(workspaceFile: string): string {
  return `${workspaceFile}.writer-lock`;
}

/** A SQLite workspace's cross-process lock: a file beside it naming its holder. */
export function fileLock(lockFile: string): CrossProcessLock {
  return { take: (label, onWait, waitInLine) => takeFileLock(lockFile, label, onWait, waitInLine) };
}

/**
 * Takes the cross-process lock, waiting (asynchronously) while a live process holds it: null when
 * `waitInLine` is false and it is held, or when it is still held after `waitAtMostMs`.
 */
export async function takeFileLock(
  lockFile: string,
  label: WriteLabel,
  onWait?: (message: string) => void,
  waitInLine = true,
  waitAtMostMs = Infinity,
): Promise<(() => void) | null> {
  const me: LockHolder = { pid: process.pid, token: randomUUID(), label };
  let announced: string | null = null;
  const giveUpAt = performance.now() + waitAtMostMs; // elapsed time, not the app clock (tests pin that)
  for (;;) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      return () => {
        if (readHolder(lockFile)?.token === me.token) fs.rmSync(lockFile, { force: true });
      };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A folder that takes no new files (read-only) takes no writes either: SQLite says so.
      if (code !== 'EEXIST') return () => undefined;
    }
    const holder = readHolder(lockFile);
    if (holder && !processAlive(holder.pid)) {
      fs.rmSync(lockFile, { force: true }); // left by a killed process
      continue;
    }
    if (!waitInLine || performance.now() >= giveUpAt) return null;
    if (holder && holder.token !== announced) {
      announced = holder.token;
      onWait?.(waitingMessage(holder.label));
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

function isBusy(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : '';
  return /^SQLITE_(BUSY|LOCKED)/.test(String(code));
}

export class WriteLock {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  /**
   * `refusal`: the workspace takes no writes (opened read-only); every write fails with it.
   * `crossProcess`: the lock other processes see (absent: this process is the only writer).
   */
  constructor(
    private readonly refusal?: string,
    private readonly crossProcess?: CrossProcessLock,
  ) {}

  get busy(): boolean {
    return this.holders > 0;
  }

  /** Resolves when every write queued so far has finished (closing waits for this). */
  async idle(): Promise<void> {
    await this.tail;
  }

  /** After the last write: lets go of the cross-process lock's resources. */
  async close(): Promise<void> {
    await this.idle();
    await this.crossProcess?.close?.();
  }

  /**
   * Runs `work` only if no other process is writing now (housekeeping that can wait for the next
   * start); null when it did not run.
   */
  async runIfFree<T>(work: () => Promise<T> | T, label: WriteLabel): Promise<T | null> {
    let skipped = false;
    const result = await this.run(work, { label, skipIfHeld: () => (skipped = true) });
    return skipped ? null : result;
  }

  async run<T>(work: () => Promise<T> | T, options: WriteOptions = {}): Promise<T> {
    if (this.refusal !== undefined) throw new ApiError('conflict', this.refusal);
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.holders++;
    let unlock: Release = () => undefined;
    try {
      if (this.crossProcess) {
        const taken = await this.crossProcess.take(
          options.label ?? DEFAULT_LABEL,
          options.onWait,
          options.skipIfHeld === undefined,
        );
        if (taken === null) {
          options.skipIfHeld?.();
          return undefined as T;
        }
        unlock = taken;
      }
      return await work();
    } catch (err) {
      // Another program (not a Callscope) writing: say so, never a stack trace.
      if (isBusy(err))
        throw new ApiError('busy', 'Another program is writing to this workspace; try again in a moment.');
      throw err;
    } finally {
      await unlock();
      this.holders--;
      release();
    }
  }
}
