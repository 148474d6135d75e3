/**
 * A team workspace's door in the browser: a PostgreSQL test database set up by `callscope team
 * init`, the web host over it. A wrong password is refused; the right one signs in; an agent sees
 * no Import page. The sign-in page is screenshotted in both languages.
 */
import path from 'node:path';
import { FIXTURES } from '../helpers';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { ADMIN, openTeamWorkspace, signIn, signOut, type TeamWorkspace } from './team-workspace';

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

let team: TeamWorkspace;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  team = await openTeamWorkspace({
    callsFile: path.join(FIXTURES, 'calls/callscope-basic.csv'),
    adminName: '周管理',
    // The admin makes agent 8001 (王伟) a user, as the Users page would.
    setUp: async (call) => {
      const agents = await call('agents.list', {});
      const wang = agents.find((a) => a.code === '8001')!;
      await call('users.create', { ...AGENT, displayName: '王伟', role: 'agent', agentId: wang.id });
    },
  });
});

test.afterAll(async () => {
  await team?.close();
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('a wrong password is refused, the right one signs in; an agent sees no Import page', async ({
    page,
  }) => {
    await page.goto(team.urls[0]!);
    const form = page.getByTestId('sign-in');
    await expect(form).toContainText('Sign in');
    await expect(form).toContainText('team workspace');
    await screenshot(page, 'sign-in-en');
    expect(await uploadStatus(page)).toBe(401); // nobody signed in: no file reaches the host

    await signIn(page, { login: ADMIN.login, password: 'not-the-password' });
    await expect(page.getByTestId('sign-in-refused')).toHaveText('Wrong login or password.');
    await screenshot(page, 'sign-in-refused-en');

    await signIn(page, ADMIN);
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

    await signOut(page);
    await signIn(page, AGENT);
    await expect(page.getByTestId('signed-in-user')).toContainText('Agent');
    await expect(page.getByTestId('nav-dashboard')).toBeVisible();
    await expect(page.getByTestId('nav-import')).toHaveCount(0);
    expect(await uploadStatus(page)).toBe(403);
    await expect(page.getByTestId('nav-people')).toHaveCount(0);
    await expect(page.getByTestId('nav-reports')).toHaveCount(0);
    await screenshot(page, 'signed-in-agent-en');
    await signOut(page);
  });
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the sign-in page and its refusal; the QA supervisor the admin added signs in', async ({ page }) => {
    await page.goto(team.urls[0]!);
    await expect(page.getByTestId('sign-in')).toContainText('团队工作区');
    await screenshot(page, 'sign-in-zh-CN');
    await signIn(page, { login: 'nobody', password: 'whatever-it-is' });
    await expect(page.getByTestId('sign-in-refused')).toHaveText('账号或密码不对。');
    await screenshot(page, 'sign-in-refused-zh-CN');
    // The QA supervisor the admin added: no Import, no People, no Users.
    await signIn(page, { login: 'li.qa', password: 'qa-password-1' });
    await expect(page.getByTestId('signed-in-user')).toContainText('质检员');
    await expect(page.getByTestId('nav-audits')).toBeVisible();
    await expect(page.getByTestId('nav-import')).toHaveCount(0);
    await expect(page.getByTestId('nav-users')).toHaveCount(0);
    await signOut(page);
    await signIn(page, ADMIN);
    await page.getByTestId('nav-users').click();
    await expect(page.getByTestId('users-page')).toContainText('可以登录的用户');
    await screenshot(page, 'users-zh-CN');
    await signOut(page);
  });
});
