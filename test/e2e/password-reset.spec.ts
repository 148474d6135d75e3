/**
 * "Change your password at next sign-in" in the browser, on a team workspace (a PostgreSQL test
 * database set up by `callscope team init`, the web host over it): the admin resets an agent's
 * password on the Users page (the row says the agent must change it); the agent signs in with it
 * and lands on My account's change-password page with no sidebar, cannot get away from it, changes
 * it, and then reaches their pages. In English and in Chinese, screenshotted at 1366×768.
 */
import path from 'node:path';
import { FIXTURES } from '../helpers';
import { expect, screenshot, test } from './fixtures';
import { ADMIN, openTeamWorkspace, signIn, signOut, type TeamWorkspace } from './team-workspace';

/** One agent user per language: each run resets its own. */
const AGENTS = {
  en: { login: 'wang.wei', code: '8001', name: '王伟', password: 'agent-password-1' },
  'zh-CN': { login: 'li.na', code: '8002', name: '李娜', password: 'agent-password-2' },
} as const;

let team: TeamWorkspace | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  team = await openTeamWorkspace({
    callsFile: path.join(FIXTURES, 'calls/callscope-basic.csv'),
    adminName: '周管理',
    setUp: async (call) => {
      const agents = await call('agents.list', {});
      for (const user of Object.values(AGENTS))
        await call('users.create', {
          login: user.login,
          password: user.password,
          displayName: user.name,
          role: 'agent',
          agentId: agents.find((a) => a.code === user.code)!.id,
        });
    },
  });
});

test.afterAll(async () => team?.close());

const WORDS = {
  en: { badge: 'Must change password', title: 'Choose your own password', changed: 'Agent' },
  'zh-CN': { badge: '须修改密码', title: '请设置你自己的密码', changed: '坐席' },
} as const;

for (const language of ['en', 'zh-CN'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: language === 'en' ? 'en-US' : 'zh-CN' });

    test('the agent whose password the admin reset must choose their own before anything else', async ({
      page,
    }) => {
      const agent = AGENTS[language];
      const words = WORDS[language];
      const given = `given-by-admin-${language}`;
      await page.goto(team!.urls[0]!);
      await signIn(page, ADMIN);
      await page.getByTestId('nav-users').click();
      const row = page.locator(`[data-testid="user-row"][data-login="${agent.login}"]`);
      await expect(row.getByTestId('user-must-change')).toHaveCount(0);
      await row.getByTestId('user-new-password').fill(given);
      await row.locator('form.users__reset button[type="submit"]').click();
      await expect(row.getByTestId('user-must-change')).toHaveText(words.badge);
      await screenshot(page, `password-reset-users-${language}`);
      await signOut(page);

      // The agent signs in with the admin's password: the change-password page, no sidebar.
      await signIn(page, { login: agent.login, password: given });
      const due = page.getByTestId('password-due');
      await expect(due).toBeVisible();
      await expect(due.locator('h1')).toHaveText(words.title);
      await expect(page).toHaveURL(/#\/account$/);
      await expect(page.getByTestId('nav-dashboard')).toHaveCount(0);
      await expect(page.locator('.sidebar')).toHaveCount(0);
      await screenshot(page, `password-due-${language}`);

      // Another address brings them back; the service refuses the dashboard's numbers too.
      await page.evaluate(() => {
        window.location.hash = '#/dashboard';
      });
      await expect(page).toHaveURL(/#\/account$/);
      await expect(due).toBeVisible();
      const refused = await page.evaluate(async () => {
        const token = sessionStorage.getItem('callscope.token');
        const r = await fetch('/api/teams.list', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{}',
        });
        return { status: r.status, body: (await r.json()) as { error?: { code: string; message: string } } };
      });
      expect(refused.body.error).toMatchObject({ code: 'forbidden' });
      expect(refused.body.error?.message).toContain('choose your own password');

      await page.getByTestId('password-current').fill(given);
      await page.getByTestId('password-next').fill(agent.password + '-new');
      await page.getByTestId('password-repeat').fill(agent.password + '-new');
      await page.getByTestId('password-submit').click();

      // In: the sidebar and their pages.
      await expect(page.getByTestId('signed-in-user')).toContainText(words.changed);
      await expect(due).toHaveCount(0);
      await page.getByTestId('nav-dashboard').click();
      await expect(page.getByTestId('range-caption')).toBeVisible();
      await expect(page).not.toHaveURL(/#\/account$/);
      await screenshot(page, `password-changed-dashboard-${language}`);
      await signOut(page);

      // The admin's list no longer marks them.
      await signIn(page, ADMIN);
      await page.getByTestId('nav-users').click();
      await expect(row).toBeVisible();
      await expect(row.getByTestId('user-must-change')).toHaveCount(0);
      await signOut(page);
    });
  });
}
