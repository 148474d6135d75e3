/** Loading the demo workspace: a job watched to its end, then the workspace is re-read. */
import { create } from 'zustand';
import type { Job } from '../../src-shared/api';
import type { Language } from '../../src-shared/domain';
import { call } from '../api/client';
import { ApiCallError, toApiCallError } from '../api/errors';
import { watchJob } from '../api/jobs';
import { useWorkspace } from './workspace';

interface DemoState {
  job: Job | null;
  error: ApiCallError | null;
  running: boolean;
  load(language: Language): Promise<void>;
}

export const useDemo = create<DemoState>()((set, get) => ({
  job: null,
  error: null,
  running: false,

  async load(language) {
    if (get().running) return;
    set({ running: true, error: null, job: null });
    try {
      // Agent names follow the UI language (Chinese names for a Chinese UI).
      const { jobId } = await call('demo.load', { language });
      const job = await watchJob(jobId, (update) => set({ job: update }));
      if (job.status === 'failed') throw new ApiCallError('internal', job.error ?? 'demo failed');
      await useWorkspace.getState().refresh();
      set({ running: false });
    } catch (err) {
      set({ running: false, error: toApiCallError(err) });
    }
  },
}));
