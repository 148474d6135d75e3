/**
 * Opening a team workspace: a PostgreSQL database named by a `postgres://` URL, through Kysely's
 * PostgresDialect over a pg Pool. The password comes from the URL, from PGPASSWORD, from a pgpass
 * file (PGPASSFILE or ~/.pgpass, read by pgpass.ts), or from a caller's function (the desktop
 * app's keychain) — Callscope never writes it anywhere in plain text.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { ConnectionOptions } from 'node:tls';
import { Kysely, Migrator, PostgresDialect, type Migration } from 'kysely';
import pg from 'pg';
import { WorkspaceOpenError } from './connection';
import { migrationName, recordedVersions, staticProvider, throwIfFailed } from './migrator';
import { pgMigrations, type PgMigration } from './pg-migrations';
import { pgpassHost, pgpassPath, readPgpassPassword } from './pgpass';
import type { Database } from './schema';

/** Why a team workspace could not be opened, beyond the file kinds (see describePostgresFailure). */
export type PostgresFailureReason =
  'unreachable' | 'no_database' | 'login_refused' | 'tls' | 'bad_url' | 'other';

export class TeamWorkspaceOpenError extends WorkspaceOpenError {
  constructor(
    message: string,
    readonly reason: PostgresFailureReason,
  ) {
    super(message, 'unreadable');
    this.name = 'TeamWorkspaceOpenError';
  }
}

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** What of a URL may be shown to a person: never the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.searchParams.get('host') ?? (u.host || 'localhost');
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `postgres://${user}${host}${u.pathname}`;
  } catch {
    return 'the team workspace URL';
  }
}

export interface PostgresTarget {
  /**
   * Where and as whom, read from the URL by us: pg's own connectionString would override our TLS
   * options and turn a missing password into '' (hiding PGPASSWORD, pgpass and a caller's function).
   */
  connection: Pick<pg.ClientConfig, 'host' | 'port' | 'user' | 'password' | 'database' | 'application_name'>;
  sslmode: SslMode;
  sslrootcert: string | null;
  /** a local socket folder: TLS does not apply */
  socket: boolean;
}

/** Reads a `postgres://` URL: the connection itself and its TLS wishes (libpq's parameters). */
export function parsePostgresUrl(url: string): PostgresTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new TeamWorkspaceOpenError(`"${describeUrl(url)}" is not a postgres:// URL.`, 'bad_url');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new TeamWorkspaceOpenError(`${describeUrl(url)} is not a postgres:// URL.`, 'bad_url');
  }
  if (u.pathname.length <= 1) {
    throw new TeamWorkspaceOpenError(
      `${describeUrl(url)} names no database: add it after the host, as in postgres://host/callscope.`,
      'bad_url',
    );
  }
  const mode = u.searchParams.get('sslmode') ?? 'prefer';
  if (!SSL_MODES.includes(mode as SslMode)) {
    throw new TeamWorkspaceOpenError(
      `${describeUrl(url)}: sslmode=${mode} is not one of ${SSL_MODES.join(', ')}.`,
      'bad_url',
    );
  }
  const host = u.searchParams.get('host') ?? u.hostname.replace(/^\[(.*)\]$/, '$1');
  const decoded = (v: string) => (v ? decodeURIComponent(v) : undefined);
  return {
    connection: {
      host: host || undefined,
      port: u.port ? Number(u.port) : undefined,
      user: decoded(u.username),
      password: decoded(u.password),
      database: decodeURIComponent(u.pathname.slice(1)),
      application_name: u.searchParams.get('application_name') ?? 'callscope',
    },
    sslmode: mode as SslMode,
    sslrootcert: u.searchParams.get('sslrootcert'),
    socket: host.startsWith('/'),
  };
}

/**
 * The TLS options for pg, as libpq reads sslmode: require encrypts without checking the
 * certificate, verify-ca checks it against the CA but not the host name, verify-full checks both.
 * prefer and allow are answered by `openPostgres` (TLS first / plain first, falling back).
 */
export function tlsFor(target: PostgresTarget, encrypt: boolean): false | ConnectionOptions {
  if (!encrypt || target.socket || target.sslmode === 'disable') return false;
  const ca = target.sslrootcert ? fs.readFileSync(target.sslrootcert, 'utf8') : undefined;
  switch (target.sslmode) {
    case 'verify-full':
      return { rejectUnauthorized: true, ca };
    case 'verify-ca':
      return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    default:
      return { rejectUnauthorized: false };
  }
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Type parsers for this pool only: counts and sums (int8, and numeric, which sum(bigint) and avg
 * give) come back as JS numbers, as SQLite gives them, instead of strings.
 */
export function numberTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (v: string) => Number(v));
  types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));
  return types;
}

/** Names what went wrong reaching `url` in words an IT person can act on (pg's and the OS's codes). */
export function describePostgresFailure(url: string, err: unknown): WorkspaceOpenError {
  if (err instanceof WorkspaceOpenError) return err;
  const where = describeUrl(url);
  const code = err !== null && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (code === '3D000') {
    return new TeamWorkspaceOpenError(
      `The database of ${where} does not exist (${detail}). Create it first (createdb, or CREATE DATABASE).`,
      'no_database',
    );
  }
  if (code === '28P01' || code === '28000' || /password|SASL|authentication/i.test(detail)) {
    return new TeamWorkspaceOpenError(
      `${where} refused the login (${detail}). Check the user and its password (in the URL, ` +
        'PGPASSWORD or ~/.pgpass) and that pg_hba.conf lets this machine in.',
      'login_refused',
    );
  }
  if (
    /SSL|TLS|certificate|self[- ]signed/i.test(detail) ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('CERT_')
  ) {
    return new TeamWorkspaceOpenError(`${where}: the encrypted connection failed (${detail}).`, 'tls');
  }
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOENT', 'ECONNRESET'].includes(
      code,
    ) ||
    /timeout|terminated/i.test(detail)
  ) {
    return new TeamWorkspaceOpenError(
      `The PostgreSQL server of ${where} cannot be reached (${detail}). Is it running, and is this ` +
        'machine allowed to connect (host, port, firewall)?',
      'unreachable',
    );
  }
  return new TeamWorkspaceOpenError(`${where} cannot be opened (${detail}).`, 'other');
}

export interface OpenPostgresOptions {
  /** the password when neither the URL, PGPASSWORD nor a pgpass file has it (e.g. the OS keychain) */
  password?: () => string | Promise<string>;
  /** connections in the pool (default 10) */
  max?: number;
  connectTimeoutMs?: number;
}

/**
 * The password when the URL has none, asked only when the server wants one: libpq's order —
 * PGPASSWORD, then the pgpass file (read here: pg 8 reads it itself only with a deprecation
 * warning, and pg 9 will not) — then the caller's function (the desktop keychain).
 */
export function passwordWhenAsked(
  target: PostgresTarget,
  options: Pick<OpenPostgresOptions, 'password'>,
  env: NodeJS.ProcessEnv = process.env,
): () => Promise<string> {
  // '' when nobody has one: the server then refuses the login (login_refused).
  return async () => {
    if (env.PGPASSWORD !== undefined) return env.PGPASSWORD;
    const { host, port, database, user } = target.connection;
    const fromFile = readPgpassPassword(
      {
        host: pgpassHost(host ?? env.PGHOST),
        port: port ?? Number(env.PGPORT ?? 5432),
        database: database ?? '',
        user: user ?? env.PGUSER ?? os.userInfo().username,
      },
      pgpassPath(env),
    );
    return fromFile ?? (await options.password?.()) ?? '';
  };
}

function poolFor(
  target: PostgresTarget,
  ssl: false | ConnectionOptions,
  options: OpenPostgresOptions,
): pg.Pool {
  const pool = new pg.Pool({
    ...target.connection,
    ssl,
    types: numberTypes(),
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    password: target.connection.password ?? passwordWhenAsked(target, options),
  });
  // An idle connection the server drops (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  // Nor one in use (a job's transaction, the write lock's connection): its query fails instead.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Connects once so a wrong URL, password or server fails here with a clear message. */
async function probe(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  client.release();
}

function refusesTls(err: unknown): boolean {
  return err instanceof Error && /does not support SSL/i.test(err.message);
}

/**
 * A Kysely over a pool on the database of `url` (no migrations: see migrator.ts). Failures are
 * TeamWorkspaceOpenErrors naming the server without the password.
 */
export async function openPostgres(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<Kysely<Database>> {
  return (await connectPostgres(url, options)).db;
}

/** The Kysely and the pool under it (the bulk writer's COPY takes its connections from the pool). */
export async function connectPostgres(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<{ db: Kysely<Database>; pool: pg.Pool }> {
  const target = parsePostgresUrl(url);
  // prefer: TLS, else plain if the server has none; allow: plain, else TLS if the server insists.
  const tries: boolean[] =
    target.sslmode === 'prefer' ? [true, false] : target.sslmode === 'allow' ? [false, true] : [true];
  let lastError: unknown = null;
  for (const encrypt of target.socket ? [false] : tries) {
    let pool: pg.Pool;
    try {
      pool = poolFor(target, tlsFor(target, encrypt), options);
    } catch (err) {
      throw new TeamWorkspaceOpenError(
        `${describeUrl(url)}: the CA certificate cannot be read (${err instanceof Error ? err.message : String(err)}).`,
        'tls',
      );
    }
    try {
      await probe(pool);
      return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
    } catch (err) {
      await pool.end().catch(() => undefined);
      lastError = err;
      const plainRefused = !encrypt && /no pg_hba.conf entry.*no encryption/i.test(String(err));
      if (!refusesTls(err) && !plainRefused) break;
    }
  }
  throw describePostgresFailure(url, lastError);
}

/**
 * Brings a team workspace's database to the latest schema. All pending migrations run in one
 * transaction under the Migrator's lock (a PostgreSQL advisory lock), so two Callscopes opening
 * a new database at once migrate it once.
 */
export async function migratePostgres(
  db: Kysely<Database>,
  where: string,
  migrations: readonly PgMigration[] = pgMigrations,
): Promise<{ from: number; to: number }> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const recorded = await recordedVersions(db);
  const from = Math.max(0, ...recorded);
  const known = new Set(migrations.map((m) => m.version));
  if (recorded.some((v) => !known.has(v))) {
    throw new WorkspaceOpenError(
      `${where} was set up by a newer Callscope (schema ${from}, this version knows ${latest}). ` +
        'Update Callscope on this machine.',
      'newer_schema',
    );
  }
  const list: Record<string, Migration> = {};
  for (const m of migrations) list[migrationName(m.version)] = { up: (trx: Kysely<unknown>) => m.up(trx) };
  const migrator = new Migrator({ db, provider: staticProvider(list) });
  throwIfFailed(await migrator.migrateToLatest());
  return { from, to: latest };
}

/** Opens the team workspace of `url` and brings its database to the latest schema. */
export async function openPostgresWorkspace(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<{ db: Kysely<Database>; pool: pg.Pool; migrated: { from: number; to: number } }> {
  const { db, pool } = await connectPostgres(url, options);
  try {
    return { db, pool, migrated: await migratePostgres(db, describeUrl(url)) };
  } catch (err) {
    await db.destroy();
    throw describePostgresFailure(url, err);
  }
}
