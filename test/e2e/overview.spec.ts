/**
 * The overview dashboard on a generated workspace: every tile, the funnel, the heatmap and
 * leaderboard rows against `cli metrics --json` and against a recomputation from the raw calls.
 */
import path from 'node:path';
import { addDays } from '../../src-shared/time';
import { expect, screenshot, SCREENSHOTS, test, tileValue } from './fixtures';
import { rawTruth, type RawKpis } from './overview-truth';

const TILE_KPIS = [
  'dials',
  'connects',
  'connectRate',
  'effectiveTalkSeconds',
  'effective',
  'intents',
  'sales',
  'revenue',
  'avgTalkSeconds',
  'intentRate',
  'leadConversion',
  'conversionRate',
  'avgOrderValue',
] as const;

const LEADERBOARD_KPIS = [
  'dials',
  'connects',
  'connectRate',
  'effective',
  'effectiveTalkSeconds',
  'avgTalkSeconds',
  'intents',
  'intentRate',
  'sales',
  'conversionRate',
  'revenue',
] as const;

type CliRow = Record<string, number | string | null>;

function expectSame(shown: number | null, expected: number | null | undefined, what: string) {
  if (expected === null || expected === undefined) expect(shown, what).toBeNull();
  else expect(shown, what).toBeCloseTo(expected, 9);
}

const numberOrNull = (raw: string | null) => (raw === null || raw === '' ? null : Number(raw));

test('every tile, the funnel, the heatmap and three leaderboard rows agree with the CLI and the raw calls', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '14', '--days', '75', '--seed', '21']);
  await page.reload();
  await page.getByTestId('preset-lastMonth').click();
  await expect(page.getByTestId('preset-lastMonth')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /^[1-9]\d*$/);
  const from = await page.getByTestId('range-from').inputValue();
  const to = await page.getByTestId('range-to').inputValue();
  const cli = JSON.parse(app.cli(['metrics', '--from', from, '--to', to, '--json'])).rows[0] as CliRow;
  const cliByAgent = new Map(
    (
      JSON.parse(app.cli(['metrics', '--from', from, '--to', to, '--by', 'agent', '--json'])).rows as CliRow[]
    ).map((r) => [r.key as string, r]),
  );
  const raw = rawTruth(app.db, from, to);
  expect(raw.total.dials, 'the range has calls').toBeGreaterThan(1000);
  // the CLI and the raw recomputation agree with each other first: otherwise the test proves nothing
  for (const kpi of TILE_KPIS) expectSame(cli[kpi] as number | null, raw.total[kpi], `cli vs raw ${kpi}`);

  // every tile
  for (const kpi of TILE_KPIS) {
    const shown = await tileValue(page, kpi);
    expectSame(shown, cli[kpi] as number | null, `tile ${kpi} vs cli`);
    expectSame(shown, raw.total[kpi], `tile ${kpi} vs raw`);
  }
  // dials per agent-day: the CLI has no such figure; raw calls only
  await expect(page.getByTestId('kpi-callsPerAgentDay')).toHaveAttribute('data-value', /\d/);
  expectSame(
    await tileValue(page, 'callsPerAgentDay'),
    raw.total.dials / raw.agentDays,
    'calls per agent-day',
  );
  // every tile explains itself; the effective ones name the threshold
  await page.getByTestId('kpi-info-effective').click();
  await expect(page.getByRole('dialog')).toContainText(`${raw.threshold} s`);
  await page.keyboard.press('Escape');

  // the funnel: five counts and the step rates
  const funnel = page.getByTestId('funnel');
  for (const step of ['dials', 'connects', 'effective', 'intents', 'sales'] as const) {
    await expect(funnel.getByTestId(`funnel-${step}`)).toHaveAttribute('data-value', String(raw.total[step]));
    await expect(funnel.getByTestId(`funnel-${step}`)).toHaveAttribute('data-value', String(cli[step]));
  }
  const rate = async (id: string) => numberOrNull(await funnel.getByTestId(id).getAttribute('data-value'));
  expectSame(await rate('funnel-rate-connects'), raw.total.connectRate, 'funnel connect rate');
  expectSame(
    await rate('funnel-rate-effective'),
    raw.total.effective / raw.total.connects,
    'effective share',
  );
  expectSame(await rate('funnel-rate-intents'), raw.total.intentRate, 'funnel intent rate');
  expectSame(await rate('funnel-rate-sales'), raw.total.leadConversion, 'funnel lead conversion');
  expectSame(await rate('funnel-overall'), raw.total.sales / raw.total.dials, 'funnel overall');

  // the heatmap: the busiest weekday x hour of the raw calls, and the whole grid adds up to the dials
  const heatmap = page.getByTestId('heatmap');
  const [busiestKey, busiest] = [...raw.heatmap.entries()].sort((a, b) => b[1].dials - a[1].dials)[0]!;
  const [weekday, hour] = busiestKey.split('-');
  const cell = heatmap.locator(`td[data-weekday="${weekday}"][data-hour="${hour}"]`);
  await expect(cell).toHaveAttribute('data-dials', String(busiest.dials));
  await expect(cell).toHaveAttribute('data-connects', String(busiest.connects));
  const gridDials = await heatmap
    .locator('td[data-dials]')
    .evaluateAll((cells) => cells.reduce((sum, c) => sum + Number(c.getAttribute('data-dials')), 0));
  expect(gridDials).toBe(raw.total.dials);
  await page.getByTestId('heatmap-mode-rate').click();
  await expect(page.getByTestId('heatmap')).toHaveAttribute('data-mode', 'rate');
  await expect(cell).toHaveAttribute('title', /%/);

  // the leaderboard, ranked by revenue: first, middle and last row
  const board = page.getByTestId('leaderboard');
  await expect(board.locator('tbody tr')).toHaveCount(cliByAgent.size);
  await page.getByTestId('sort-revenue').click();
  await expect(board.getByTestId('sort-revenue').locator('..')).toHaveAttribute('aria-sort', 'descending');
  const rows = board.locator('tbody tr');
  const count = await rows.count();
  const revenues = await board
    .locator('td[data-col="revenue"]')
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
  for (const index of [0, Math.floor(count / 2), count - 1]) {
    const row = rows.nth(index);
    const code = (await row.getAttribute('data-agent-code'))!;
    await expect(row.locator('td[data-col="rank"]')).toHaveText(String(index + 1));
    const fromCli = cliByAgent.get(code)!;
    const fromRaw = raw.byAgentCode.get(code) as RawKpis;
    expect(fromCli, `cli has agent ${code}`).toBeDefined();
    for (const kpi of LEADERBOARD_KPIS) {
      const shown = numberOrNull(await row.locator(`td[data-col="${kpi}"]`).getAttribute('data-value'));
      expectSame(shown, fromCli[kpi] as number | null, `${code} ${kpi} vs cli`);
      expectSame(shown, fromRaw[kpi], `${code} ${kpi} vs raw`);
    }
    const id = await row.getAttribute('data-agent-id');
    await expect(row.getByTestId('agent-link')).toHaveAttribute('href', `#/agents/${id}`);
  }
  // every panel explains itself too, with the settings it used
  for (const info of ['trend-info', 'funnel-info', 'heatmap-info', 'teams-info', 'leaderboard-info']) {
    await page.getByTestId(info).click();
    await expect(page.getByRole('dialog')).toContainText(/.{40}/);
    await expect(page.getByRole('dialog')).toContainText(`${raw.threshold} s`);
    await page.keyboard.press('Escape');
  }
  await page.getByTestId('funnel-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.getByTestId('heatmap-info').click();
  await screenshot(page, 'overview-heatmap-rate-popover');
});

test('the filter bar: quarter and year presets, a campaign, persisted over a restart, and reset', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '8', '--days', '75', '--seed', '4']);
  await page.reload();
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /^\d+$/);
  await expect(page.getByTestId('filter-reset')).toBeDisabled();

  await page.getByTestId('preset-thisYear').click();
  const today = await page.getByTestId('range-to').inputValue();
  await expect(page.getByTestId('range-from')).toHaveValue(`${today.slice(0, 4)}-01-01`);
  await page.getByTestId('preset-thisQuarter').click();
  const quarterMonth = String(Number(today.slice(5, 7)) - ((Number(today.slice(5, 7)) - 1) % 3)).padStart(
    2,
    '0',
  );
  await expect(page.getByTestId('range-from')).toHaveValue(`${today.slice(0, 4)}-${quarterMonth}-01`);

  // a campaign narrows every number: the tiles show that campaign's calls only
  await page.getByTestId('preset-lastMonth').click();
  const campaign = page.getByTestId('filter-campaign');
  await expect(campaign.locator('option')).not.toHaveCount(1);
  const campaignId = Number(await campaign.locator('option').nth(1).getAttribute('value'));
  await campaign.selectOption(String(campaignId));
  const from = await page.getByTestId('range-from').inputValue();
  const to = await page.getByTestId('range-to').inputValue();
  const raw = rawTruth(app.db, from, to, campaignId);
  const all = rawTruth(app.db, from, to);
  expect(raw.total.dials).toBeLessThan(all.total.dials);
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(raw.total.dials));
  await expect(page.getByTestId('kpi-revenue')).toHaveAttribute('data-value', String(raw.total.revenue));
  await expect(page.getByTestId('funnel-sales')).toHaveAttribute('data-value', String(raw.total.sales));

  // the filter survives a restart of the page
  await page.reload();
  await expect(page.getByTestId('preset-lastMonth')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('filter-campaign')).toHaveValue(String(campaignId));
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(raw.total.dials));

  // reset: this month, everyone
  await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('preset-thisMonth')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('filter-campaign')).toHaveValue('');
  await expect(page.getByTestId('filter-reset')).toBeDisabled();
});

test('screenshots: English and Chinese, light and dark, 1366x768 and 1920x1080', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '24', '--days', '75', '--seed', '9', '--lang', 'zh-CN']);
  await page.reload();
  await page.getByTestId('preset-lastMonth').click();
  await expect(page.getByTestId('leaderboard')).toBeVisible();
  const shoot = async (name: string) => {
    await expect(page.getByTestId('leaderboard')).toBeVisible();
    await expect(page.getByTestId('heatmap')).toBeVisible();
    await screenshot(page, name);
    // The content area scrolls (not the page): the lower panels get their own shots.
    await page.getByTestId('funnel-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-2.png`) });
    await page.getByTestId('leaderboard-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-3.png`) });
    await page.getByTestId('filter-bar').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  };
  await shoot('overview-en-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot('overview-en-dark');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').selectOption('zh-CN');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('nav-dashboard')).toHaveText(/数据看板/);
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('kpi-dials')).toContainText('外呼量');
  await expect(page.getByTestId('heatmap')).toContainText('周一');
  await shoot('overview-zh-CN-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shoot('overview-zh-CN-light');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot('overview-zh-CN-light-1920');
});

test('a floor of 200 agents: the leaderboard lists them all, with inline sparklines, and re-sorts', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '200', '--days', '10', '--seed', '2']);
  await page.reload();
  await page.getByTestId('preset-custom').click();
  await page.getByTestId('range-from').fill(
    await page
      .getByTestId('range-to')
      .inputValue()
      .then((to) => addDays(to, -6)),
  );
  const board = page.getByTestId('leaderboard');
  await expect(board.locator('tbody tr')).toHaveCount(200);
  // one inline SVG per agent, and no chart.js canvas per row
  await expect(board.locator('svg.sparkline')).toHaveCount(200);
  await expect(board.locator('canvas')).toHaveCount(0);
  for (const column of ['revenue', 'connectRate', 'agent'] as const) {
    await page.getByTestId(`sort-${column}`).click();
    await expect(page.getByTestId(`sort-${column}`).locator('..')).not.toHaveAttribute('aria-sort', 'none');
    await expect(board.locator('tbody tr')).toHaveCount(200);
  }
  await screenshot(page, 'overview-200-agents');
});
