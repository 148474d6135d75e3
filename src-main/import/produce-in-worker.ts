/**
 * `produceCalls` on a worker thread, as an async generator of the same batches: the caller
 * inserts a batch while the worker parses the next. A batch is acknowledged when the caller asks
 * for the next one; the worker pauses after `MAX_IN_FLIGHT` unacknowledged batches, so memory
 * stays flat however large the file and however slow the inserts. Leaving the loop early (cancel,
 * an insert error) terminates the worker at once; an error in the worker arrives as an
 * ImportError naming the file and line.
 *
 * One idle worker is kept (unref'd: it never holds the process open) for the next import, since
 * starting a thread and loading the import modules costs more than parsing a small file.
 *
 * Messages: caller -> worker `start` (the plan as data), `ack`; worker -> caller `batch` (packed
 * calls, rejects, warnings, rows so far, bytes read), then `done` (with the file's SHA-256) or
 * `error`. Each carries the job number, so a late ack never counts for the next import.
 */
import { Worker } from 'node:worker_threads';
import { packCalls, type PackedCalls } from './call-transport';
import type { MessageCode } from '../../src-shared/api';
import { ImportError, importErrorKey } from './import-error';
import type { ImportPlan } from './plan';
import { planToSpec, type PlanSpec } from './plan-spec';
import type { ProducedBatch, RowIssue } from './produce';

export type ToWorker =
  { type: 'start'; job: number; spec: PlanSpec; maxInFlight: number } | { type: 'ack'; job: number };
export type FromWorker =
  | {
      type: 'batch';
      job: number;
      calls: PackedCalls;
      rejects: RowIssue[];
      warnings: RowIssue[];
      notDials?: ProducedBatch['notDials'];
      rows: number;
      bytesRead: number;
    }
  | { type: 'done'; job: number; sha256: string; rows: number; bytesRead: number }
  | { type: 'error'; job: number; message: string; code?: MessageCode };

export interface WorkerBatch extends Omit<ProducedBatch, 'calls'> {
  /** the calls, packed: read them with a `PackedCallCursor` */
  calls: PackedCalls;
  /** bytes of the file read so far */
  bytesRead: number;
  /** the file's SHA-256, on the last batch only */
  sha256: string | null;
}

/**
 * The worker makes short-lived garbage at a high rate; a small young generation keeps its share
 * of the peak RSS down (200k rows: ~235 MB with 8 MB against ~275 MB with V8's default, before
 * the main thread stopped making objects per call; since then the difference is within noise).
 */
const WORKER_YOUNG_GENERATION_MB = 8;
/**
 * The worker's old generation. Its size also sets how far V8 lets the heap grow past what is
 * live before collecting: with no limit (4 GB on a machine with 16 GB or more) the heap grows to
 * 4x its ~25 MB of live data (the worker's heap peaked at ~110 MB in a 1M-row import); with a
 * limit under 2 GB the factor shrinks towards 1.3 (~50 MB). 1 GB is far above what any import
 * keeps alive (a leg window, a workbook's shared strings at their bound); over it, the worker
 * stops and the import fails naming the file, never the app.
 */
const WORKER_OLD_GENERATION_MB = 1024;

/** Batches parsed ahead of the inserts: enough to keep both threads busy, few enough to stay flat. */
const MAX_IN_FLIGHT = 8;

/**
 * From the TypeScript sources (tsx, vitest) the worker starts through a launcher that registers
 * tsx; in the desktop build, electron-vite emits `produce-worker.js` next to the main bundle.
 */
export function produceWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./produce-worker.dev.mjs', import.meta.url)
    : new URL('./produce-worker.js', import.meta.url);
}

const EMPTY = packCalls([]);

let idle: Worker | null = null;
let jobs = 0;

/** Starts the worker ahead of need (while the import is being planned). */
export function warmProducer(): void {
  if (idle) return;
  idle = new Worker(produceWorkerUrl(), {
    resourceLimits: {
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
    },
  });
  idle.unref();
  // An idle worker that dies is simply not reused.
  const worker = idle;
  worker.once('exit', () => {
    if (idle === worker) idle = null;
  });
  worker.on('error', () => undefined);
}

function takeWorker(): Worker {
  warmProducer();
  const worker = idle!;
  idle = null;
  worker.ref();
  return worker;
}

function release(worker: Worker): void {
  if (idle) void worker.terminate();
  else {
    worker.unref();
    idle = worker;
  }
}

export async function* produceCallsInWorker(plan: ImportPlan): AsyncGenerator<WorkerBatch> {
  const worker = takeWorker();
  const job = ++jobs;
  const inbox: FromWorker[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const onMessage = (message: FromWorker) => {
    if (message.job !== job) return;
    inbox.push(message);
    notify();
  };
  const onError = (err: Error) => {
    failure = new ImportError(
      `${plan.displayName}: the import worker failed (${err.message})`,
      'importError.interrupted',
      { file: plan.displayName },
    );
    notify();
  };
  const onExit = () => {
    failure ??= new ImportError(
      `${plan.displayName}: the import worker stopped before the end of the file`,
      'importError.interrupted',
      { file: plan.displayName },
    );
    notify();
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  let finished = false;
  try {
    worker.postMessage({
      type: 'start',
      job,
      spec: planToSpec(plan),
      maxInFlight: MAX_IN_FLIGHT,
    } satisfies ToWorker);
    for (;;) {
      const message = inbox.shift();
      if (message === undefined) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'error') {
        finished = true; // the worker is fine; the file is not
        throw new ImportError(message.message, importErrorKey(message.code?.key), message.code?.params);
      }
      if (message.type === 'done') {
        finished = true;
        const { sha256, rows, bytesRead } = message;
        yield { calls: EMPTY, rejects: [], warnings: [], rows, bytesRead, sha256 };
        return;
      }
      const { calls, rejects, warnings, notDials, rows, bytesRead } = message;
      yield { calls, rejects, warnings, notDials, rows, bytesRead, sha256: null };
      worker.postMessage({ type: 'ack', job } satisfies ToWorker);
    }
  } finally {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    // Stopped midway (cancel, insert error): the worker may be reading ahead; end it now.
    if (finished && failure === null) release(worker);
    else await worker.terminate();
  }
}
