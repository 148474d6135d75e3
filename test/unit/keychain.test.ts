/**
 * The desktop keychain without Electron: team workspace passwords kept sealed by a cipher (here a
 * stand-in for the OS keychain's safeStorage), keyed by host, port, database and user; and the
 * session on a real PostgreSQL server asking for the password, remembering what signed in, and
 * forgetting a remembered one the server refuses.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeychainPassword } from '../../src-main/keychain/keychain-password';
import { passwordPromptPage, passwordPromptTexts } from '../../src-main/keychain/prompt-page';
import {
  savedPasswordKey,
  SavedPasswords,
  type Cipher,
  type SavedPasswordKey,
} from '../../src-main/keychain/saved-passwords';
import { openSession } from '../../src-main/session';
import { tempDir } from '../helpers';
import { adminUrl, createTestDatabase, type TestDatabase } from '../pg-admin';

/** A stand-in for the OS keychain: AES under a key of its own, and a switch for "no encryption here". */
class FakeKeychain implements Cipher {
  available = true;
  private readonly key = crypto.randomBytes(32);
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }
  decryptString(sealed: Buffer): string {
    const d = crypto.createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    d.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function storeFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'team-passwords.json');
}

const lead: SavedPasswordKey = { host: 'db.example', port: 5432, database: 'callscope', user: 'lead' };

describe('saved team workspace passwords', () => {
  it('keeps a password sealed, per host, port, database and user, and forgets it', () => {
    const file = storeFile();
    const keychain = new FakeKeychain();
    const store = new SavedPasswords(file, keychain);
    expect(store.remember(lead, 's3cret-pw')).toBe(true);
    expect(store.remember({ ...lead, user: 'qa' }, 'qa-pw')).toBe(true);
    expect(new SavedPasswords(file, keychain).get(lead)).toBe('s3cret-pw');
    expect(store.get({ ...lead, port: 5433 })).toBeUndefined();
    expect(store.get({ ...lead, database: 'other' })).toBeUndefined();
    expect(store.get({ ...lead, host: 'db2.example' })).toBeUndefined();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('s3cret-pw');
    expect(text).not.toContain('qa-pw');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    store.forget(lead);
    expect(store.get(lead)).toBeUndefined();
    expect(store.get({ ...lead, user: 'qa' })).toBe('qa-pw');
  });

  it('stores nothing when the OS offers no encryption', () => {
    const file = storeFile();
    const keychain = new FakeKeychain();
    keychain.available = false;
    const store = new SavedPasswords(file, keychain);
    expect(store.remember(lead, 'plain-never')).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
    expect(store.get(lead)).toBeUndefined();
  });

  it('reads a damaged file or another keychain’s seal as nothing saved', () => {
    const file = storeFile();
    fs.writeFileSync(file, '{not json', { mode: 0o600 });
    expect(new SavedPasswords(file, new FakeKeychain()).get(lead)).toBeUndefined();
    new SavedPasswords(file, new FakeKeychain()).remember(lead, 'pw');
    expect(new SavedPasswords(file, new FakeKeychain()).get(lead)).toBeUndefined();
  });

  it('keys a URL by its host, port, database and user, with libpq’s defaults', () => {
    expect(savedPasswordKey('postgres://lead@db.example/callscope', {})).toEqual(lead);
    expect(savedPasswordKey('postgres://lead:x@db.example:6432/callscope', {})).toEqual({
      ...lead,
      port: 6432,
    });
  });

  it('words the prompt in both languages, escaped', () => {
    const key = { ...lead, user: '<lead>' };
    const en = passwordPromptTexts('en', key, true, true);
    expect(en.prompt).toBe('Password of <lead> for the database callscope on db.example:5432');
    expect(en.refused).not.toBeNull();
    const zh = passwordPromptTexts('zh-CN', key, false, false);
    expect(zh.prompt).toContain('数据库 callscope');
    expect(zh.refused).toBeNull();
    expect(zh.note).toContain('不会保存');
    const page = passwordPromptPage(en, 'en');
    expect(page).toContain('&lt;lead&gt;');
    expect(page).not.toContain('<lead>');
    expect(page).not.toContain('<script');
  });
});

describe('the desktop session asks for a team workspace password and remembers it', () => {
  const role = `callscope_keychain_${crypto.randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let admin: pg.Client;
  let url: string;
  const pgpassBefore = process.env.PGPASSFILE;
  const pgpasswordBefore = process.env.PGPASSWORD;

  beforeAll(async () => {
    // Nobody else has the password: no PGPASSWORD, no pgpass file.
    delete process.env.PGPASSWORD;
    process.env.PGPASSFILE = path.join(tempDir(), 'no-pgpass');
    admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'first-pw'`);
    db = await createTestDatabase();
    await admin.query(`ALTER DATABASE ${db.name} OWNER TO ${role}`);
    url = `postgres://${role}@127.0.0.1:${process.env.PGPORT ?? '5432'}/${db.name}?sslmode=disable`;
  });
  afterAll(async () => {
    await db?.drop();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
    if (pgpassBefore === undefined) delete process.env.PGPASSFILE;
    else process.env.PGPASSFILE = pgpassBefore;
    if (pgpasswordBefore !== undefined) process.env.PGPASSWORD = pgpasswordBefore;
  });

  it('asks once, then signs in with the remembered one; a refused one is forgotten and asked again', async () => {
    const keychain = new FakeKeychain();
    const file = storeFile();
    const asked: boolean[] = [];
    let answer = 'first-pw';
    const ask = (_key: SavedPasswordKey, again: boolean) => {
      asked.push(again);
      return Promise.resolve(answer);
    };
    const session = async () => {
      const s = await openSession(url, {
        teamPassword: new KeychainPassword(url, new SavedPasswords(file, keychain), ask),
      });
      return s;
    };

    const first = await session();
    expect(first.state().state).toBe('open');
    await first.close();
    expect(asked).toEqual([false]);
    expect(new SavedPasswords(file, keychain).get(savedPasswordKey(url))).toBe('first-pw');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('first-pw');

    const second = await session();
    expect(second.state().state).toBe('open');
    await second.close();
    expect(asked).toEqual([false]); // not asked: remembered

    await admin.query(`ALTER ROLE ${role} PASSWORD 'second-pw'`);
    const third = await session();
    const failed = third.state();
    expect(failed.state).toBe('failed');
    expect(JSON.stringify(failed)).not.toContain('first-pw');
    expect(asked).toEqual([false]); // the remembered one was tried, not the person
    expect(new SavedPasswords(file, keychain).get(savedPasswordKey(url))).toBeUndefined();

    answer = 'second-pw';
    const retried = await third.dispatch('session.retry', {});
    expect(retried.ok && retried.value).toMatchObject({ state: 'open' });
    expect(asked).toEqual([false, true]);
    expect(new SavedPasswords(file, keychain).get(savedPasswordKey(url))).toBe('second-pw');
    await third.close();
  });

  it('without encryption on this computer, signs in but keeps nothing: asked again next time', async () => {
    const keychain = new FakeKeychain();
    keychain.available = false;
    const file = storeFile();
    let asks = 0;
    const ask = () => {
      asks++;
      return Promise.resolve('second-pw');
    };
    for (let i = 0; i < 2; i++) {
      const s = await openSession(url, {
        teamPassword: new KeychainPassword(url, new SavedPasswords(file, keychain), ask),
      });
      expect(s.state().state).toBe('open');
      await s.close();
    }
    expect(asks).toBe(2);
    expect(fs.existsSync(file)).toBe(false);
  });
});
