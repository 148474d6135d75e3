/**
 * One import from file to result: upload -> `import.start` -> job progress -> result. Kept in a
 * store, not in the page, so a running import survives a visit to the dashboard.
 */
import { create } from 'zustand';
import type { Job } from '../../src-shared/api';
import { call } from '../api/client';
import { ApiCallError, toApiCallError } from '../api/errors';
import { watchJob } from '../api/jobs';
import { stageFile, type UploadHandle } from '../api/upload';
import { useWorkspace } from './workspace';

export type ImportPhase = 'choose' | 'uploading' | 'running' | 'finished';

interface ImportState {
  file: File | null;
  /** '' lets the workspace detect the layout */
  preset: string;
  /** null uses the workspace's time zone */
  timeZone: string | null;
  phase: ImportPhase;
  uploaded: { sent: number; total: number };
  job: Job | null;
  /** When the latest job update arrived (for rows/s while the job runs). */
  jobSeenAt: number;
  error: ApiCallError | null;
  chooseFile(file: File | null): void;
  setPreset(preset: string): void;
  setTimeZone(timeZone: string | null): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  /** Back to choosing a file (after a result, or to drop the chosen one). */
  reset(): void;
}

// Not state: handles to stop what is in flight.
let upload: UploadHandle | null = null;
let cancelRequested = false;

export const useImport = create<ImportState>()((set, get) => ({
  file: null,
  preset: '',
  timeZone: null,
  phase: 'choose',
  uploaded: { sent: 0, total: 0 },
  job: null,
  jobSeenAt: 0,
  error: null,

  chooseFile: (file) => set({ file, error: null, job: null, phase: 'choose' }),
  setPreset: (preset) => set({ preset }),
  setTimeZone: (timeZone) => set({ timeZone }),

  async start() {
    const { file, preset, timeZone, phase } = get();
    if (!file || phase === 'uploading' || phase === 'running') return;
    cancelRequested = false;
    set({ phase: 'uploading', uploaded: { sent: 0, total: file.size }, job: null, error: null });
    try {
      upload = stageFile(file, (sent, total) => set({ uploaded: { sent, total } }));
      const { stagedId } = await upload.done;
      upload = null;
      if (cancelRequested) throw new ApiCallError('aborted', 'cancelled');
      const { jobId } = await call('import.start', {
        stagedId,
        ...(preset ? { preset } : {}),
        ...(timeZone ? { timeZone } : {}),
      });
      // Cancel pressed between the upload and the job's start: stop the job we just got.
      if (cancelRequested) void call('jobs.cancel', { jobId }).catch(() => undefined);
      set({ phase: 'running' });
      const job = await watchJob(jobId, (update) => set({ job: update, jobSeenAt: Date.now() }));
      set({ job, phase: 'finished' });
      if (job.status === 'done') await useWorkspace.getState().refresh();
    } catch (err) {
      upload = null;
      const error = toApiCallError(err);
      // A cancelled upload is not an error: the result card says "cancelled".
      set(error.code === 'aborted' ? { phase: 'finished', error: null } : { phase: 'finished', error });
    }
  },

  async cancel() {
    cancelRequested = true;
    const { job } = get();
    if (upload) upload.abort();
    else if (job && job.status === 'running') {
      try {
        set({ job: await call('jobs.cancel', { jobId: job.id }) });
      } catch (err) {
        set({ error: toApiCallError(err) });
      }
    }
  },

  reset: () => set({ file: null, phase: 'choose', job: null, error: null, uploaded: { sent: 0, total: 0 } }),
}));
