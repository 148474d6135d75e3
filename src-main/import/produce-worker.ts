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
import { produceCalls, type ProducedBatch, type RowIssue, type StoredCall } from './produce';
import type { CallKind } from './pbx-classify';
import type { FromWorker, ToWorker } from './produce-in-worker';
import type { PreviewFromWorker, PreviewToWorker } from './preview-in-worker';

/**
 * Calls per message: their text stays well under V8's large-object size (~128 KB): a whole
 * batch's text would land in the receiver's large-object space, which only a full GC frees (20 MB
 * of them piled up on the main thread at 1M rows). Rejects and warnings too (each keeps its row).
 */
const CALLS_PER_MESSAGE = 500;
const ISSUES_PER_MESSAGE = 500;

/**
 * What the reader's batches produced, gathered into messages. The batches are small (a 16 KB
 * read, read-rows.ts), so that none lives long enough to be promoted in the worker's small young
 * generation; the messages stay large, since each costs the inserting thread a wake-up and an ack.
 */
class Outbox {
  private calls: StoredCall[] = [];
  private rejects: RowIssue[] = [];
  private warnings: RowIssue[] = [];
  private notDials: ProducedBatch['notDials'];

  add(batch: ProducedBatch): void {
    for (const c of batch.calls) this.calls.push(c);
    for (const r of batch.rejects) this.rejects.push(r);
    for (const w of batch.warnings) this.warnings.push(w);
    for (const [kind, n] of Object.entries(batch.notDials ?? {}) as [CallKind, number][]) {
      this.notDials ??= {};
      this.notDials[kind] = (this.notDials[kind] ?? 0) + n;
    }
  }

  get full(): boolean {
    return (
      this.calls.length >= CALLS_PER_MESSAGE ||
      this.rejects.length + this.warnings.length >= ISSUES_PER_MESSAGE
    );
  }

  get empty(): boolean {
    return (
      this.calls.length === 0 &&
      this.rejects.length === 0 &&
      this.warnings.length === 0 &&
      this.notDials === undefined
    );
  }

  /** The next message's share: up to CALLS_PER_MESSAGE calls (in file order) and the issues so far. */
  take(): Omit<ProducedBatch, 'rows'> {
    const calls = this.calls.splice(0, CALLS_PER_MESSAGE);
    const taken = { calls, rejects: this.rejects, warnings: this.warnings, notDials: this.notDials };
    this.rejects = [];
    this.warnings = [];
    this.notDials = undefined;
    return taken;
  }
}

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
    const outbox = new Outbox();
    const sendSome = async () => {
      if (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      const { calls, rejects, warnings, notDials } = outbox.take();
      const packed = packCalls(calls);
      send(
        { type: 'batch', job: id, calls: packed, rejects, warnings, notDials, rows: rowsSoFar, bytesRead },
        transferList(packed),
      );
    };
    for await (const batch of produceCalls(plan, { onBytes, onProgress })) {
      rowsSoFar = batch.rows;
      outbox.add(batch);
      while (outbox.full) await sendSome();
    }
    if (!outbox.empty) await sendSome();
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
