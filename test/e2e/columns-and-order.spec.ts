/**
 * Small things a lead notices at once, on screen: a team table column in one unit (not "¥12万"
 * above "¥6,377"), agent lists in 工号/pinyin order, and the composite ranking's saved-weights
 * column named as the rank it is. Calls of November 2026 written here, so no date depends on today.
 */
import type { Page } from '@playwright/test';
import { CALLSCOPE_COLUMNS } from '../call-log';
import { importCsv } from './call-files';
import { expect, screenshot, test, type App } from './fixtures';
import { chooseLanguage, chooseRange } from './raw-db';

/** North sells 3 × ¥40,000 (¥120,000: 万 in Chinese), South 1 × ¥6,377.20. */
function importCalls(app: App): void {
  const lines = [CALLSCOPE_COLUMNS];
  const agents = [
    ['A10', '张伟', 'North'],
    ['A2', '李娜', 'North'],
    ['B1', '王芳', 'South'],
    ['B3', '陈静', 'South'],
  ];
  agents.forEach(([code, name, team], a) => {
    for (let d = 0; d < 5; d++) {
      const sale = (team === 'North' && d < 2 && (a === 0 || d === 0)) || (code === 'B1' && d === 0);
      const amount = !sale ? '' : team === 'North' ? '40000.00' : '6377.20';
      lines.push(
        `K${a}${d},${code},${name},${team},2026-11-0${2 + d} 1${a}:00:00,connected,${100 + d},${sale ? 'sale' : 'none'},${amount}`,
      );
    }
  });
  importCsv(app, 'calls.csv', lines, '--preset', 'callscope');
}

/** The pay table's revenue column (agent, score, grade, revenue…), in sorted order. */
async function payRevenue(page: Page): Promise<string[]> {
  const texts = await page
    .getByTestId('pay-table')
    .locator('tbody tr td:nth-of-type(3)')
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
  return texts.sort();
}

async function revenueColumn(page: Page): Promise<string[]> {
  return page
    .getByTestId('team-table')
    .locator('td[data-col="revenue"] .bar-cell__text')
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
}

test('team table columns in one unit, agents in 工号 and pinyin order, the ranking column named', async ({
  appPage: page,
  app,
}) => {
  importCalls(app);
  await page.reload();

  await chooseLanguage(page, 'zh-CN', '#/dashboard');
  await chooseRange(page, '2026-11-02', '2026-11-06');
  // North ¥120,000 (three sales), South ¥6,377.20: both in 万, two decimals, in the order of dials
  await expect.poll(() => revenueColumn(page)).toEqual(['¥12.00万', '¥0.64万']);
  const agents = await page
    .getByTestId('filter-agent')
    .locator('option')
    .evaluateAll((options) => options.slice(1).map((o) => o.textContent));
  expect(agents).toEqual(['陈静 · B3', '李娜 · A2', '王芳 · B1', '张伟 · A10']); // chen, li, wang, zhang
  await page.getByTestId('team-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'team-table-zh-CN');

  await page.evaluate(() => (window.location.hash = '#/targets'));
  await page.getByTestId('targets-month').fill('2026-11');
  await page.getByTestId('targets-tab-scoring').click();
  await expect(page.getByTestId('ranking-table').locator('thead')).toContainText('原权重排名');
  await expect(page.getByTestId('ranking-table').locator('thead')).not.toContainText('已保存的权重');
  await screenshot(page, 'targets-ranking-header-zh-CN');
  // The bonus sheet's revenue column: ¥6,377.20 among amounts over 1,000 loses its cents, like them
  await page.getByTestId('targets-tab-bonus').click();
  await expect.poll(() => payRevenue(page)).toEqual(['¥0', '¥40,000', '¥6,377', '¥80,000']);
  await page.getByTestId('pay-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'targets-bonus-columns-zh-CN');

  await chooseLanguage(page, 'en', '#/dashboard');
  await chooseRange(page, '2026-11-02', '2026-11-06');
  // English has no 万: whole yuan, and no cents in either row since one amount is over 1,000
  await expect.poll(() => revenueColumn(page)).toEqual(['CN¥120,000', 'CN¥6,377']);
  await page.getByTestId('team-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'team-table-en');
  await page.evaluate(() => (window.location.hash = '#/targets'));
  await page.getByTestId('targets-month').fill('2026-11');
  await page.getByTestId('targets-tab-scoring').click();
  await expect(page.getByTestId('ranking-table').locator('thead')).toContainText('Rank with saved weights');
  await screenshot(page, 'targets-ranking-header-en');
  await page.getByTestId('targets-tab-bonus').click();
  await expect.poll(() => payRevenue(page)).toEqual(['CN¥0', 'CN¥40,000', 'CN¥6,377', 'CN¥80,000']);
  await page.getByTestId('pay-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'targets-bonus-columns-en');
});
