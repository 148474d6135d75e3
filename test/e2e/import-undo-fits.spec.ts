/**
 * The undo question of the import history at 1366×768: its buttons are inside the window and the
 * table's headers keep their width (the question used to sit in the narrow actions cell, widening
 * the table past the window and squeezing each header to one character per line).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, screenshot, test } from './fixtures';
import { chooseLanguage } from './raw-db';

const BASIC = path.join(REPO, 'test/fixtures/calls/callscope-basic.csv');

async function expectInViewport(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
}

async function expectHeadersReadable(page: Page): Promise<void> {
  const heights = await page
    .locator('.data-table--history thead th')
    .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height));
  // one or two lines of header text; a header squeezed to a character per line is far taller
  for (const h of heights) expect(h).toBeLessThan(60);
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`undo asks in a row of its own that fits 1366 px (${language})`, async ({ appPage: page, app }) => {
    app.cli(['import', BASIC, '--preset', 'callscope']);
    await page.reload();
    await chooseLanguage(page, language, '#/import');
    await page.getByTestId('nav-import').click();
    const overflow = () =>
      page.locator('.history-panel .table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
    await page.getByTestId('undo-batch-1').click();
    await expect(page.getByTestId('undo-confirm-1')).toContainText('callscope-basic.csv');
    await page.getByTestId('undo-confirm-1').scrollIntoViewIfNeeded();
    await screenshot(page, `import-undo-confirm-${language}`);
    await expectInViewport(page, 'confirm-undo-1');
    await expectHeadersReadable(page);
    expect(await overflow()).toBeLessThanOrEqual(0); // no sideways scroll either
    await page.getByTestId('confirm-undo-1').click();
    await expect(page.getByTestId('batch-1')).toHaveAttribute('data-status', 'undone');
  });
}
