/**
 * The PostgreSQL server the tests and benchmarks use: the machine's own cluster (`.ci/run` installs
 * and starts it), reached as the current OS user over the local socket — or the server named by
 * CALLSCOPE_TEST_PG (a `postgres://` URL to a maintenance database, e.g. `postgres`). Creates and
 * drops databases; free of vitest, so benchmarks use it too.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import pg from 'pg';

/** Where the server's maintenance database is; the test databases are created beside it. */
export function adminUrl(): string {
  const fromEnv = process.env.CALLSCOPE_TEST_PG;
  if (fromEnv) return fromEnv;
  const user = encodeURIComponent(process.env.PGUSER ?? os.userInfo().username);
  return `postgres://${user}@localhost/postgres?host=${encodeURIComponent('/var/run/postgresql')}`;
}

/** `url` with its database replaced by `database`. */
function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(
      `The tests need a PostgreSQL server (${detail}). Run .ci/run once (it installs and starts ` +
        'one), or: pg_ctlcluster --skip-systemctl-redirect 15 main start && ' +
        'su postgres -c "createuser -s $(whoami)"; or point CALLSCOPE_TEST_PG at a server ' +
        '(postgres://user@host/postgres).',
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  /** a `postgres://` URL to it */
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database `<prefix>_<random>`. */
export async function createTestDatabase(prefix = 'callscope_test'): Promise<TestDatabase> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(adminUrl(), name),
    // FORCE: a test that failed half-way may have left a connection open.
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
