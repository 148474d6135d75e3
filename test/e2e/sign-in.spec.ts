/**
 * A team workspace's door in the browser: a PostgreSQL test database set up by `callscope team
 * init`, the web host over it. A wrong password is refused; the right one signs in; an agent sees
 * no Import page. The sign-in page is screenshotted in both languages.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createApi } from '../../src-main/api';
import { openWorkspace } from '../../src-main/workspace';
import { startWebHost } from '../browser-mode';
import { FIXTURES, runCli } from '../helpers';
import { createTestDatabase, type TestDatabase } from '../pg-admin';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const ADMIN = { login: 'admin', password: 'admin-password-1' };
const AGENT = { login: 'wang.wei', password: 'agent-password-1' };

/** The HTTP status of an upload to the host's staging (the door beside the dispatcher). */
function uploadStatus(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const token = sessionStorage.getItem('callscope.token');
    const r = await fetch('/api/import.upload?name=x.csv', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: 'agent_code\n8001\n',
    });
    return r.status;
  });
}

let db: TestDatabase;
let host: { url: string; child: ChildProcess };

function cli(args: string[], env: Record<string, string>): void {
  const r = runCli(args, env);
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  db = await createTestDatabase('callscope_e2e');
  cli(['team', 'init', db.url, '--admin', ADMIN.login, '--name', '周管理'], {
    CALLSCOPE_ADMIN_PASSWORD: ADMIN.password,
  });
  cli(['import', path.join(FIXTURES, 'calls/callscope-basic.csv'), '--db', db.url, '--user', ADMIN.login], {
    CALLSCOPE_PASSWORD: ADMIN.password,
  });
  // The admin makes agent 8001 (王伟) a user, as the Users page would.
  const ws = await openWorkspace(db.url);
  const api = createApi(ws);
  try {
    await api.dispatch('auth.signIn', ADMIN);
    const agents = await api.dispatch('agents.list', {});
    if (!agents.ok) throw new Error(agents.error.message);
    const wang = (agents.value as { id: number; code: string }[]).find((a) => a.code === '8001')!;
    const made = await api.dispatch('users.create', {
      ...AGENT,
      displayName: '王伟',
      role: 'agent',
      agentId: wang.id,
    });
    if (!made.ok) throw new Error(made.error.message);
  } finally {
    await api.close();
    await ws.close();
  }
  host = await startWebHost(db.url);
});

test.afterAll(async () => {
  if (host) {
    host.child.kill('SIGTERM');
    await new Promise((resolve) => host.child.once('exit', resolve));
  }
  await db?.drop();
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('a wrong password is refused, the right one signs in; an agent sees no Import page', async ({
    page,
  }) => {
    await page.goto(host.url);
    const form = page.getByTestId('sign-in');
    await expect(form).toContainText('Sign in');
    await expect(form).toContainText('team workspace');
    await screenshot(page, 'sign-in-en');
    expect(await uploadStatus(page)).toBe(401); // nobody signed in: no file reaches the host

    await page.getByTestId('sign-in-login').fill(ADMIN.login);
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-refused')).toHaveText('Wrong login or password.');
    await screenshot(page, 'sign-in-refused-en');

    await page.getByTestId('sign-in-password').fill(ADMIN.password);
    await page.getByTestId('sign-in-submit').click();
    const user = page.getByTestId('signed-in-user');
    await expect(user).toContainText('周管理');
    await expect(user).toContainText('Admin');
    await expect(page.getByTestId('nav-import')).toBeVisible();
    await expect(page.getByTestId('nav-people')).toBeVisible();
    expect(await uploadStatus(page)).toBe(200);
    await screenshot(page, 'signed-in-admin-en');

    // The admin's Users page: a new QA supervisor who can then sign in.
    await page.getByTestId('nav-users').click();
    await page.getByTestId('new-user-login').fill('li.qa');
    await page.getByTestId('new-user-name').fill('李质检');
    await page.getByTestId('new-user-role').selectOption('qa');
    await page.getByTestId('new-user-password').fill('qa-password-1');
    await page.getByTestId('new-user-submit').click();
    const row = page.locator('[data-testid="user-row"][data-login="li.qa"]');
    await expect(row).toContainText('李质检');
    await expect(row.getByTestId('user-role')).toHaveValue('qa');
    await expect(page.locator('[data-testid="user-row"]')).toHaveCount(3);
    await screenshot(page, 'users-en');

    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('sign-in')).toBeVisible();
    await page.getByTestId('sign-in-login').fill(AGENT.login);
    await page.getByTestId('sign-in-password').fill(AGENT.password);
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('signed-in-user')).toContainText('Agent');
    await expect(page.getByTestId('nav-dashboard')).toBeVisible();
    await expect(page.getByTestId('nav-import')).toHaveCount(0);
    expect(await uploadStatus(page)).toBe(403);
    await expect(page.getByTestId('nav-people')).toHaveCount(0);
    await expect(page.getByTestId('nav-reports')).toHaveCount(0);
    await screenshot(page, 'signed-in-agent-en');
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('sign-in')).toBeVisible();
  });
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the sign-in page and its refusal; the QA supervisor the admin added signs in', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('sign-in')).toContainText('团队工作区');
    await screenshot(page, 'sign-in-zh-CN');
    await page.getByTestId('sign-in-login').fill('nobody');
    await page.getByTestId('sign-in-password').fill('whatever-it-is');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-refused')).toHaveText('账号或密码不对。');
    await screenshot(page, 'sign-in-refused-zh-CN');
    // The QA supervisor the admin added: no Import, no People, no Users.
    await page.getByTestId('sign-in-login').fill('li.qa');
    await page.getByTestId('sign-in-password').fill('qa-password-1');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('signed-in-user')).toContainText('质检员');
    await expect(page.getByTestId('nav-audits')).toBeVisible();
    await expect(page.getByTestId('nav-import')).toHaveCount(0);
    await expect(page.getByTestId('nav-users')).toHaveCount(0);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-login').fill(ADMIN.login);
    await page.getByTestId('sign-in-password').fill(ADMIN.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-users').click();
    await expect(page.getByTestId('users-page')).toContainText('可以登录的用户');
    await screenshot(page, 'users-zh-CN');
    await page.getByTestId('sign-out').click();
  });
});
