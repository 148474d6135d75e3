/**
 * Our reading of the pgpass file (libpq's format: `\` escapes, `*` wildcards, first match wins,
 * ignored when group/world readable), and that opening a team workspace with it no longer makes
 * pg print its deprecation warning.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, parsePostgresUrl, passwordWhenAsked } from '../../src-main/db/postgres';
import {
  parsePgpass,
  pgpassHost,
  pgpassPath,
  readPgpassPassword,
  type PgpassTarget,
} from '../../src-main/db/pgpass';
import { tempDir } from '../helpers';
import { adminUrl, useTestDatabase } from '../pg-server';

const target: PgpassTarget = { host: 'db.example', port: 5432, database: 'callscope', user: 'lead' };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function pgpassFile(text: string, mode = 0o600): string {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'pgpass');
  fs.writeFileSync(file, text);
  fs.chmodSync(file, mode); // the umask may have narrowed writeFileSync's mode
  return file;
}

const password = (text: string, t: PgpassTarget = target) => readPgpassPassword(t, pgpassFile(text), 'linux');

describe('the pgpass file', () => {
  it('gives the password of the first line that matches host, port, database and user', () => {
    const file = [
      'db.example:5432:callscope:qa:not-this-user',
      'other.example:5432:callscope:lead:not-this-host',
      'db.example:5433:callscope:lead:not-this-port',
      'db.example:5432:callscope:lead:first',
      'db.example:5432:callscope:lead:second',
    ].join('\n');
    expect(password(file)).toBe('first');
  });

  it('takes * in any of the first four fields as anything', () => {
    expect(password('*:*:*:*:any')).toBe('any');
    expect(password('db.example:*:callscope:lead:any-port')).toBe('any-port');
    expect(password('*:5432:*:lead:any-host-and-db')).toBe('any-host-and-db');
    expect(password('*:*:*:qa:x')).toBeUndefined();
  });

  it('reads \\: and \\\\ as a colon and a backslash, and \\* as a star that is not a wildcard', () => {
    const t = { ...target, database: 'call:scope', user: 'a\\b' };
    expect(password('db.example:5432:call\\:scope:a\\\\b:p\\:w\\\\d', t)).toBe('p:w\\d');
    expect(password('db.example:5432:\\*:lead:star', target)).toBeUndefined();
    expect(password('db.example:5432:\\*:lead:star', { ...target, database: '*' })).toBe('star');
  });

  it('keeps colons of the password as they are (the password is the rest of the line)', () => {
    expect(password('db.example:5432:callscope:lead:a:b:c')).toBe('a:b:c');
  });

  it('skips comments, blank lines, short lines and Windows line ends', () => {
    const file = '# a comment:*:*:*:no\r\n\r\nshort:line\r\ndb.example:5432:callscope:lead:yes\r\n';
    expect(password(file)).toBe('yes');
    expect(parsePgpass(file)).toHaveLength(1);
  });

  it('matches a missing port as 5432 and the default socket as localhost, as libpq does', async () => {
    expect(pgpassHost(undefined)).toBe('localhost');
    expect(pgpassHost('/var/run/postgresql')).toBe('localhost');
    expect(pgpassHost('/srv/sockets')).toBe('/srv/sockets');
    const file = pgpassFile('db.example:5432:callscope:lead:default-port');
    const ask = passwordWhenAsked(
      parsePostgresUrl('postgres://lead@db.example/callscope'),
      {},
      { PGPASSFILE: file },
    );
    expect(await ask()).toBe('default-port');
    const socket = parsePostgresUrl('postgres://lead@localhost/callscope?host=/var/run/postgresql');
    const local = pgpassFile('localhost:5432:callscope:lead:over-the-socket');
    expect(await passwordWhenAsked(socket, {}, { PGPASSFILE: local })()).toBe('over-the-socket');
  });

  it('is ignored when group or others may read it, or when it is not a file', () => {
    expect(readPgpassPassword(target, pgpassFile('*:*:*:*:open', 0o644), 'linux')).toBeUndefined();
    expect(readPgpassPassword(target, pgpassFile('*:*:*:*:group', 0o640), 'linux')).toBeUndefined();
    expect(readPgpassPassword(target, pgpassFile('*:*:*:*:mine', 0o400), 'linux')).toBe('mine');
    const dir = tempDir();
    dirs.push(dir);
    expect(readPgpassPassword(target, dir, 'linux')).toBeUndefined();
    expect(readPgpassPassword(target, path.join(dir, 'missing'), 'linux')).toBeUndefined();
  });

  it('is PGPASSFILE, else ~/.pgpass, else on Windows %APPDATA%\\postgresql\\pgpass.conf', () => {
    expect(pgpassPath({ PGPASSFILE: '/etc/cs/pass' }, '/home/lead', 'linux')).toBe('/etc/cs/pass');
    expect(pgpassPath({}, '/home/lead', 'linux')).toBe(path.join('/home/lead', '.pgpass'));
    expect(pgpassPath({ APPDATA: 'C:/AppData' }, 'C:/Users/lead', 'win32')).toBe(
      path.join('C:/AppData', 'postgresql', 'pgpass.conf'),
    );
  });

  it('comes after PGPASSWORD and before the caller (the keychain)', async () => {
    const t = parsePostgresUrl('postgres://lead@db.example:5432/callscope');
    const keychain = () => 'from-keychain';
    expect(await passwordWhenAsked(t, { password: keychain }, { PGPASSWORD: 'from-env' })()).toBe('from-env');
    const none = pgpassFile('other:*:*:*:x');
    expect(await passwordWhenAsked(t, { password: keychain }, { PGPASSFILE: none })()).toBe('from-keychain');
    expect(await passwordWhenAsked(t, {}, { PGPASSFILE: none })()).toBe('');
  });
});

describe('opening a team workspace with a pgpass file', () => {
  const testDb = useTestDatabase();
  const role = `callscope_pgpass_${crypto.randomBytes(4).toString('hex')}`;
  const secret = `pw-${crypto.randomBytes(8).toString('hex')}`;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${secret}'`);
  });
  afterAll(async () => {
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('signs in with its password and pg prints no deprecation warning', async () => {
    const url = new URL(testDb.url);
    url.searchParams.delete('host');
    url.hostname = '127.0.0.1';
    url.port = process.env.PGPORT ?? '5432';
    url.username = role;
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const before = process.env.PGPASSFILE;
    process.env.PGPASSFILE = pgpassFile(`127.0.0.1:*:${testDb.name}:${role}:${secret}\n`);
    try {
      const db = await openPostgres(url.toString());
      await db.destroy();
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => /pgpass/i.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      if (before === undefined) delete process.env.PGPASSFILE;
      else process.env.PGPASSFILE = before;
    }
  });
});
