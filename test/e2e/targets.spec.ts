/**
 * Targets end to end on a generated workspace: targets set from the suggestions and stored in the
 * SQLite file, a weight changed in the what-if editor re-ranks the month, the dashboard shows
 * "vs target" and the pace column, alerts link to the calls. Screenshots in both languages and
 * themes at 1366 and 1920.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';
import { chooseLanguage, inEachLook, openRaw } from './raw-db';
import { rankingOrder } from './targets-ranking';

test('targets from suggestions, what-if re-ranking, pacing on the dashboard', async ({
  app,
  appPage: page,
}) => {
  test.setTimeout(240_000);
  app.cli(['demo', '--agents', '12', '--days', '100']);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/targets`);
  await page.reload();

  // Targets from suggestions: fill, save, and the file holds them.
  const plan = page.getByTestId('plan-table');
  await expect(plan.locator('tbody tr').first()).toBeVisible();
  const firstAgentSales = plan.locator('tr[data-scope="agent"] input[data-testid$="-sales"]').first();
  await expect(firstAgentSales).toHaveValue('');
  await page.getByTestId('plan-fill').click();
  await expect(firstAgentSales).not.toHaveValue('');
  const suggested = Number(await firstAgentSales.inputValue());
  expect(suggested).toBeGreaterThan(0);
  await page.getByTestId('plan-save').click();
  await expect(page.locator('.targets-status')).toHaveText(/Saved|已保存/);
  const db = openRaw(app.db);
  const stored = db
    .prepare("SELECT count(*) FROM targets WHERE scope = 'agent' AND kpi = 'sales'")
    .pluck()
    .get() as number;
  expect(stored).toBeGreaterThanOrEqual(12);
  const agentId = Number(await firstAgentSales.getAttribute('data-testid').then((id) => id!.split('-')[2]));
  const savedSales = db
    .prepare("SELECT value FROM targets WHERE scope = 'agent' AND scope_id = ? AND kpi = 'sales'")
    .pluck()
    .get(agentId) as number;
  expect(savedSales).toBe(suggested);
  db.close();
  await screenshot(page, 'targets-plan-en-light-1366');

  // What-if: weight everything on dials per day and the ranking changes before anything is saved.
  await page.getByTestId('targets-tab-scoring').click();
  const before = await rankingOrder(page);
  expect(before.length).toBeGreaterThanOrEqual(10);
  for (const kpi of ['connectRate', 'effectiveTalkPerDay', 'intents', 'sales', 'revenue']) {
    await page.getByTestId(`weight-${kpi}`).fill('0');
  }
  await page.getByTestId('weight-dialsPerDay').fill('100');
  await expect.poll(() => rankingOrder(page), { timeout: 15_000 }).not.toEqual(before);
  await expect(page.locator('.rank-move').first()).toBeVisible();
  await screenshot(page, 'targets-whatif-en-light-1366');
  // Nothing saved yet: back to saved gives the saved ranking back.
  await page.getByRole('button', { name: /Back to saved/ }).click();
  await expect.poll(() => rankingOrder(page), { timeout: 15_000 }).toEqual(before);

  // The dashboard: "vs target" on the tiles and a pace column.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('kpi-dials').getByTestId('kpi-target')).toBeVisible();
  await expect(page.getByTestId('kpi-sales').getByTestId('kpi-target')).toHaveText(/vs target \d+%/);
  await expect(page.locator('td[data-col="pace"]').first()).toBeVisible();
  await screenshot(page, 'targets-dashboard-en-light-1366');

  // The other tabs render in both languages and themes, at both sizes.
  await inEachLook(page, '#/targets', async (tag) => {
    await expect(page.getByTestId('plan-table')).toBeVisible();
    await screenshot(page, `targets-plan-${tag}`);
    await page.getByTestId('targets-tab-split').click();
    await expect(page.getByTestId('split-sum')).toBeVisible();
    await screenshot(page, `targets-split-${tag}`);
    await page.getByTestId('targets-tab-scoring').click();
    await expect(page.getByTestId('ranking-table')).toBeVisible();
    await screenshot(page, `targets-scoring-${tag}`);
    await page.getByTestId('targets-tab-bonus').click();
    await expect(page.getByTestId('pay-table')).toBeVisible();
    await screenshot(page, `targets-bonus-${tag}`);
    await page.getByTestId('targets-tab-calendar').click();
    await expect(page.getByTestId('calendar-grid')).toBeVisible();
    await screenshot(page, `targets-calendar-${tag}`);
    await page.getByTestId('targets-tab-alerts').click();
    await expect(page.getByTestId('alerts-panel')).toBeVisible();
    await screenshot(page, `targets-alerts-${tag}`);
    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('kpi-sales').getByTestId('kpi-target')).toBeVisible();
    await screenshot(page, `targets-dashboard-${tag}`);
  });
});

test('split a team target by share holds the sum; a holiday changes the working days', async ({
  app,
  appPage: page,
}) => {
  test.setTimeout(180_000);
  app.cli(['demo', '--agents', '9', '--days', '100']);
  await page.goto(`${app.url}#/targets`);
  await page.reload();
  await page.getByTestId('targets-tab-split').click();
  await page.getByTestId('split-kpi').selectOption('sales');
  await page.getByTestId('split-total').fill('101');
  await page.getByTestId('split-share').click();
  await expect(page.getByTestId('split-sum')).toHaveAttribute('data-value', '101');
  await page.getByTestId('split-hand').click();
  const first = page.locator('[data-testid^="split-value-"]').first();
  await first.fill('50');
  await expect(page.getByTestId('split-sum')).toHaveAttribute('data-value', '101');
  await page.getByTestId('split-save').click();
  const db = openRaw(app.db);
  await expect
    .poll(
      () =>
        db
          .prepare("SELECT coalesce(sum(value), 0) FROM targets WHERE scope = 'agent' AND kpi = 'sales'")
          .pluck()
          .get() as number,
    )
    .toBe(101);
  db.close();

  await page.getByTestId('targets-tab-calendar').click();
  const subtitle = page.getByTestId('targets-calendar').locator('.panel__subtitle');
  const days = Number((await subtitle.textContent())!.match(/\d+/)![0]);
  await page.locator('.calendar-day.is-working').first().click();
  await expect(subtitle).toHaveText(new RegExp(`^${days - 1} `));
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-save')).toBeDisabled();

  // The shipped holiday schedule (the pinned clock's year, 2026): applied and saved as data; the
  // next year's is not shipped and the panel says so instead of offering it.
  const holidays = page.getByTestId('calendar-cn-holidays');
  await expect(holidays).toContainText('2027');
  await page.getByTestId('calendar-cn-2026').click();
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-save')).toBeDisabled();
  const stored = openRaw(app.db);
  const kinds = Object.fromEntries(
    (
      stored
        .prepare("SELECT day, kind FROM work_calendar WHERE day IN ('2026-10-01', '2026-10-10')")
        .all() as {
        day: string;
        kind: string;
      }[]
    ).map((r) => [r.day, r.kind]),
  );
  stored.close();
  expect(kinds).toEqual({ '2026-10-01': 'holiday', '2026-10-10': 'workday' });

  // The year this version does not ship: its schedule imported from a holiday file (an .ics in
  // the shape the public holiday feeds publish; the dates here are made up for the test).
  const feed = path.join(app.dir, 'holidays-2027.ics');
  fs.writeFileSync(
    feed,
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'SUMMARY:元旦',
      'DTSTART;VALUE=DATE:20270101',
      'DTEND;VALUE=DATE:20270104',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:上班(补元旦)',
      'DTSTART;VALUE=DATE:20270109',
      'DTEND;VALUE=DATE:20270110',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n'),
  );
  await page.getByTestId('calendar-holiday-file').setInputFiles(feed);
  await expect(page.getByTestId('calendar-holiday-file-applied')).toHaveText(
    'holidays-2027.ics (2027) is marked on the grid: days off 3, make-up working days 1. Save to keep it.',
  );
  await page.getByTestId('calendar-cn-holidays').scrollIntoViewIfNeeded();
  await screenshot(page, 'targets-calendar-holiday-file-en');
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-save')).toBeDisabled();
  const after = openRaw(app.db);
  const days2027 = after
    .prepare("SELECT day, kind FROM work_calendar WHERE day LIKE '2027-%' ORDER BY day")
    .all();
  after.close();
  expect(days2027).toEqual([
    { day: '2027-01-01', kind: 'holiday' },
    { day: '2027-01-02', kind: 'holiday' },
    { day: '2027-01-03', kind: 'holiday' },
    { day: '2027-01-09', kind: 'workday' },
  ]);

  // A file that is not a holiday calendar is refused in words, here in Chinese.
  await chooseLanguage(page, 'zh-CN', '#/targets');
  await page.getByTestId('targets-tab-calendar').click();
  const notACalendar = path.join(app.dir, '坐席名单.csv');
  fs.writeFileSync(notACalendar, '坐席工号,姓名\n8001,王伟\n');
  await page.getByTestId('calendar-holiday-file').setInputFiles(notACalendar);
  await expect(page.getByTestId('calendar-holiday-file-problem')).toHaveText(
    '坐席名单.csv 既不是 iCalendar（.ics）日历文件，也不是 JSON 格式的放假安排。',
  );
  await expect(page.getByTestId('calendar-save')).toBeDisabled();
  await page.getByTestId('calendar-cn-holidays').scrollIntoViewIfNeeded();
  await screenshot(page, 'targets-calendar-holiday-file-zh-CN');
});
