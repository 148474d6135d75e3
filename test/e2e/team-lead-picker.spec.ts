/**
 * A team lead of two teams on a team workspace: the filter bar's team picker offers "My teams"
 * (我的团队) — all the teams they lead — and those two teams only. Screenshotted in both languages.
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
const LEAD = { login: 'zhao.lead', password: 'lead-password-1' };

let db: TestDatabase;
let host: { url: string; child: ChildProcess };

function cli(args: string[], env: Record<string, string>): void {
  const r = runCli(args, env);
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  db = await createTestDatabase('callscope_e2e_lead');
  cli(['team', 'init', db.url, '--admin', ADMIN.login, '--name', '周管理'], {
    CALLSCOPE_ADMIN_PASSWORD: ADMIN.password,
  });
  cli(['import', path.join(FIXTURES, 'calls/callscope-basic.csv'), '--db', db.url, '--user', ADMIN.login], {
    CALLSCOPE_PASSWORD: ADMIN.password,
  });
  // The admin makes 赵组长 the lead of both teams, as the Users page would.
  const ws = await openWorkspace(db.url);
  const api = createApi(ws);
  try {
    await api.dispatch('auth.signIn', ADMIN);
    const teams = await api.dispatch('teams.list', {});
    if (!teams.ok) throw new Error(teams.error.message);
    const made = await api.dispatch('users.create', {
      ...LEAD,
      displayName: '赵组长',
      role: 'team_lead',
      teamIds: (teams.value as { id: number }[]).map((t) => t.id),
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

async function signInAsLead(page: Page): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('sign-in-login').fill(LEAD.login);
  await page.getByTestId('sign-in-password').fill(LEAD.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('signed-in-user')).toContainText('赵组长');
}

for (const [locale, mine, name] of [
  ['en-US', 'My teams', 'team-picker-lead-en'],
  ['zh-CN', '我的团队', 'team-picker-lead-zh-CN'],
] as const)
  test.describe(locale, () => {
    test.use({ locale });

    test(`a lead of two teams picks among "${mine}" and their two teams`, async ({ page }) => {
      await signInAsLead(page);
      const picker = page.getByTestId('filter-team');
      await expect(picker).toBeVisible();
      const options = picker.locator('option');
      await expect(options).toHaveText([mine, '销售一组', '销售二组']);
      await expect(picker).toHaveValue('');
      await screenshot(page, name);
      // The host keeps one signed-in user: the next test signs in afresh.
      await page.getByTestId('sign-out').click();
      await expect(page.getByTestId('sign-in')).toBeVisible();
    });
  });
