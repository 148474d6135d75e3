/**
 * The API as a benchmark drives it: on a team workspace (PostgreSQL) every method needs someone
 * signed in since issue 20, so the bench signs in as the test admin (created when the bench
 * database has none), as a person at their desk would; a local file needs no sign-in.
 */
import { createApi, type Api } from '../../src-main/api';
import type { Workspace } from '../../src-main/workspace';
import { signInAsTestAdmin } from '../helpers';

export async function openBenchApi(ws: Workspace): Promise<Api> {
  const api = createApi(ws);
  if (ws.engine === 'postgres') await signInAsTestAdmin(ws, api.dispatch);
  return api;
}
