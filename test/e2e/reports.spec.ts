/**
 * The Reports page against the real web host: the three formats downloaded from the UI and checked
 * (the workbook's numbers against `cli metrics`, the zip of CSVs, the PDF's text), month close and
 * reopen with its notice, and screenshots in both languages, light and dark.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { lastMonth, periodRange } from '../../src-shared/reports-model';
import { CALLSCOPE_ALL_COLUMNS } from '../call-log';
import { importCsv } from './call-files';
import { expect, screenshot, test } from './fixtures';
import { chooseLanguage, openRaw, workspaceToday } from './raw-db';

test('a team lead downloads last month as XLSX, CSV and PDF and closes the month', async ({
  app,
  appPage: page,
}) => {
  test.setTimeout(180_000);
  app.cli(['demo', '--agents', '12', '--days', '70', '--seed', '5', '--lang', 'zh-CN']);
  await page.reload();
  await chooseLanguage(page, 'en', '#/reports');
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('report-builder')).toBeVisible();

  const raw = openRaw(app.db);
  const today = workspaceToday(raw);
  raw.close();
  const month = lastMonth(today);
  await expect(page.getByTestId('report-month')).toHaveValue(month);
  const { from, to } = periodRange({ kind: 'month', month });
  const floor = (
    JSON.parse(app.cli(['metrics', '--from', from, '--to', to, '--json'])) as {
      rows: { dials: number; revenue: number; connectRate: number }[];
    }
  ).rows[0]!;

  await page.getByTestId('report-language').selectOption('en');
  await screenshot(page, 'reports-en');

  // XLSX
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-download-xlsx').click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`callscope-report-${month}-en.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  expect(book.worksheets.map((s) => s.name)).toEqual([
    'Summary',
    'Agents',
    'Daily',
    'Teams',
    'Campaigns',
    'Audits',
    'Audit items',
    'Audit comments',
    'Behaviour ratings',
    'Coaching follow-ups',
  ]);
  const summary = book.getWorksheet('Summary')!;
  expect(summary.getRow(3).getCell(1).value).toBe('Dials');
  expect(summary.getRow(3).getCell(2).value).toBe(floor.dials);
  await expect(page.getByTestId('report-saved')).toContainText(`callscope-report-${month}-en.xlsx`);

  // CSV: one zip of every table
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-download-csv').click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`callscope-report-${month}-en.zip`);
  const zip = fs.readFileSync(await csv.path());
  expect(zip.subarray(0, 2).toString()).toBe('PK');
  for (const name of [
    '01-summary.csv',
    '02-agents.csv',
    '03-daily.csv',
    '04-teams.csv',
    '05-campaigns.csv',
    '06-audits.csv',
    '07-auditItems.csv',
    '08-auditComments.csv',
    '09-ratings.csv',
    '10-followUps.csv',
  ])
    expect(zip.includes(Buffer.from(name))).toBe(true);

  // Month close asks first and says what it freezes; then the PDF of the closed month
  await page.getByTestId('month-close-button').click();
  await expect(page.getByTestId('month-close-confirm-box')).toContainText(`Close ${month}?`);
  await expect(page.getByTestId('month-close-confirm-box')).toContainText('variable pay');
  await expect(page.getByTestId('month-close-state')).toContainText('is open'); // nothing closed yet
  await screenshot(page, 'reports-en-close-confirm');
  await page.getByTestId('month-close-confirm').click();
  await expect(page.getByTestId('month-close-notice')).toHaveText(/has not changed since the close/);
  await screenshot(page, 'reports-en-closed');

  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('report-download-pdf').click(),
  ]);
  const pdfPath = await pdf.path();
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = spawnSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain(new Intl.NumberFormat('en').format(floor.dials));
  expect(text).toContain('Month closed');
  // the close freezes every section: no sheet is said to read the current data
  expect(text).not.toContain('current data');
  // the demo has no audits: the audit trend says so instead of drawing empty axes
  expect(text).toContain('No submitted recording spot-checks in this period');
  await expect(page.getByTestId('report-saved')).toContainText('This month is closed');

  // A late import into the closed month: the panel names what changed (the late sale moves the
  // call numbers and the targets' attainment), the workbook keeps its numbers.
  const db = openRaw(app.db);
  const code = db.prepare('SELECT code FROM agents ORDER BY id LIMIT 1').pluck().get() as string;
  db.close();
  importCsv(
    app,
    'late.csv',
    [
      CALLSCOPE_ALL_COLUMNS,
      `LATE1,${code},,,,${month}-20 10:00:00,13800000001,outbound,connected,5,300,sale,500,`,
    ],
    '--preset',
    'callscope',
  );
  await page.reload();
  await expect(page.getByTestId('month-close-notice')).toHaveText(
    /has changed since the close in: call numbers, targets and attainment\./,
  );
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-download-xlsx').click(),
  ]);
  const closedBook = new ExcelJS.Workbook();
  await closedBook.xlsx.readFile(await again.path());
  expect(closedBook.getWorksheet('Summary')!.getRow(3).getCell(2).value).toBe(floor.dials);
  await expect(page.getByTestId('report-saved')).toContainText(
    'changed since the close in: call numbers, targets and attainment',
  );
  await screenshot(page, 'reports-en-changed');

  await page.getByTestId('month-reopen').click();
  await page.getByTestId('month-reopen-confirm').click();
  await expect(page.getByTestId('month-close-button')).toBeVisible();
});

test('the Reports page reads well in Chinese, light and dark, at 1366 and 1920', async ({
  app,
  appPage: page,
}) => {
  app.cli(['demo', '--agents', '12', '--days', '40', '--seed', '5', '--lang', 'zh-CN']);
  await page.reload();
  await chooseLanguage(page, 'zh-CN', '#/reports');
  await expect(page.getByTestId('nav-reports')).toHaveText(/报表/);
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-scope').selectOption('team');
  await page.getByTestId('report-team').selectOption({ index: 1 });
  await page.getByTestId('month-close-button').click();
  await expect(page.getByTestId('month-close-confirm-box')).toContainText('冻结');
  await screenshot(page, 'reports-zh-CN-close-confirm');
  await page.getByTestId('month-close-confirm').click();
  await expect(page.getByTestId('month-close-notice')).toHaveText(/月结后数据没有变动/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'reports-zh-CN');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'reports-zh-CN-dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'reports-zh-CN-dark-1920');
  await page.emulateMedia({ colorScheme: 'light' });
});
