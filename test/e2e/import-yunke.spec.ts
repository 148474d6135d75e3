/**
 * A 云客 (Yunke) call log dropped on the Import page: the preview names its layout in the UI's
 * language (English, then Chinese) and maps the seconds columns, not their formatted twin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, REPO, screenshot, test } from './fixtures';

const FIXTURE = path.join(REPO, 'test/fixtures/calls/yunke-feishu-export.csv');

test('the preview names the 云客 layout in both languages', async ({ appPage: page }) => {
  const file = { name: 'yunke.csv', mimeType: 'text/csv', buffer: fs.readFileSync(FIXTURE) };
  for (const [language, name] of [
    ['en', 'Yunke (云客) call log'],
    ['zh-CN', '云客通话记录'],
  ] as const) {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption(language);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('preview')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'yunke');
    await expect(page.getByTestId('preview-detected')).toContainText(name);
    await expect(page.getByTestId('preview-layout').locator('option:checked')).toContainText(name);
    await expect(page.getByTestId('map-talkSeconds').locator('option:checked')).toContainText('通话时长(秒)');
    await screenshot(page, `import-yunke-preview-${language}`);
  }
});
