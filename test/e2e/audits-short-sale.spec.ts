/**
 * The short-sale threshold is a workspace setting: at the default 30 s no sale here is short; set
 * to 60 s in Settings, the spot-check list draws one of the 45/50 s sales as a short sale and the
 * strata label says "< 60 s".
 */
import type { Page } from '@playwright/test';
import { importCsv } from './call-files';
import { expect, screenshot, test } from './fixtures';
import { chooseLanguage } from './raw-db';

async function build(page: Page, seed: number) {
  await page.getByTestId('sample-from').fill('2026-11-02');
  await page.getByTestId('sample-to').fill('2026-11-06');
  await page.getByTestId('sample-per-agent').fill('4');
  await page.getByTestId('sample-seed').fill(String(seed));
  await page.getByTestId('sample-build').click();
  await expect(page.getByTestId('audits-sample')).toContainText(`seed ${seed}`);
}

test('the short-sale threshold from Settings drives the spot-check strata', async ({
  appPage: page,
  app,
}) => {
  const talks: [number, boolean][] = [
    [200, true],
    [45, true],
    [50, true],
    [300, false],
    [90, false],
  ];
  const lines = ['call_id,agent_code,agent_name,started_at,disposition,talk_seconds,outcome,sale_amount'];
  talks.forEach(([talk, sale], i) =>
    lines.push(
      `S${i},7001,Alice Wang,2026-11-0${2 + i} 10:00:00,connected,${talk},${sale ? 'sale' : 'none'},${sale ? '99.00' : ''}`,
    ),
  );
  importCsv(app, 'calls.csv', lines, '--preset', 'callscope');
  await page.reload();

  await page.getByTestId('nav-audits').click();
  await expect(page.getByTestId('sample-builder')).toContainText('a short sale (< 30 s)');
  await build(page, 4);
  await expect(page.getByTestId('sample-row')).toHaveCount(4);
  await expect(page.locator('[data-testid="sample-row"] .stratum--short_sale')).toHaveCount(0);

  await page.getByTestId('nav-settings').click();
  const field = page.getByTestId('short-sale-seconds');
  await expect(field).toHaveValue('30');
  await field.fill('0');
  await expect(page.getByTestId('short-sale-save')).toBeDisabled();
  await expect(page.getByTestId('short-sale-setting')).toContainText(
    'A whole number of seconds from 1 to 3600.',
  );
  await field.fill('60');
  await page.getByTestId('short-sale-save').click();
  await expect(page.getByTestId('short-sale-saved')).toBeVisible();
  await page.getByTestId('short-sale-setting').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-short-sale-setting-en');

  await page.getByTestId('nav-audits').click();
  await expect(page.getByTestId('sample-builder')).toContainText('a short sale (< 60 s)');
  await build(page, 5);
  const short = page
    .locator('[data-testid="sample-row"]')
    .filter({ has: page.locator('.stratum--short_sale') });
  await expect(short).toHaveCount(1);
  await expect(short.locator('td').nth(2)).toHaveText(/^(45|50)s$/);

  // The setting is the workspace's: it survives a reload, and reads in Chinese.
  await chooseLanguage(page, 'zh-CN', '#/settings');
  await expect(page.getByTestId('short-sale-seconds')).toHaveValue('60');
  await expect(page.getByTestId('short-sale-setting')).toContainText('短时成交');
  await page.getByTestId('short-sale-setting').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-short-sale-setting-zh-CN');
});
