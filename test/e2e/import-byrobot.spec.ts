/**
 * A 百应 (BYAI) 通话记录 export (GBK, a title and an export line above the header, masked numbers,
 * a 合计 row) dropped on the Import page: the preview names the layout and says how many robot
 * calls no person took over are no dials, in both languages; the import stores the seated calls
 * only and the dashboard counts them. The truth is counted here from the fixture's rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BYROBOT_CSV, BYROBOT_ROWS } from '../fixtures/byrobot';
import { chooseImportFile, expect, REPO, saveTimeZone, screenshot, test } from './fixtures';

const seated = BYROBOT_ROWS.filter((r) => r.seat !== '');
const robots = BYROBOT_ROWS.length - seated.length;
const csv = fs.readFileSync(path.join(REPO, 'test/fixtures', BYROBOT_CSV));

test('a 百应 export: the layout named, robot calls no dials, the seated calls on the dashboard', async ({
  appPage: page,
}) => {
  expect(robots).toBeGreaterThan(0);
  for (const [language, name, words] of [
    ['en', 'BYAI (百应) call records', `${robots} robot calls no person took over: not counted as dials`],
    ['zh-CN', '百应通话记录', `未转人工的机器人外呼 ${robots} 通：不计入外呼`],
  ] as const) {
    await saveTimeZone(page, 'Asia/Shanghai', language);
    await chooseImportFile(page, { name: `byrobot-${language}.csv`, mimeType: 'text/csv', buffer: csv });
    await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'byrobot');
    await expect(page.getByTestId('preview-detected')).toContainText(name);
    await expect(page.getByTestId('pbx-not-dials')).toHaveText(words);
    await screenshot(page, `import-byrobot-preview-${language}`);
    if (language === 'en') continue;

    await page.getByTestId('import-start').click();
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-inserted', String(seated.length));
    await expect(result).toHaveAttribute('data-rejected', '0');
    await expect(page.getByTestId('import-result-not-dials')).toHaveText(words);
    await screenshot(page, `import-byrobot-result-${language}`);

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('range-from').fill('2026-11-01');
    await page.getByTestId('range-to').fill('2026-11-30');
    await expect(page.getByTestId('range-to')).toHaveValue('2026-11-30');
    await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(seated.length));
  }
});
