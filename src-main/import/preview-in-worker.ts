/**
 * The Import page's preview, on a worker thread of its own: a hostile or huge file is parsed
 * off the thread that answers the API, within a time and a memory budget. Over either, the
 * worker is terminated and the preview fails with a sentence saying which budget and what to do.
 * What comes back is bounded too (see `boundPreview`), however wide or long the file's cells.
 *
 * The thread runs the import worker's module (produce-worker.ts answers `preview` messages as
 * well), so the desktop build needs no second worker bundle. The memory budget is the thread's
 * heap limit; terminating it frees everything it held.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiErrorBody, ImportChoices, ImportPreview } from '../../src-shared/api';
import { ApiError } from '../errors';
import { produceWorkerUrl } from './produce-in-worker';

export interface PreviewRequest {
  /** the workspace file, opened read-only by the worker for saved profiles and stored orders */
  dbFile: string;
  file: string;
  displayName: string;
  choices: ImportChoices;
  timeZone: string;
}

export interface PreviewBudget {
  timeMs: number;
  /** the worker's heap limit */
  memoryMb: number;
}

export const PREVIEW_BUDGET: PreviewBudget = { timeMs: 20_000, memoryMb: 512 };

export type PreviewToWorker = { type: 'preview'; id: number; request: PreviewRequest };
export type PreviewFromWorker =
  | { type: 'preview'; id: number; preview: ImportPreview }
  | {
      type: 'preview-error';
      id: number;
      code: ApiErrorBody['code'];
      message: string;
      messageCode?: ApiErrorBody['messageCode'];
    };

/** Longest text and longest list a preview hands back (column indexes stop at 500 anyway). */
export const PREVIEW_TEXT_CHARS = 300;
export const PREVIEW_LIST_ITEMS = 501;

/** Cuts every text and list of a preview to its bound, saying how much was cut. */
export function boundPreview<T>(value: T): T {
  return bound(value) as T;
}

function bound(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.length <= PREVIEW_TEXT_CHARS) return value;
    return `${value.slice(0, PREVIEW_TEXT_CHARS)}… (${value.length - PREVIEW_TEXT_CHARS} more characters)`;
  }
  if (Array.isArray(value)) return value.slice(0, PREVIEW_LIST_ITEMS).map(bound);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bound(v)]));
  }
  return value;
}

/**
 * One preview thread, kept between previews (starting one and loading the import modules costs
 * more than a small preview) and replaced when a preview overruns its budget. Previews take turns.
 */
let previewer: { worker: Worker; memoryMb: number } | null = null;
let queue: Promise<unknown> = Promise.resolve();
let requests = 0;

function previewThread(memoryMb: number): Worker {
  if (previewer && previewer.memoryMb === memoryMb) return previewer.worker;
  if (previewer) void previewer.worker.terminate();
  const worker = new Worker(produceWorkerUrl(), {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16 },
  });
  const current = { worker, memoryMb };
  previewer = current;
  worker.once('exit', () => {
    if (previewer === current) previewer = null;
  });
  worker.on('error', () => undefined);
  return worker;
}

function stopPreviewThread(worker: Worker): void {
  if (previewer?.worker === worker) previewer = null;
  void worker.terminate();
}

export function previewInWorker(
  request: PreviewRequest,
  budget: PreviewBudget = PREVIEW_BUDGET,
): Promise<ImportPreview> {
  const turn = queue.then(() => previewOnThread(request, budget));
  queue = turn.catch(() => undefined);
  return turn;
}

function previewOnThread(request: PreviewRequest, budget: PreviewBudget): Promise<ImportPreview> {
  const name = path.basename(request.displayName);
  const id = ++requests;
  const worker = previewThread(budget.memoryMb);
  worker.ref();
  return new Promise<ImportPreview>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void, threadFine: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (threadFine) worker.unref();
      else stopPreviewThread(worker);
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(
          () =>
            reject(
              new ApiError(
                'bad_input',
                `${name}: the preview took longer than ${budget.timeMs / 1000} s and was stopped. ` +
                  'The file may be damaged or hostile; check that it is the export you meant.',
              ),
            ),
          false,
        ),
      budget.timeMs,
    );
    const onMessage = (message: PreviewFromWorker) => {
      if (message.id !== id) return;
      if (message.type === 'preview') settle(() => resolve(message.preview), true);
      else settle(() => reject(new ApiError(message.code, message.message, message.messageCode)), true);
    };
    const onError = (err: Error & { code?: string }) => {
      const text =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${name}: reading the preview needed more than ${budget.memoryMb} MB and was stopped. ` +
            'The file may be damaged or hostile; check that it is the export you meant.'
          : `${name}: the preview failed (${err.message})`;
      settle(() => reject(new ApiError('bad_input', text)), false);
    };
    const onExit = () =>
      settle(
        () => reject(new ApiError('internal', `${name}: the preview stopped before it was done`)),
        false,
      );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'preview', id, request } satisfies PreviewToWorker);
  });
}
