/**
 * Long jobs (import, demo): started by a call, watched by polling `jobs.get` or by listening to
 * updates (the Electron door forwards them as events), cancelled through an AbortSignal.
 */
import { randomUUID } from 'node:crypto';
import type { ImportResult, Job, MessageCode } from '../src-shared/api';
import { ApiError } from './errors';
import { now as clockNow } from './clock';

export type Progress = (done: number, total: number | null, rows: number, note?: string) => void;

export interface JobContext {
  progress: Progress;
  signal: AbortSignal;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled();
}

type Listener = (job: Job) => void;

const KEEP_FINISHED = 50;
/** Progress is forwarded at most this often, however fast a job reports it. */
const UPDATE_INTERVAL_MS = 100;

export class JobRegistry {
  private readonly jobs = new Map<string, { job: Job; controller: AbortController; lastSent: number }>();
  private readonly listeners = new Set<Listener>();

  onUpdate(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(kind: Job['kind'], run: (ctx: JobContext) => Promise<ImportResult | null>): Job {
    const controller = new AbortController();
    const job: Job = {
      id: randomUUID(),
      kind,
      status: 'running',
      done: 0,
      total: null,
      rows: 0,
      note: '',
      startedAt: clockNow(),
      finishedAt: null,
      result: null,
      error: null,
    };
    const entry = { job, controller, lastSent: 0 };
    this.jobs.set(job.id, entry);
    this.prune();
    const progress: Progress = (done, total, rows, note) => {
      job.done = done;
      job.total = total;
      job.rows = rows;
      // A new note ("waiting for the import of X to finish") is said at once, not throttled away.
      const noteChanged = note !== undefined && note !== job.note;
      if (note !== undefined) job.note = note;
      const now = clockNow();
      if (noteChanged || now - entry.lastSent >= UPDATE_INTERVAL_MS) {
        entry.lastSent = now;
        this.emit(job);
      }
    };
    // Start on the next turn so the caller gets the job id before any work blocks the thread.
    setImmediate(() => {
      run({ progress, signal: controller.signal }).then(
        (result) => this.finish(job, 'done', result, null),
        (err: unknown) => {
          if (err instanceof JobCancelled || controller.signal.aborted)
            this.finish(job, 'cancelled', null, null);
          else {
            const code = err instanceof ApiError ? (err.messageCode ?? null) : null;
            this.finish(job, 'failed', null, err instanceof Error ? err.message : String(err), code);
          }
        },
      );
    });
    this.emit(job);
    return { ...job };
  }

  get(id: string): Job | undefined {
    const entry = this.jobs.get(id);
    return entry && { ...entry.job };
  }

  list(): Job[] {
    return [...this.jobs.values()].map((e) => ({ ...e.job }));
  }

  cancel(id: string): Job | undefined {
    const entry = this.jobs.get(id);
    if (entry && entry.job.status === 'running') entry.controller.abort();
    return entry && { ...entry.job };
  }

  /** Resolves when a job has finished (for the CLI and tests). */
  wait(id: string): Promise<Job> {
    return new Promise((resolve, reject) => {
      const check = (job: Job | undefined) => {
        if (!job) return reject(new Error(`no job ${id}`));
        if (job.status !== 'running') {
          off();
          resolve({ ...job });
        }
      };
      const off = this.onUpdate((job) => job.id === id && check(job));
      check(this.get(id));
    });
  }

  private finish(
    job: Job,
    status: Job['status'],
    result: ImportResult | null,
    error: string | null,
    errorCode: MessageCode | null = null,
  ) {
    job.status = status;
    job.result = result;
    job.error = error;
    if (errorCode) job.errorCode = errorCode;
    job.finishedAt = clockNow();
    this.emit(job);
  }

  private emit(job: Job) {
    const copy = { ...job };
    for (const l of this.listeners) l(copy);
  }

  private prune() {
    const finished = [...this.jobs.values()].filter((e) => e.job.status !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(e.job.id);
  }
}
