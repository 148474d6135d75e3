/**
 * Opening a team workspace on a real PostgreSQL server (test/pg-server.ts): the schema migrated
 * once, counts and sums as numbers, the password from the URL, PGPASSWORD or a pgpass file, TLS
 * per sslmode, and clear messages (without the password) when the server, database or login fails.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceOpenError } from '../../src-main/db/connection';
import {
  openPostgres,
  openPostgresWorkspace,
  parsePostgresUrl,
  TeamWorkspaceOpenError,
  tlsFor,
} from '../../src-main/db/postgres';
import { pgMigrations } from '../../src-main/db/pg-migrations';
import type { Database } from '../../src-main/db/schema';
import { tempDir } from '../helpers';
import { adminUrl, createTestDatabase, useTestDatabase } from '../pg-server';

const testDb = useTestDatabase();
const open: Kysely<Database>[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
});

async function track<T extends { db: Kysely<Database> } | Kysely<Database>>(p: Promise<T>): Promise<T> {
  const v = await p;
  open.push('db' in v ? v.db : v);
  return v;
}

/** `url` with another user, password, host or parameters. */
function variant(url: string, change: (u: URL) => void): string {
  const u = new URL(url);
  change(u);
  return u.toString();
}

/** The same server over TCP on the loopback (where pg_hba asks for a password), as `user:password`. */
function overTcp(url: string, user: string, password: string | null): string {
  return variant(url, (u) => {
    if (u.searchParams.get('host')?.startsWith('/')) {
      u.searchParams.delete('host');
      u.hostname = '127.0.0.1';
      u.port = process.env.PGPORT ?? '5432';
    }
    u.username = user;
    u.password = password ?? '';
  });
}

async function reasonOf(p: Promise<unknown>): Promise<{ reason: string; message: string }> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TeamWorkspaceOpenError);
    const e = err as TeamWorkspaceOpenError;
    return { reason: e.reason, message: e.message };
  }
  throw new Error('expected the open to fail');
}

describe('a team workspace on PostgreSQL', () => {
  it('migrates a new database once, and a second open finds it up to date', async () => {
    const first = await track(openPostgresWorkspace(testDb.url));
    expect(first.migrated.from).toBe(0);
    expect(first.migrated.to).toBeGreaterThan(0);
    const second = await track(openPostgresWorkspace(testDb.url));
    expect(second.migrated).toEqual({ from: first.migrated.to, to: first.migrated.to });
    const recorded = await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(second.db);
    expect(recorded.rows[0]!.n).toBe(pgMigrations.length); // each recorded once
  });

  it('is migrated once when two Callscopes open a new database at the same moment', async () => {
    const fresh = await createTestDatabase();
    try {
      const both = await Promise.all([openPostgresWorkspace(fresh.url), openPostgresWorkspace(fresh.url)]);
      for (const w of both) open.push(w.db);
      const recorded = await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(
        both[0].db,
      );
      expect(recorded.rows[0]!.n).toBe(pgMigrations.length);
      for (const db of open.splice(0)) await db.destroy();
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a database set up by a newer Callscope, saying what to do', async () => {
    const fresh = await createTestDatabase();
    try {
      const { db } = await openPostgresWorkspace(fresh.url);
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999', '2099-01-01T00:00:00.000Z')`.execute(
        db,
      );
      await db.destroy();
      const err = await openPostgresWorkspace(fresh.url).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkspaceOpenError);
      expect((err as WorkspaceOpenError).kind).toBe('newer_schema');
      expect((err as Error).message).toMatch(/newer Callscope .*schema 9999.* Update Callscope/);
    } finally {
      await fresh.drop();
    }
  });

  it('gives counts, bigint sums and numeric averages as numbers', async () => {
    const { db } = await track(openPostgresWorkspace(testDb.url));
    await db
      .insertInto('alert_acks')
      .values([
        { alert_key: 'a', acked_at: 1_700_000_000_000 },
        { alert_key: 'b', acked_at: 1_700_000_000_001 },
      ])
      .execute();
    const row = await db
      .selectFrom('alert_acks')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum('acked_at').as('total'),
        eb.fn.avg('acked_at').as('mean'),
        eb.fn.max('acked_at').as('latest'),
      ])
      .executeTakeFirstOrThrow();
    // 1_700_000_000_000 + 1_700_000_000_001, past 2^31 and summed as numeric by PostgreSQL.
    expect(row).toEqual({
      n: 2,
      total: 3_400_000_000_001,
      mean: 1_700_000_000_000.5,
      latest: 1_700_000_000_001,
    });
    await db.deleteFrom('alert_acks').execute();
  });

  it('keeps its number parsing to its own pool: pg elsewhere in the process still gives strings', async () => {
    const client = new pg.Client({ connectionString: testDb.url });
    await client.connect();
    try {
      expect((await client.query('SELECT count(*) AS n FROM pg_class WHERE false')).rows[0]).toEqual({
        n: '0',
      });
    } finally {
      await client.end();
    }
  });

  it('names a missing database, without a password in the message', async () => {
    const url = variant(testDb.url, (u) => (u.pathname = `/${testDb.name}_missing`));
    const failure = await reasonOf(openPostgres(url));
    expect(failure.reason).toBe('no_database');
    expect(failure.message).toContain(`${testDb.name}_missing`);
  });

  it('says when no server answers', async () => {
    const url = variant(overTcp(testDb.url, 'nobody', null), (u) => (u.port = '1'));
    const failure = await reasonOf(openPostgres(url, { connectTimeoutMs: 3000 }));
    expect(failure.reason).toBe('unreachable');
  });

  it('refuses a URL that is not a PostgreSQL one or names no database', async () => {
    expect((await reasonOf(openPostgres('mysql://host/db'))).reason).toBe('bad_url');
    expect((await reasonOf(openPostgres('postgres://host'))).reason).toBe('bad_url');
    const oddMode = variant(testDb.url, (u) => u.searchParams.set('sslmode', 'sometimes'));
    expect((await reasonOf(openPostgres(oddMode))).reason).toBe('bad_url');
  });
});

describe('the password of a team workspace', () => {
  const role = `callscope_user_${crypto.randomBytes(4).toString('hex')}`;
  const password = `pw-${crypto.randomBytes(8).toString('hex')}`;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  });
  afterAll(async () => {
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });
  afterEach(() => {
    delete process.env.PGPASSWORD;
    delete process.env.PGPASSFILE;
  });

  it('comes from the URL', async () => {
    await track(openPostgres(overTcp(testDb.url, role, password)));
  });

  it('comes from PGPASSWORD', async () => {
    process.env.PGPASSWORD = password;
    await track(openPostgres(overTcp(testDb.url, role, null)));
  });

  it('comes from a pgpass file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pgpass');
    fs.writeFileSync(file, `*:*:*:${role}:${password}\n`, { mode: 0o600 });
    process.env.PGPASSFILE = file;
    try {
      await track(openPostgres(overTcp(testDb.url, role, null)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('comes from a function of the caller (the desktop keychain)', async () => {
    await track(openPostgres(overTcp(testDb.url, role, null), { password: () => Promise.resolve(password) }));
  });

  it('when wrong, the login is refused and the message does not repeat it', async () => {
    const failure = await reasonOf(openPostgres(overTcp(testDb.url, role, 'not-the-password')));
    expect(failure.reason).toBe('login_refused');
    expect(failure.message).toContain(role);
    expect(failure.message).not.toContain('not-the-password');
  });
});

describe('TLS per sslmode', () => {
  const withMode = (url: string, mode: string) => variant(url, (u) => u.searchParams.set('sslmode', mode));
  let serverHasTls = false;
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    serverHasTls = (await admin.query<{ ssl: string }>('SHOW ssl')).rows[0]!.ssl === 'on';
    await admin.end();
  });

  it('prefer (the default) and disable connect whether or not the server has TLS', async () => {
    await track(openPostgres(withMode(testDb.url, 'prefer')));
    await track(openPostgres(withMode(testDb.url, 'disable')));
  });

  it('require insists on TLS over TCP: refused by a server without it', async () => {
    // Debian's package turns TLS on only when a certificate (ssl-cert) was there at set-up.
    const url = withMode(overTcp(testDb.url, 'nobody', 'x'), 'require');
    const failure = await reasonOf(openPostgres(url));
    expect(failure.reason).toBe(serverHasTls ? 'login_refused' : 'tls');
  });

  it('reads sslmode as libpq does: what is checked of the certificate, and no TLS on a local socket', () => {
    const dir = tempDir();
    const ca = path.join(dir, 'root.crt');
    fs.writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    try {
      const tls = (url: string) => tlsFor(parsePostgresUrl(url), true);
      expect(tls('postgres://db.example/cs?sslmode=disable')).toBe(false);
      expect(tls('postgres://db.example/cs?sslmode=require')).toEqual({ rejectUnauthorized: false });
      const full = tls(`postgres://db.example/cs?sslmode=verify-full&sslrootcert=${ca}`);
      expect(full).toEqual({ rejectUnauthorized: true, ca: fs.readFileSync(ca, 'utf8') });
      const verifyCa = tls(`postgres://db.example/cs?sslmode=verify-ca&sslrootcert=${ca}`);
      expect(verifyCa).toMatchObject({ rejectUnauthorized: true, ca: fs.readFileSync(ca, 'utf8') });
      // verify-ca: the chain is checked, the host name is not.
      expect(verifyCa && verifyCa.checkServerIdentity?.('other.example', {} as never)).toBeUndefined();
      expect(tls('postgres://me@localhost/cs?host=/var/run/postgresql&sslmode=require')).toBe(false);
      // The password stays out of the TLS wishes and is read as written (percent-decoded).
      expect(parsePostgresUrl('postgres://me:p%40ss@db.example:6543/cs').connection).toMatchObject({
        host: 'db.example',
        port: 6543,
        user: 'me',
        password: 'p@ss',
        database: 'cs',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 22 on PostgreSQL', () => {
  it('fills the alert counts of an older team workspace from its calls', async () => {
    const database = await createTestDatabase();
    const db = await openPostgres(database.url);
    try {
      // The schema of version 21, as an older Callscope left it, with a day of calls and its rollups.
      for (const m of pgMigrations.filter((x) => x.version <= 21)) await m.up(db as Kysely<unknown>);
      await sql`INSERT INTO agents (id, code, created_at) VALUES (1, '8001', 0)`.execute(db);
      await sql`INSERT INTO import_batches (id, file_name, file_sha256, file_size, preset, mapping, time_zone,
          status, started_at) VALUES (1, 'a.csv', '', 0, 'callscope', '{}', 'Asia/Shanghai', 'done', 0)`.execute(
        db,
      );
      // short connects under 45 s (the workspace's own setting), a sale under 20 s (its threshold)
      await sql`INSERT INTO settings (key, value) VALUES ('effectiveThresholdSeconds', '20')`.execute(db);
      await sql`INSERT INTO targets_config (key, value) VALUES ('alertThresholds', '{"shortSeconds":45}')`.execute(
        db,
      );
      await sql`INSERT INTO calls (source_key, batch_id, agent_id, campaign_id, started_at, day, hour, weekday,
          direction, disposition, talk_seconds, outcome, is_intent, is_sale, sale_amount) VALUES
        ('a', 1, 1, NULL, 0, '2026-11-02', 9, 1, 'outbound', 'connected', 44, 'none', 0, 0, 0),
        ('b', 1, 1, NULL, 0, '2026-11-02', 9, 1, 'outbound', 'connected', 45, 'none', 0, 0, 0),
        ('c', 1, 1, NULL, 0, '2026-11-02', 14, 1, 'outbound', 'connected', 19, 'sale', 1, 1, 900),
        ('d', 1, 1, NULL, 0, '2026-11-02', 14, 1, 'inbound', 'connected', 3, 'none', 0, 0, 0),
        ('e', 1, 1, NULL, 0, '2026-11-02', 14, 1, 'outbound', 'busy', 0, 'none', 0, 0, 0)`.execute(db);
      await sql`INSERT INTO hourly_agent_stats (day, hour, agent_id, campaign_id, dials, connects, effective,
          talk_seconds, effective_talk_seconds, intents, sales, revenue) VALUES
        ('2026-11-02', 9, 1, 0, 2, 2, 2, 89, 89, 0, 0, 0),
        ('2026-11-02', 14, 1, 0, 2, 1, 0, 19, 0, 1, 1, 900)`.execute(db);
      await sql`INSERT INTO daily_agent_stats (day, agent_id, campaign_id, dials, connects, effective,
          talk_seconds, effective_talk_seconds, intents, sales, revenue) VALUES
        ('2026-11-02', 1, 0, 4, 3, 2, 108, 89, 1, 1, 900)`.execute(db);

      await pgMigrations.find((m) => m.version === 22)!.up(db as Kysely<unknown>);

      const hourly = await db
        .selectFrom('hourly_agent_stats')
        .select(['hour', 'short_connects', 'short_talk_seconds', 'sales_without_talk'])
        .orderBy('hour')
        .execute();
      expect(hourly).toEqual([
        { hour: 9, short_connects: 1, short_talk_seconds: 44, sales_without_talk: 0 },
        { hour: 14, short_connects: 1, short_talk_seconds: 19, sales_without_talk: 1 },
      ]);
      const daily = await db
        .selectFrom('daily_agent_stats')
        .select(['dials', 'short_connects', 'short_talk_seconds', 'sales_without_talk'])
        .execute();
      expect(daily).toEqual([{ dials: 4, short_connects: 2, short_talk_seconds: 63, sales_without_talk: 1 }]);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
