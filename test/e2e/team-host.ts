/**
 * A team workspace for a browser test: a PostgreSQL test database set up by `callscope team init`,
 * the basic calls imported as its admin, the test's own set-up done through the API as that admin
 * (as the Users page would), then the web host over it. `stop` ends the host and drops the database.
 */
import path from 'node:path';
import { createApi } from '../../src-main/api';
import { openWorkspace } from '../../src-main/workspace';
import { startWebHost } from '../browser-mode';
import { FIXTURES, runCli } from '../helpers';
import { createTestDatabase } from '../pg-admin';

export type AdminCall = (method: string, input: unknown) => Promise<unknown>;

function cli(args: string[], env: Record<string, string>): void {
  const r = runCli(args, env);
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
}

export async function startTeamHost(
  dbName: string,
  admin: { login: string; password: string; name: string },
  setup: (call: AdminCall) => Promise<void>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const db = await createTestDatabase(dbName);
  cli(['team', 'init', db.url, '--admin', admin.login, '--name', admin.name], {
    CALLSCOPE_ADMIN_PASSWORD: admin.password,
  });
  cli(['import', path.join(FIXTURES, 'calls/callscope-basic.csv'), '--db', db.url, '--user', admin.login], {
    CALLSCOPE_PASSWORD: admin.password,
  });
  const ws = await openWorkspace(db.url);
  const api = createApi(ws);
  try {
    const call: AdminCall = async (method, input) => {
      const outcome = await api.dispatch(method, input);
      if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
      return outcome.value;
    };
    await call('auth.signIn', { login: admin.login, password: admin.password });
    await setup(call);
  } finally {
    await api.close();
    await ws.close();
  }
  const host = await startWebHost(db.url);
  return {
    url: host.url,
    async stop() {
      host.child.kill('SIGTERM');
      await new Promise((resolve) => host.child.once('exit', resolve));
      await db.drop();
    },
  };
}
