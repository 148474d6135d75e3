/** What the Electron preload exposes on `window.callscope` (DESIGN.md, "One contract, three doors"). */
import type { ApiErrorBody, Job } from '../../src-shared/api';

export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export interface CallscopeBridge {
  call(method: string, input: unknown): Promise<BridgeResult>;
  onJobUpdate?(listener: (job: Job) => void): () => void;
}

declare global {
  interface Window {
    callscope?: CallscopeBridge;
  }
}

export function electronBridge(): CallscopeBridge | null {
  return typeof window !== 'undefined' && window.callscope ? window.callscope : null;
}
