import { expect, screenshot, test, tileValue } from './fixtures';

const TILE_KEYS = [
  'dials',
  'connects',
  'connectRate',
  'effectiveTalkSeconds',
  'avgTalkSeconds',
  'intents',
  'sales',
  'revenue',
] as const;

test('an empty workspace says what to do, and the demo workspace shows the same numbers as `cli metrics`', async ({
  appPage: page,
  app,
}) => {
  await expect(page.getByTestId('load-demo')).toBeVisible();
  await expect(page.getByTestId('go-import')).toBeVisible();
  await screenshot(page, 'dashboard-empty-en');

  await page.getByTestId('load-demo').click();
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /^[1-9]\d*$/, {
    timeout: 60_000,
  });

  const from = await page.getByTestId('range-from').inputValue();
  const to = await page.getByTestId('range-to').inputValue();
  const expected = JSON.parse(app.cli(['metrics', '--from', from, '--to', to, '--json'])).rows[0];
  for (const key of TILE_KEYS) {
    const shown = await tileValue(page, key);
    if (expected[key] === null) expect(shown, key).toBeNull();
    else expect(shown, key).toBeCloseTo(expected[key], 9);
  }
  // the leaderboard lists every agent with calls in the range, and its dials add up to the tile
  const byAgent = JSON.parse(
    app.cli(['metrics', '--from', from, '--to', to, '--by', 'agent', '--json']),
  ).rows;
  await expect(page.getByTestId('leaderboard').locator('tbody tr')).toHaveCount(byAgent.length);
  await screenshot(page, 'dashboard-demo-en');

  // last month: a whole month, compared with the month before it
  await page.getByRole('button', { name: 'Last month' }).click();
  await expect(page.getByTestId('range-from')).not.toHaveValue(from);
  const lmFrom = await page.getByTestId('range-from').inputValue();
  const lmTo = await page.getByTestId('range-to').inputValue();
  const lastMonth = JSON.parse(app.cli(['metrics', '--from', lmFrom, '--to', lmTo, '--json'])).rows[0];
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(lastMonth.dials));
  await expect(page.getByTestId('kpi-revenue')).toHaveAttribute('data-value', String(lastMonth.revenue));
});

test('sorting the leaderboard by a KPI orders its rows by that KPI, both ways', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '8', '--days', '40', '--seed', '11']);
  await page.reload();
  const table = page.getByTestId('leaderboard');
  await expect(table.locator('tbody tr')).toHaveCount(8);
  const column = (kpi: string) =>
    table
      .locator(`tbody td[data-col="${kpi}"]`)
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  for (const kpi of ['sales', 'connectRate']) {
    await page.getByTestId(`sort-${kpi}`).click();
    const first = await column(kpi);
    await page.getByTestId(`sort-${kpi}`).click();
    const second = await column(kpi);
    const descending = [...first].sort((a, b) => b - a);
    const ascending = [...first].sort((a, b) => a - b);
    expect(new Set(first).size, `${kpi} values differ between agents`).toBeGreaterThan(1);
    // one click sorts one way, the next the other
    expect([first, second]).toEqual(
      first[0]! >= first[first.length - 1]! ? [descending, ascending] : [ascending, descending],
    );
  }
});

test('the dashboard reads in Chinese and in the dark theme', async ({ appPage: page, app }) => {
  app.cli(['demo', '--agents', '12', '--days', '60', '--seed', '5', '--lang', 'zh-CN']);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').selectOption('zh-CN');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('nav-dashboard')).toHaveText(/数据看板/);
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('kpi-dials')).toContainText('外呼量');
  await expect(page.getByTestId('kpi-connectRate')).toContainText('接通率');
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /^[1-9]\d*$/);
  await screenshot(page, 'dashboard-demo-zh-CN');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'dashboard-demo-zh-CN-dark');
});
