/**
 * "Change your password at next sign-in": an admin's reset marks the user (migration 21); while
 * marked, the service layer refuses every method but the sign-in state, the password change and
 * signing out, with an error in both languages; the user's own change clears it. The mark and the
 * refusal hold on both engines; signing in exists on a team workspace (PostgreSQL) only, where the
 * whole round runs through a second API as the user would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_DUE_METHODS, type Method } from '../../src-shared/api';
import { translate } from '../../src-shared/i18n';
import { messageIn } from '../../src-shared/i18n/message-code';
import { admit } from '../../src-main/auth/guard';
import { actorOf, setPassword } from '../../src-main/auth/users';
import { ApiError } from '../../src-main/errors';
import { openTestWorkspace, TEST_ADMIN, type TestWorkspace } from '../helpers';

let t: TestWorkspace;
let agentUser: number;

/** The stored mark, read independently of the users module. */
async function marked(id: number): Promise<number> {
  const row = await t.ws.kysely
    .selectFrom('users')
    .select('must_change_password')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.must_change_password);
}

beforeAll(async () => {
  t = await openTestWorkspace();
  const team = await t.call('teams.create', { name: 'A组' });
  const agent = await t.ws.kysely
    .insertInto('agents')
    .values({ code: 'A001', name: '李娜', team_id: team.id, active: 1, created_at: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  agentUser = (
    await t.call('users.create', {
      login: 'li.na',
      displayName: '李娜',
      role: 'agent',
      password: 'first-password',
      agentId: agent.id,
    })
  ).id;
}, 60_000);

afterAll(async () => t?.close());

describe('an admin reset marks the user until they change the password', () => {
  it('a new user is not marked; a reset marks them and the user list shows it', async () => {
    expect(await marked(agentUser)).toBe(0);
    await t.call('users.resetPassword', { id: agentUser, password: 'given-by-admin' });
    expect(await marked(agentUser)).toBe(1);
    const listed = (await t.call('users.list')).find((u) => u.id === agentUser)!;
    expect(listed.mustChangePassword).toBe(true);
  });

  it('refuses every method but the three while marked, in both languages', async () => {
    const actor = (await actorOf(t.ws.kysely, agentUser))!;
    expect(actor.mustChangePassword).toBe(true);
    for (const method of PASSWORD_DUE_METHODS)
      await expect(admit(t.ws, actor, method, {})).resolves.toBeTruthy();
    const refused: Method[] = ['teams.list', 'metrics.summary', 'audits.list', 'auth.signIn'];
    for (const method of refused) {
      const error = await admit(t.ws, actor, method, {}).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error, method).toBeInstanceOf(ApiError);
      if (!(error instanceof ApiError)) continue;
      expect(error.code).toBe('forbidden');
      expect(error.message).toBe(
        `${method}: your password was reset by an admin: choose your own password (My account) before anything else`,
      );
      const zh = messageIn(
        (key, params) => translate('zh-CN', key, params),
        'zh-CN',
        error.message,
        error.messageCode,
      );
      expect(zh).toBe(
        `管理员重置了你的密码：请先在“我的账号”里设置自己的密码，才能使用其他功能（${method}）。`,
      );
    }
  });

  it('the user’s own password clears it; an admin resetting their own is not marked', async () => {
    await setPassword(t.ws.kysely, agentUser, 'my-own-password');
    expect(await marked(agentUser)).toBe(0);
    const actor = (await actorOf(t.ws.kysely, agentUser))!;
    expect(actor.mustChangePassword).toBe(false);
    await expect(admit(t.ws, actor, 'teams.list', {})).resolves.toBeTruthy();
    if (t.ws.engine === 'postgres') {
      const admin = (await t.call('users.list')).find((u) => u.login === TEST_ADMIN.login)!;
      await t.call('users.resetPassword', { id: admin.id, password: TEST_ADMIN.password });
      expect(await marked(admin.id)).toBe(0);
    }
  });

  it('on a team workspace: signs in marked, is refused, changes the password, then works', async () => {
    if (t.ws.engine !== 'postgres') return; // a local file has no sign-in
    await t.call('users.resetPassword', { id: agentUser, password: 'given-by-admin' });
    const { createApi } = await import('../../src-main/api');
    const theirs = createApi(t.ws);
    const signIn = await theirs.dispatch('auth.signIn', { login: 'li.na', password: 'given-by-admin' });
    expect(signIn).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(await theirs.dispatch('auth.state', {})).toMatchObject({
      ok: true,
      value: { user: { login: 'li.na', mustChangePassword: true } },
    });
    expect(
      await theirs.dispatch('metrics.summary', { filter: { from: '2026-01-01', to: '2026-01-31' } }),
    ).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'metrics.summary: your password was reset by an admin: choose your own password (My account) before anything else',
        messageCode: { key: 'passwordDue.refused', params: { method: 'metrics.summary' } },
      },
    });
    expect(
      await theirs.dispatch('auth.changePassword', { current: 'given-by-admin', next: 'chosen-by-me' }),
    ).toEqual({ ok: true, value: { changed: true } });
    expect(await marked(agentUser)).toBe(0);
    expect(await theirs.dispatch('auth.state', {})).toMatchObject({
      value: { user: { mustChangePassword: false } },
    });
    expect(
      await theirs.dispatch('metrics.summary', { filter: { from: '2026-01-01', to: '2026-01-31' } }),
    ).toMatchObject({ ok: true });
    expect(await theirs.dispatch('auth.signOut', {})).toMatchObject({ ok: true });
  });
});
