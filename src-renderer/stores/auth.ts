/**
 * Who is signed in to a team workspace (a local file needs no sign-in). Loaded before the
 * workspace's own data, which a team workspace answers only to a signed-in user.
 */
import { create } from 'zustand';
import { mayCall, type Method, type Output } from '../../src-shared/api';
import { call } from '../api/client';
import { type ApiCallError, toApiCallError } from '../api/errors';

type AuthState = Output<'auth.state'>;

interface AuthStore {
  state: AuthState | null;
  error: ApiCallError | null;
  working: boolean;
  load(): Promise<void>;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

export const useAuth = create<AuthStore>()((set, get) => ({
  state: null,
  error: null,
  working: false,
  async load() {
    try {
      set({ state: await call('auth.state', {}), error: null });
    } catch (err) {
      set({ error: toApiCallError(err) });
    }
  },
  async signIn(login, password) {
    set({ working: true, error: null });
    try {
      const user = await call('auth.signIn', { login, password });
      set({ state: { ...get().state!, user } });
    } catch (err) {
      set({ error: toApiCallError(err) });
    } finally {
      set({ working: false });
    }
  },
  async signOut() {
    await call('auth.signOut', {});
    await get().load();
  },
}));

/** May the signed-in user call `method`? Everything on a local workspace (no sign-in there). */
export function useMayCall(): (method: Method) => boolean {
  const state = useAuth((s) => s.state);
  return (method) => !state?.required || mayCall(state.user?.role ?? null, method);
}
