/**
 * The preload: runs sandboxed, so it is bundled to one CommonJS file that requires only `electron`
 * (no local imports at run time; the channel names repeat guards.ts and a test keeps them equal).
 * The page gets exactly `window.callscope = { call, onJobUpdate }`: never `ipcRenderer` itself, never
 * the IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Outcome } from '../dispatch';
import type { Job } from '../../src-shared/api';

const CALL_CHANNEL = 'callscope:call';
const JOB_CHANNEL = 'callscope:job';

contextBridge.exposeInMainWorld('callscope', {
  call(method: string, input?: unknown): Promise<Outcome> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<Outcome>;
  },
  onJobUpdate(listener: (job: Job) => void): () => void {
    const forward = (_event: IpcRendererEvent, job: Job) => listener(job);
    ipcRenderer.on(JOB_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(JOB_CHANNEL, forward);
    };
  },
});
