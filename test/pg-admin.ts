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

/** Creates an empty database `<prefix>_<random>`, or a copy of `template`. */
export async function createTestDatabase(
  prefix = 'callscope_test',
  template?: string,
): Promise<TestDatabase> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return {
    name,
    url: withDatabase(adminUrl(), name),
    // FORCE: a test that failed half-way may have left a connection open.
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A database kept between runs under a fixed name (a benchmark's loaded workspace, like the SQLite
 * file it keeps under .tmp/bench): `existed` says whether it was there already.
 */
export async function namedDatabase(name: string): Promise<TestDatabase & { existed: boolean }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const existed = await withAdmin(async (c) => {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await c.query(`CREATE DATABASE ${name}`);
    return found.rowCount !== 0;
  });
  return {
    name,
    existed,
    url: withDatabase(adminUrl(), name),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * The test file's own database, shared by its tests one after another: creating and migrating a
 * database takes seconds, wiping one a tenth of a second. Kept on globalThis so the file's
 * afterAll (test/pg-file-database.ts) finds it whichever module instance made it.
 */
interface FileDatabases {
  /** migrated, free for the next test */
  idle: TestDatabase | null;
  /** every database this file made, dropped after its tests */
  made: TestDatabase[];
}
const FILE_DATABASES = Symbol.for('callscope.test.fileDatabases');
function fileDatabases(): FileDatabases {
  const g = globalThis as { [FILE_DATABASES]?: FileDatabases };
  return (g[FILE_DATABASES] ??= { idle: null, made: [] });
}

/**
 * Empties every table but the migrations' and restarts every sequence: what a test sees is a
 * fresh, migrated database (the workspace writes its settings again on open). Foreign keys are
 * not checked meanwhile (the replica role, which needs the superuser .ci/run makes the test user),
 * so the tables empty in any order; TRUNCATE would take seconds.
 */
export async function wipe(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DO $$ DECLARE r record; BEGIN
      SET LOCAL session_replication_role = replica;
      FOR r IN SELECT tablename FROM pg_tables
               WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_migration%' LOOP
        EXECUTE format('DELETE FROM %I', r.tablename);
      END LOOP;
      FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
        EXECUTE format('ALTER SEQUENCE %I RESTART', r.sequencename);
      END LOOP;
    END $$`);
  } finally {
    await client.end();
  }
}

/** Names the run's migrated, empty template database (set by test/pg-template.ts). */
export const TEMPLATE_ENV = 'CALLSCOPE_TEST_PG_TEMPLATE';

/**
 * A database for one test of the calling test file: the file's idle one wiped, else a new one.
 * `release()` hands it back for the next test (not dropped: dropFileDatabases does, after the
 * file). Two workspaces open at once get two databases.
 */
export async function fileTestDatabase(): Promise<{ url: string; release(): void }> {
  const state = fileDatabases();
  let db = state.idle;
  state.idle = null;
  if (db) await wipe(db.url);
  else {
    // A copy of the run's migrated template (test/pg-template.ts) when there is one: a second,
    // where migrating a new database takes a few.
    db = await createTestDatabase('callscope_test', process.env[TEMPLATE_ENV]);
    state.made.push(db);
  }
  const taken = db;
  return {
    url: taken.url,
    release() {
      state.idle ??= taken;
    },
  };
}

/** Drops the databases the calling test file made (its afterAll). */
export async function dropFileDatabases(): Promise<void> {
  const state = fileDatabases();
  const made = state.made.splice(0);
  state.idle = null;
  for (const db of made) await db.drop();
}
