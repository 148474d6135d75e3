/**
 * A team that works Saturdays: chosen in the targets calendar, given 单休 (only Sunday off) and
 * saved; the dashboard's pacing for that team then counts its own working days, and its "last
 * working day" on the pinned Monday (2026-12-07) is Saturday the 5th.
 *
 * By hand: December 2026 starts on a Tuesday. Monday–Friday it has 23 working days; "this month"
 * (1–7 December) holds 5 of them, 4 gone by Sunday the 6th (the pinned "as of"). Monday–Saturday:
 * 27 in the month, 6 in 1–7 December, 5 gone by the 6th.
 */
import { apiCall, expect, holdBackNext, screenshot, test } from './fixtures';
import { chooseLanguage, openRaw } from './raw-db';

test('a team set to work Saturdays is paced on its own working days', async ({ app, appPage: page }) => {
  test.setTimeout(180_000);
  app.cli(['demo', '--agents', '8', '--days', '40']);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.reload();

  // Targets for every agent, so the leaderboard shows its pace line.
  const agents = await apiCall(page, 'agents.list', {});
  await apiCall(page, 'targets.set', {
    month: '2026-12',
    entries: agents.map((a) => ({
      scope: 'agent' as const,
      scopeId: a.id,
      kpi: 'dialsPerDay' as const,
      value: 60,
    })),
  });
  const teams = await apiCall(page, 'teams.list', {});
  const team = teams[0]!;

  // Before: the team works the workspace's Monday–Friday.
  const explain = page.getByTestId('pace-explain');
  await page.getByTestId('filter-team').selectOption(String(team.id));
  await page.getByTestId('preset-thisMonth').click();
  await expect(explain).toContainText('(4 of 5 working days elapsed)');

  // The targets calendar: choose the team, 单休, save.
  await page.getByTestId('nav-targets').click();
  await page.getByTestId('targets-tab-calendar').click();
  await page.getByTestId('calendar-team').selectOption(String(team.id));
  await expect(page.getByTestId('calendar-team-note')).toContainText('follows the workspace calendar');
  const subtitle = page.getByTestId('targets-calendar').locator('.panel__subtitle');
  await expect(subtitle).toHaveText(/^23 /);
  await page.getByTestId('calendar-pattern-oneDayOff').click();
  await expect(page.getByTestId('calendar-off-6')).not.toBeChecked();
  await expect(subtitle).toHaveText(/^27 /);
  await expect(page.locator('.calendar-day[data-day="2026-12-05"]')).toHaveAttribute('data-working', 'true');
  // The re-read after this save arrives late (as on a loaded machine) while another team's calendar
  // is being edited: the first team's new calendar must not wipe that edit.
  const other = teams[1]!;
  const reread = await holdBackNext(page, 'targets.teamCalendars');
  await page.getByTestId('calendar-save').click();
  await page.getByTestId('calendar-team').selectOption(String(other.id));
  await page.getByTestId('calendar-pattern-oneDayOff').click();
  await expect(subtitle).toHaveText(/^27 /);
  await reread.arrived;
  await expect(page.getByTestId('calendar-team').locator(`option[value="${team.id}"]`)).toHaveText(
    `${team.name} (own calendar)`,
  );
  await expect(page.getByTestId('calendar-pattern-oneDayOff')).toHaveAttribute('aria-pressed', 'true');
  await expect(subtitle).toHaveText(/^27 /);
  await page.getByTestId('calendar-team').selectOption(String(team.id));
  await expect(page.getByTestId('calendar-team-note')).toContainText('works its own calendar');
  await screenshot(page, 'team-calendar-en-1366');
  // The plan's team row says the team's own working days (its targets are counted on them).
  await page.getByTestId('targets-tab-plan').click();
  await expect(page.getByTestId('plan-table')).toContainText(`${team.name} (team, 27 working days)`);

  const db = openRaw(app.db);
  expect(db.prepare('SELECT team_id, weekend FROM team_calendars').all()).toEqual([
    { team_id: team.id, weekend: '7' },
  ]);
  db.close();

  // After: the same team's pacing counts Saturdays; the whole floor still Monday–Friday.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('filter-team')).toHaveValue(String(team.id));
  await expect(explain).toContainText('(5 of 6 working days elapsed)');
  await explain.scrollIntoViewIfNeeded();
  await screenshot(page, 'team-calendar-dashboard-en-1366');
  await page.getByTestId('preset-lastWorkingDay').click();
  await expect(page.getByTestId('range-from')).toHaveValue('2026-12-05');
  await page.getByTestId('filter-team').selectOption('');
  await expect(page.getByTestId('range-from')).toHaveValue('2026-12-04');
  await page.getByTestId('preset-thisMonth').click();
  await expect(explain).toContainText('(4 of 5 working days elapsed)');

  // In Chinese.
  await chooseLanguage(page, 'zh-CN', '#/targets');
  await page.getByTestId('targets-tab-plan').click();
  await expect(page.getByTestId('plan-table')).toContainText(`${team.name}（团队，27 个工作日）`);
  await screenshot(page, 'team-calendar-plan-zh-1366');
  await page.getByTestId('targets-tab-calendar').click();
  await page.getByTestId('calendar-team').selectOption(String(team.id));
  await expect(page.getByTestId('calendar-team-note')).toContainText('按自己的工作日安排');
  await expect(page.getByTestId('calendar-pattern-oneDayOff')).toHaveText('单休');
  await expect(page.getByTestId('calendar-pattern-oneDayOff')).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'team-calendar-zh-1366');
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('filter-team').selectOption(String(team.id));
  await expect(explain).toContainText('已过 5/6 个工作日');
  await explain.scrollIntoViewIfNeeded();
  await screenshot(page, 'team-calendar-dashboard-zh-1366');
});
