/** Follows a long job (import, demo) until it ends: pushed updates in Electron, polling in a browser. */
import type { Job } from '../../src-shared/api';
import { electronBridge } from './bridge';
import { ApiCallError, call } from './client';

const POLL_INTERVAL_MS = 250;

export function watchJob(jobId: string, onUpdate: (job: Job) => void, signal?: AbortSignal): Promise<Job> {
  const subscribe = electronBridge()?.onJobUpdate;
  return subscribe ? watchPushed(jobId, onUpdate, subscribe, signal) : watchPolled(jobId, onUpdate, signal);
}

function isFinished(job: Job): boolean {
  return job.status !== 'running';
}

function abortError(): ApiCallError {
  return new ApiCallError('aborted', 'stopped watching the job');
}

function watchPushed(
  jobId: string,
  onUpdate: (job: Job) => void,
  subscribe: (listener: (job: Job) => void) => () => void,
  signal?: AbortSignal,
): Promise<Job> {
  return new Promise<Job>((resolve, reject) => {
    let settled = false;
    const settle = (job: Job | null, error?: unknown) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
      if (job) resolve(job);
      else reject(error);
    };
    const accept = (job: Job) => {
      if (settled || job.id !== jobId) return;
      onUpdate(job);
      if (isFinished(job)) settle(job);
    };
    const onAbort = () => settle(null, abortError());
    const unsubscribe = subscribe(accept);
    signal?.addEventListener('abort', onAbort);
    // The job may have moved (or ended) before we subscribed: read it once.
    call('jobs.get', { jobId }).then(accept, (err: unknown) => settle(null, err));
  });
}

async function watchPolled(jobId: string, onUpdate: (job: Job) => void, signal?: AbortSignal): Promise<Job> {
  for (;;) {
    if (signal?.aborted) throw abortError();
    const job = await call('jobs.get', { jobId });
    if (signal?.aborted) throw abortError();
    onUpdate(job);
    if (isFinished(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
