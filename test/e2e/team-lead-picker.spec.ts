/**
 * A team lead of two teams on a team workspace: the filter bar's team picker offers "My teams"
 * (我的团队) — all the teams they lead — and those two teams only. Screenshotted in both languages.
 */
import path from 'node:path';
import { FIXTURES } from '../helpers';
import { expect, screenshot, test } from './fixtures';
import { openSignedIn, openTeamWorkspace, signOut, type TeamWorkspace } from './team-workspace';

const LEAD = { login: 'zhao.lead', password: 'lead-password-1' };

let team: TeamWorkspace;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  team = await openTeamWorkspace({
    callsFile: path.join(FIXTURES, 'calls/callscope-basic.csv'),
    adminName: '周管理',
    // The admin makes 赵组长 the lead of both teams, as the Users page would.
    setUp: async (call) => {
      const teams = await call('teams.list', {});
      await call('users.create', {
        ...LEAD,
        displayName: '赵组长',
        role: 'team_lead',
        teamIds: teams.map((t) => t.id),
      });
    },
  });
});

test.afterAll(async () => {
  await team?.close();
});

for (const [locale, mine, name] of [
  ['en-US', 'My teams', 'team-picker-lead-en'],
  ['zh-CN', '我的团队', 'team-picker-lead-zh-CN'],
] as const)
  test.describe(locale, () => {
    test.use({ locale });

    test(`a lead of two teams picks among "${mine}" and their two teams`, async ({ page }) => {
      await openSignedIn(page, team.urls[0]!, LEAD);
      await expect(page.getByTestId('signed-in-user')).toContainText('赵组长');
      const picker = page.getByTestId('filter-team');
      await expect(picker).toBeVisible();
      const options = picker.locator('option');
      await expect(options).toHaveText([mine, '销售一组', '销售二组']);
      await expect(picker).toHaveValue('');
      await screenshot(page, name);
      // The host keeps one signed-in user: the next test signs in afresh.
      await signOut(page);
    });
  });
