import path from 'node:path';
import { expect, REPO, saveTimeZone, screenshot, test, tileValue } from './fixtures';

const BASIC = path.join(REPO, 'test/fixtures/calls/callscope-basic.csv');

test('importing a CSV through the UI shows counts and rejected lines, changes the tiles, and undo takes it back', async ({
  appPage: page,
  app,
}) => {
  // Some calls, so the dashboard is not empty; the demo brings its own zone, Asia/Shanghai.
  app.cli(['demo', '--agents', '3', '--days', '3', '--seed', '1']);
  await page.reload();

  // the fixture's calls are in November 2026: look at that month
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('range-from').fill('2026-11-03');
  await page.getByTestId('range-to').fill('2026-11-04');
  await expect(page.getByTestId('range-to')).toHaveValue('2026-11-04');
  const dialsBefore = (await tileValue(page, 'dials')) ?? 0;

  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(BASIC);
  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-inserted', '12');
  await expect(result).toHaveAttribute('data-duplicates', '0');
  await expect(result).toHaveAttribute('data-rejected', '3');
  const rejects = page.getByTestId('import-rejects');
  await expect(rejects).toContainText('2026-11-31');
  await expect(rejects).toContainText('hung_up');
  await expect(rejects).toContainText('agent_code');
  await screenshot(page, 'import-result-en');

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('range-to')).toHaveValue('2026-11-04');
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(dialsBefore + 11));

  // the same file again adds nothing
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-another').click();
  await page.getByTestId('import-file').setInputFiles(BASIC);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-duplicates', '12');
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-inserted', '0');

  // undo the first import of the file (batch 2: batch 1 is the demo)
  await page.getByTestId('batch-2').getByRole('button', { name: /Undo/ }).click();
  await page.getByTestId('confirm-undo-2').click();
  await expect(page.getByTestId('batch-2')).toHaveAttribute('data-status', 'undone');
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(dialsBefore));
});

test('a GBK export from a Chinese call center imports through the UI and its totals show on the dashboard', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'Asia/Shanghai');

  await page.getByTestId('nav-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles(path.join(REPO, 'test/fixtures/calls/zh-generic-gbk.csv'));
  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  // 挂断 is a status the layout does not list: the call is kept (12分 of talk: connected), with a warning
  await expect(result).toHaveAttribute('data-inserted', '8');
  await expect(result).toHaveAttribute('data-rejected', '0');
  await expect(page.getByTestId('import-rejects')).toContainText('挂断');

  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('range-from').fill('2026-11-03');
  await page.getByTestId('range-to').fill('2026-11-04');
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', '8');
  await expect(page.getByTestId('kpi-connects')).toHaveAttribute('data-value', '5');
  await expect(page.getByTestId('kpi-revenue')).toHaveAttribute('data-value', '199900');
  await expect(page.getByTestId('agent-table')).toContainText('张伟');
  await screenshot(page, 'dashboard-zh-generic-import');
});

test('an XLSX workbook imports through the UI from the sheet with the calls, and its totals show on the dashboard', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'Asia/Shanghai');

  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(path.join(REPO, 'test/fixtures/calls/zh-generic.xlsx'));
  const preview = page.getByTestId('preview');
  await expect(preview).toHaveAttribute('data-state', 'ready');
  await expect(preview).toHaveAttribute('data-preset', 'zh-generic');
  await expect(page.getByTestId('preview-sheet')).toHaveText('通话记录');
  await expect(page.getByTestId('preview-summary')).toHaveAttribute('data-rejected', '0');
  await screenshot(page, 'import-preview-xlsx');
  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-inserted', '8');
  await expect(result).toHaveAttribute('data-rejected', '0');

  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('range-from').fill('2026-11-03');
  await page.getByTestId('range-to').fill('2026-11-04');
  // Worked out from the sheet: 8 dials, 5 answered with talk, sales of 1,999.00 and 2,999.50
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', '8');
  await expect(page.getByTestId('kpi-connects')).toHaveAttribute('data-value', '5');
  await expect(page.getByTestId('kpi-revenue')).toHaveAttribute('data-value', '499850');
  await expect(page.getByTestId('agent-table')).toContainText('李娜');
});
