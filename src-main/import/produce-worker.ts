/**
 * The import worker: runs `produceCalls` (read, decode, parse, normalise, merge legs) on its own
 * thread, so parsing the next rows overlaps inserting the previous ones on the main thread. It
 * also hashes the file. Batches go out packed (see call-transport.ts); at most `maxInFlight`
 * wait unacknowledged, so a slow database never lets the worker fill memory with the file.
 * The thread serves one import after another (starting one costs more than a small import).
 * Protocol: see produce-in-worker.ts.
 */
import { createHash } from 'node:crypto';
import { sha256File } from './source';
import { parentPort } from 'node:worker_threads';
import { packCalls, transferList } from './call-transport';
import { ImportError } from './import-error';
import { planFromSpec, type PlanSpec } from './plan-spec';
import { produceCalls } from './produce';
import type { FromWorker, ToWorker } from './produce-in-worker';
import type { PreviewFromWorker, PreviewToWorker } from './preview-in-worker';

/** Calls per message: their text stays well under V8's large-object size (~128 KB). */
const CALLS_PER_MESSAGE = 500;

const port = parentPort!;
let job = 0;
let credits = 0;
let wake: (() => void) | null = null;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker | PreviewToWorker) => {
  if (message.type === 'preview') {
    // Loaded on the first preview only: an import's thread never needs the database drivers
    // (~10 MB of its heap under tsx).
    const { id, request } = message;
    import('./preview-on-thread')
      .then(({ previewOnThread }) => previewOnThread(port, id, request))
      .catch((err: unknown) => {
        const text = err instanceof Error ? err.message : String(err);
        port.postMessage({
          type: 'preview-error',
          id,
          code: 'internal',
          message: text,
        } satisfies PreviewFromWorker);
      });
  } else if (message.type === 'start') {
    job = message.job;
    credits = message.maxInFlight;
    void produce(message.job, message.spec);
  } else if (message.job === job) {
    credits++;
    wake?.();
    wake = null;
  }
});

async function produce(id: number, spec: PlanSpec): Promise<void> {
  try {
    const hash = createHash('sha256');
    let bytesRead = 0;
    let rowsSoFar = 0;
    const onBytes = (chunk: Buffer) => {
      hash.update(chunk);
      bytesRead += chunk.length;
    };
    // A workbook reports its progress instead of handing over its bytes: it is hashed apart.
    const onProgress = (bytesDone: number) => {
      bytesRead = bytesDone;
    };
    const plan = planFromSpec(spec);
    for await (const batch of produceCalls(plan, { onBytes, onProgress })) {
      const { rows } = batch;
      rowsSoFar = rows;
      // Sent in slices: a whole batch's text (~200 KB) would land in the receiver's large-object
      // space, which only a full GC frees; 20 MB of them piled up on the main thread at 1M rows.
      let from = 0;
      do {
        if (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
        credits--;
        const calls = packCalls(batch.calls.slice(from, from + CALLS_PER_MESSAGE));
        const [rejects, warnings] = from === 0 ? [batch.rejects, batch.warnings] : [[], []];
        const notDials = from === 0 ? batch.notDials : undefined;
        send(
          { type: 'batch', job: id, calls, rejects, warnings, notDials, rows, bytesRead },
          transferList(calls),
        );
        from += CALLS_PER_MESSAGE;
      } while (from < batch.calls.length);
    }
    const sha256 = plan.source.streamsBytes ? hash.digest('hex') : await sha256File(spec.file);
    send({ type: 'done', job: id, sha256, rows: rowsSoFar, bytesRead });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // ImportErrors name the file and line already; anything else at least names the file.
    const text = err instanceof ImportError ? message : `${spec.displayName}: ${message}`;
    const code = err instanceof ImportError ? err.messageCode : undefined;
    send({ type: 'error', job: id, message: text, ...(code && { code }) });
  }
}
