/**
 * Every role that signs in to a team workspace (PostgreSQL) gets an app that fits it: the sidebar
 * holds exactly the pages the role's job needs, and none of them shows an error panel or makes a
 * call the role is refused. An agent changes their password; the old one no longer signs in.
 */
import path from 'node:path';
import { FIXTURES } from '../helpers';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { chooseRange } from './raw-db';
import { browserSignedIn, openTeamWorkspace, signIn, signOut, type TeamWorkspace } from './team-workspace';

const AGENT = { login: 'wang.wei', password: 'agent-password-1', displayName: '王伟' };
const QA = { login: 'li.qa', password: 'qa-password-1', displayName: '李质检' };
const MANAGER = { login: 'zhou.mgr', password: 'manager-password-1', displayName: '周经理' };
const LEAD = { login: 'zhao.lead', password: 'lead-password-1', displayName: '赵组长' };

/**
 * The floor's rules, written down here (not read from the access table): what each role's
 * sidebar holds, in the sidebar's order.
 * - agent: their own numbers, calls, audits and coaching notes, and their account.
 * - QA: audits and the numbers around them (targets, no pay: no reports), no imports, no people.
 * - manager: reads everything, reports included; imports and people are a lead's writes.
 * - team lead: their teams, imports and people included; users are the admin's.
 */
const NAV: Record<'agent' | 'qa' | 'manager' | 'team_lead', string[]> = {
  agent: ['dashboard', 'calls', 'audits', 'coaching', 'settings'],
  qa: ['dashboard', 'calls', 'audits', 'coaching', 'targets', 'settings'],
  manager: ['dashboard', 'calls', 'audits', 'coaching', 'targets', 'reports', 'settings'],
  team_lead: [
    'dashboard',
    'calls',
    'audits',
    'coaching',
    'targets',
    'reports',
    'import',
    'settings',
    'people',
  ],
};
const USERS = { agent: AGENT, qa: QA, manager: MANAGER, team_lead: LEAD };

const FROM = '2026-11-01';
const TO = '2026-11-30';

let team: TeamWorkspace;
/** 王伟, agent 8001: the agent user is him */
let wangId: number;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  team = await openTeamWorkspace({
    callsFile: path.join(FIXTURES, 'calls/callscope-basic.csv'),
    adminName: '管理员',
    // The admin adds one user per role, as the Users page does, and a coaching note for 王伟.
    setUp: async (call) => {
      const teams = await call('teams.list', {});
      const agents = await call('agents.list', {});
      wangId = agents.find((a) => a.code === '8001')!.id;
      await call('users.create', { ...AGENT, role: 'agent', agentId: wangId });
      await call('users.create', { ...QA, role: 'qa' });
      await call('users.create', { ...MANAGER, role: 'manager' });
      await call('users.create', {
        ...LEAD,
        role: 'team_lead',
        teamIds: [teams.find((t) => t.name === '销售一组')!.id],
      });
      await call('coaching.createNote', {
        agentId: wangId,
        kind: 'oneOnOne',
        day: '2026-11-04',
        coach: LEAD.displayName,
        strengths: '开场白清楚，语速合适',
        shortfalls: '价格异议处理太快放弃',
      });
    },
  });
});

test.afterAll(async () => {
  await team?.close();
});

/** Signs out (the host keeps its user otherwise) and closes the browser. */
async function leave(page: Page): Promise<void> {
  await signOut(page);
  await page.context().close();
}

/** The sidebar's pages, in its order. */
async function navPages(page: Page): Promise<string[]> {
  const ids = await page
    .locator('.sidebar__nav [data-testid^="nav-"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')!));
  return ids.map((id) => id.replace(/^nav-/, ''));
}

/** Waits until the page has made its calls (no request open for a quarter of a second). */
async function settled(page: Page, open: Set<string>): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = open.size;
        await page.waitForTimeout(250);
        return before === 0 && open.size === 0 && (await page.locator('.skeleton-block').count()) === 0;
      },
      // each probe waits its quarter second: no pause between probes
      { timeout: 20_000, intervals: [50] },
    )
    .toBe(true);
}

/** No error panel on screen, and no call the role was refused. */
async function expectFits(page: Page, refused: string[], where: string): Promise<void> {
  await expect.soft(page.locator('main [role="alert"].error-message'), where).toHaveCount(0);
  expect.soft(refused, `${where}: calls refused`).toEqual([]);
  refused.length = 0;
}

for (const role of ['agent', 'qa', 'manager', 'team_lead'] as const) {
  test(`${role}: the sidebar holds exactly the role's pages, and none shows an error`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await browserSignedIn(browser, team.urls[0]!, USERS[role], 'en-US');
    await expect(page.getByTestId('signed-in-user')).toContainText(USERS[role].displayName);
    // Every call the pages make, and the ones the role was refused.
    const open = new Set<string>();
    const refused: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && open.add(r.url() + r.postData()));
    page.on('requestfinished', (r) => open.delete(r.url() + r.postData()));
    page.on('requestfailed', (r) => open.delete(r.url() + r.postData()));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() === 403) refused.push(new URL(r.url()).pathname);
    });

    expect(await navPages(page)).toEqual(NAV[role]);
    await chooseRange(page, FROM, TO);
    for (const entry of NAV[role]) {
      await page.getByTestId(`nav-${entry}`).click();
      await expect(page.getByTestId(`nav-${entry}`)).toHaveAttribute('aria-current', 'page');
      await settled(page, open);
      await expectFits(page, refused, `${role} on ${entry}`);
      // A page's tabs are pages too.
      const tabs = page.locator('main [role="tab"]');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        await settled(page, open);
        await expectFits(page, refused, `${role} on ${entry}, tab ${await tabs.nth(i).textContent()}`);
      }
    }
    // Pages outside the sidebar: 王伟's page (reached from the dashboard), and the account.
    for (const hash of [`#/agents/${wangId}`, '#/account']) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await settled(page, open);
      await expectFits(page, refused, `${role} on ${hash}`);
    }
    // An address to a page the role may not open shows the dashboard, not an error.
    if (!NAV[role].includes('users')) {
      await page.evaluate(() => (window.location.hash = '#/users'));
      await expect(page.getByTestId('nav-dashboard')).toHaveAttribute('aria-current', 'page');
      await settled(page, open);
      await expectFits(page, refused, `${role} on #/users`);
    }
    await leave(page);
  });
}

/** Changes the password on the account page (the form as a user fills it). */
async function changePassword(page: Page, current: string, next: string, repeat = next): Promise<void> {
  await page.getByTestId('password-current').fill(current);
  await page.getByTestId('password-next').fill(next);
  await page.getByTestId('password-repeat').fill(repeat);
  await page.getByTestId('password-submit').click();
}

test('the agent in Chinese: their sidebar, their audits and coaching, the change-password screen', async ({
  browser,
}) => {
  const page = await browserSignedIn(browser, team.urls[0]!, AGENT, 'zh-CN');
  await expect(page.getByTestId('signed-in-user')).toContainText('坐席');
  await expect(page.getByTestId('nav-coaching')).toContainText('辅导');
  await chooseRange(page, FROM, TO);
  // Their own numbers only: no team or agent to pick, the campaign still.
  await expect(page.getByTestId('filter-team')).toHaveCount(0);
  await expect(page.getByTestId('filter-agent')).toHaveCount(0);
  await expect(page.getByTestId('filter-campaign')).toBeVisible();
  await screenshot(page, 'roles-agent-dashboard-zh-CN');
  await page.getByTestId('nav-coaching').click();
  await expect(page.getByTestId('coaching-new-note')).toHaveCount(0);
  // Their note opens to read: the fields as written, nothing to save or delete.
  await page.getByTestId('coaching-note-row').getByRole('link').first().click();
  await expect(page.getByTestId('note-strengths')).toHaveValue('开场白清楚，语速合适');
  await expect(page.getByTestId('note-strengths')).toBeDisabled();
  await expect(page.getByTestId('note-save')).toHaveCount(0);
  await screenshot(page, 'roles-agent-note-zh-CN');

  await page.getByTestId('account-link').click();
  await expect(page.getByTestId('account-page')).toContainText('我的账号');
  await changePassword(page, AGENT.password, 'short');
  await expect(page.getByTestId('password-problem')).toHaveText('新密码至少要 8 个字符。');
  await changePassword(page, AGENT.password, 'new-password-2', 'new-password-3');
  await expect(page.getByTestId('password-problem')).toHaveText('两次输入的新密码不一样。');
  await changePassword(page, 'not-my-password', 'new-password-2');
  await expect(page.getByTestId('password-wrong-current')).toHaveText('当前密码不对。');
  await screenshot(page, 'roles-agent-password-zh-CN');
  await leave(page);
});

test('an agent changes their password: the old one no longer signs in, the new one does', async ({
  browser,
}) => {
  const page = await browserSignedIn(browser, team.urls[0]!, AGENT, 'en-US');
  await chooseRange(page, FROM, TO);
  await screenshot(page, 'roles-agent-dashboard-en');
  await page.getByTestId('nav-audits').click();
  await expect(page.getByTestId('agent-audits')).toBeVisible();
  await expect(page.getByTestId('sample-builder')).toHaveCount(0);
  await screenshot(page, 'roles-agent-audits-en');

  await page.getByTestId('account-link').click();
  await expect(page.getByTestId('account-page')).toContainText('My account');
  await changePassword(page, AGENT.password, 'short');
  await expect(page.getByTestId('password-problem')).toHaveText(
    'The new password needs at least 8 characters.',
  );
  await changePassword(page, AGENT.password, 'new-password-2', 'new-password-3');
  await expect(page.getByTestId('password-problem')).toHaveText('The two new passwords are not the same.');
  await changePassword(page, 'not-my-password', 'new-password-2');
  await expect(page.getByTestId('password-wrong-current')).toHaveText('The current password is wrong.');
  await screenshot(page, 'roles-agent-password-en');
  // A wrong current password does not sign anyone out.
  await expect(page.getByTestId('signed-in-user')).toBeVisible();

  await changePassword(page, AGENT.password, 'new-password-2');
  await expect(page.getByTestId('password-changed')).toContainText('Your password is changed');
  await expect(page.getByTestId('password-current')).toHaveValue('');
  await screenshot(page, 'roles-agent-password-changed-en');

  await signOut(page);
  await signIn(page, AGENT);
  await expect(page.getByTestId('sign-in-refused')).toHaveText('Wrong login or password.');
  await signIn(page, { login: AGENT.login, password: 'new-password-2' });
  await expect(page.getByTestId('signed-in-user')).toContainText(AGENT.displayName);
  await leave(page);
});
