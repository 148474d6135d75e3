/**
 * Signing in to a team workspace (PostgreSQL): scrypt hashes with their parameters and a salt of
 * their own, one answer for a wrong login or password, users an admin manages, a disabled user
 * refused at their next call, and a local file that needs no sign-in.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src-main/auth/passwords';
import type { Outcome } from '../../src-main/dispatch';
import { FIXTURES, openTestWorkspace, TEST_ADMIN, type TestWorkspace } from '../helpers';

function scryptOf(password: string, stored: string): boolean {
  // An independent check of the stored form: scrypt$N$r$p$salt$hash, recomputed here.
  const [kind, N, r, p, salt, hash] = stored.split('$');
  expect(kind).toBe('scrypt');
  const key = crypto.scryptSync(password, Buffer.from(salt!, 'base64'), 32, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: 512 * 1024 * 1024,
  });
  return key.toString('base64') === hash;
}

describe('passwords', () => {
  it('are stored as scrypt with their parameters and a salt per hash', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(scryptOf('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$1$1$AA$AA')).toBe(false);
  });

  it('refuses one shorter than 8 characters', async () => {
    await expect(hashPassword('1234567')).rejects.toThrow(/at least 8/);
  });
});

describe('a team workspace', () => {
  let t: TestWorkspace;
  beforeAll(async () => {
    t = await openTestWorkspace(undefined, { engine: 'postgres' });
  });
  afterAll(async () => t?.close());
  const raw = (method: string, input: unknown = {}): Promise<Outcome> => t.api.dispatch(method, input);

  it('says a sign-in is required, who is signed in, and never shows a hash', async () => {
    const state = await t.call('auth.state');
    expect(state).toMatchObject({ required: true, initialised: true, user: { login: TEST_ADMIN.login } });
    expect(JSON.stringify(await t.call('users.list'))).not.toMatch(/scrypt/);
    const stored = await t.ws.kysely.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(scryptOf(TEST_ADMIN.password, stored.password_hash)).toBe(true);
  });

  it('gives one answer to a wrong login and a wrong password, and then nothing answers', async () => {
    const wrongLogin = await raw('auth.signIn', { login: 'nobody', password: TEST_ADMIN.password });
    const wrongPassword = await raw('auth.signIn', { login: TEST_ADMIN.login, password: 'not-the-password' });
    expect(wrongLogin).toEqual({ ok: false, error: { code: 'unauthorized', message: 'unauthorized' } });
    expect(wrongPassword).toEqual(wrongLogin);
    expect(await raw('teams.list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await raw('auth.state')).toMatchObject({ ok: true, value: { required: true, user: null } });
    // The login's case does not matter.
    expect(await raw('auth.signIn', { login: 'ADMIN', password: TEST_ADMIN.password })).toMatchObject({
      ok: true,
    });
  });

  it('lets an admin create, change and disable users; a disabled user loses access at the next call', async () => {
    const team = await t.call('teams.create', { name: 'A组' });
    const lead = await t.call('users.create', {
      login: 'Lead.Wang',
      displayName: '王组长',
      role: 'team_lead',
      password: 'lead-password',
      teamIds: [team.id],
    });
    expect(lead).toMatchObject({ role: 'team_lead', teamIds: [team.id], agentId: null, disabled: false });
    expect(
      await raw('users.create', { login: 'lead.wang', displayName: 'x', role: 'qa', password: 'whatever1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await raw('users.create', { login: 'short', displayName: 'x', role: 'qa', password: '1234567' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(
      await raw('users.create', { login: 'ag', displayName: 'x', role: 'agent', password: '12345678' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });

    // The lead signs in on a machine of their own (another API over the same database).
    const { createApi } = await import('../../src-main/api');
    const theirs = createApi(t.ws);
    try {
      expect(
        await theirs.dispatch('auth.signIn', { login: 'lead.wang', password: 'lead-password' }),
      ).toMatchObject({ ok: true });
      expect(await theirs.dispatch('teams.list', {})).toMatchObject({ ok: true });
      expect(await theirs.dispatch('users.list', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      await t.call('users.update', { id: lead.id, disabled: true });
      expect(await theirs.dispatch('teams.list', {})).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      expect(
        await theirs.dispatch('auth.signIn', { login: 'lead.wang', password: 'lead-password' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', message: 'unauthorized' },
      });
      await t.call('users.update', { id: lead.id, disabled: false });
      await t.call('users.resetPassword', { id: lead.id, password: 'new-lead-password' });
      expect(
        await theirs.dispatch('auth.signIn', { login: 'lead.wang', password: 'lead-password' }),
      ).toMatchObject({ ok: false });
      expect(
        await theirs.dispatch('auth.signIn', { login: 'lead.wang', password: 'new-lead-password' }),
      ).toMatchObject({ ok: true });
      expect(
        await theirs.dispatch('auth.changePassword', { current: 'wrong-one', next: 'another-password' }),
      ).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(
        await theirs.dispatch('auth.changePassword', {
          current: 'new-lead-password',
          next: 'another-password',
        }),
      ).toMatchObject({ ok: true });
      expect(await theirs.dispatch('auth.signOut', {})).toEqual({ ok: true, value: { signedOut: true } });
      expect(await theirs.dispatch('teams.list', {})).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      expect(
        await theirs.dispatch('auth.signIn', { login: 'lead.wang', password: 'another-password' }),
      ).toMatchObject({ ok: true });
    } finally {
      await theirs.close();
    }
  });

  it("refuses an import started at the command line's door to a role that may not import", async () => {
    await t.call('users.create', {
      login: 'qa.li',
      displayName: '李质检',
      role: 'qa',
      password: 'qa-password',
    });
    const { createApi } = await import('../../src-main/api');
    const qa = createApi(t.ws);
    try {
      const file = path.join(FIXTURES, 'calls/callscope-basic.csv');
      const signedOut = await qa.jobs.wait(qa.startImport(file, {}));
      expect(signedOut).toMatchObject({ status: 'failed', error: expect.stringMatching(/sign in first/) });
      await qa.dispatch('auth.signIn', { login: 'qa.li', password: 'qa-password' });
      const refused = await qa.jobs.wait(qa.startImport(file, {}));
      expect(refused).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/a QA supervisor may not/),
      });
      expect(await t.call('import.batches')).toEqual([]);
    } finally {
      await qa.close();
    }
  });

  it('keeps its last admin', async () => {
    const [admin] = (await t.call('users.list')).filter((u) => u.role === 'admin');
    expect(await raw('users.update', { id: admin!.id, role: 'manager' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/last admin/) },
    });
    expect(await raw('users.update', { id: admin!.id, disabled: true })).toMatchObject({ ok: false });
  });
});

describe('a local workspace file', () => {
  it('needs no sign-in: everything answers, nobody is signed in', async () => {
    const t = await openTestWorkspace(undefined, { engine: 'sqlite' });
    try {
      expect(await t.call('auth.state')).toEqual({ required: false, initialised: true, user: null });
      expect(await t.call('teams.create', { name: 'A' })).toMatchObject({ name: 'A' });
      expect(await t.call('settings.get')).toMatchObject({ timeZone: 'Asia/Shanghai' });
      expect(await t.api.dispatch('auth.signIn', { login: 'a', password: 'b' })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    } finally {
      await t.close();
    }
  });
});
