/**
 * The session: is a workspace open (maybe read-only), or did opening it fail? Loaded first; the
 * app shows the recovery page instead of its pages while the open has failed.
 */
import { create } from 'zustand';
import type { Method, SessionState } from '../../src-shared/api';
import { call } from '../api/client';
import { type ApiCallError, toApiCallError } from '../api/errors';

type SessionAction = Extract<Method, 'session.retry' | 'session.openReadOnly'>;

interface SessionStore {
  state: SessionState | null;
  /** The last action's failure (e.g. a backup that is not usable); the state stays as it was. */
  error: ApiCallError | null;
  working: boolean;
  load(): Promise<void>;
  act(method: SessionAction): Promise<void>;
  restore(name: string): Promise<void>;
}

export const useSession = create<SessionStore>()((set, get) => {
  async function run(work: () => Promise<SessionState>): Promise<void> {
    set({ working: true, error: null });
    try {
      set({ state: await work() });
    } catch (err) {
      set({ error: toApiCallError(err) });
      await get().load();
    } finally {
      set({ working: false });
    }
  }
  return {
    state: null,
    error: null,
    working: false,
    async load() {
      try {
        set({ state: await call('session.state', {}) });
      } catch (err) {
        set({ error: toApiCallError(err) });
      }
    },
    act: (method) => run(() => call(method, {})),
    restore: (name) => run(() => call('session.restore', { name })),
  };
});
