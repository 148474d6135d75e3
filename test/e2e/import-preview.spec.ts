/**
 * The Import page's preview: a file no layout knows is mapped through the UI (columns and values),
 * imported, and its totals read off the dashboard; the mapping is saved for the next file with the
 * same header; rejected rows download as a CSV; screenshots of the preview in both languages and
 * both themes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { expect, REPO, saveTimeZone, screenshot, test } from './fixtures';

const HEADER = 'Seat,When,Customer,Outcome code,Secs,Deal';
const FIRST_FILE = [
  HEADER,
  '7001,2026-11-05 09:00:00,13900000001,OK,95,WON',
  '7001,2026-11-05 09:05:00,13900000002,NOPICK,0,',
  '7002,2026-11-05 10:00:00,13900000003,OK,40,HOT',
  '7002,2026-11-05 10:10:00,13900000004,ENGAGED,0,',
  '7001,2026-11-05 11:00:00,13900000005,OK,20,',
  '7003,2026-11-05 14:30:00,13900000006,OK,180,WON',
].join('\r\n');
const SECOND_FILE = [
  HEADER,
  '7001,2026-11-06 09:00:00,13900000007,OK,60,HOT',
  '7002,2026-11-06 09:30:00,13900000008,NOPICK,0,',
].join('\r\n');

function csvFile(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

async function previewReady(page: Page) {
  await expect(page.getByTestId('preview')).toHaveAttribute('data-state', 'ready');
}

async function showDays(page: Page, from: string, to: string) {
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('range-from').fill(from);
  await page.getByTestId('range-to').fill(to);
  await expect(page.getByTestId('range-to')).toHaveValue(to);
}

test('a file no layout knows is mapped through the preview, imported, and its mapping is reused', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'Asia/Shanghai');
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(csvFile('dialer-seats.csv', FIRST_FILE));
  await previewReady(page);

  // no named layout matches: the columns are proposed from their content, each with how sure
  await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'inferred');
  await expect(page.getByTestId('map-agentCode')).toHaveValue('0');
  await expect(page.getByTestId('map-startedAt')).toHaveValue('1');
  await expect(page.getByTestId('map-startedAt-note')).toContainText('date and time');
  await expect(page.getByTestId('map-agentCode-note')).toContainText('% sure');
  await screenshot(page, 'import-preview-inferred-en');

  await page.getByTestId('preview-layout').selectOption('callscope');
  await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'callscope');
  // each column select lists the file's columns with their first value
  await expect(page.getByTestId('map-talkSeconds').locator('option', { hasText: 'Secs — 95' })).toHaveCount(
    1,
  );
  await page.getByTestId('map-agentCode').selectOption({ label: 'Seat — 7001' });
  await page.getByTestId('map-startedAt').selectOption({ label: 'When — 2026-11-05 09:00:00' });
  await page.getByTestId('map-phone').selectOption({ label: 'Customer — 13900000001' });
  await page.getByTestId('map-disposition').selectOption({ label: 'Outcome code — OK' });
  await page.getByTestId('map-talkSeconds').selectOption({ label: 'Secs — 95' });
  await page.getByTestId('map-outcome').selectOption({ label: 'Deal — WON' });
  await previewReady(page);
  await expect(page.getByTestId('preview-missing')).toHaveCount(0);

  // the texts of the file are unknown: every row would be rejected until they are mapped
  await expect(page.getByTestId('values-disposition')).toHaveAttribute('data-unknown-rows', '6');
  await expect(page.getByTestId('value-disposition-OK')).toHaveAttribute('data-text', 'OK');
  await screenshot(page, 'import-preview-unmapped-en');
  await page.getByTestId('value-disposition-OK').selectOption('connected');
  await page.getByTestId('value-disposition-NOPICK').selectOption('no_answer');
  await page.getByTestId('value-disposition-ENGAGED').selectOption('busy');
  await page.getByTestId('value-outcome-WON').selectOption('sale');
  await page.getByTestId('value-outcome-HOT').selectOption('intent');
  await previewReady(page);

  const summary = page.getByTestId('preview-summary');
  await expect(summary).toHaveAttribute('data-sampled', '6');
  await expect(summary).toHaveAttribute('data-rejected', '0');
  await expect(summary).toContainText('6 of 6 sampled rows will be imported, 0 rejected');
  await expect(page.getByTestId('values-disposition')).toHaveAttribute('data-unknown-rows', '0');
  const rows = page.getByTestId('preview-rows');
  await expect(rows.locator('tbody tr[data-ok="true"]')).toHaveCount(6);
  const first = rows.locator('tr[data-line="2"]');
  await expect(first).toContainText('7001');
  await expect(first).toContainText('2026-11-05');
  await expect(first).toContainText('09:00:00');
  await expect(first).toContainText('Connected');
  await expect(first).toContainText('1m 35s');
  await expect(first).toContainText('Sale');
  await expect(first).toContainText('…0001');
  await expect(rows.locator('tr[data-line="5"]')).toContainText('Busy');
  await screenshot(page, 'import-preview-mapped-en');

  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-inserted', '6');
  await expect(result).toHaveAttribute('data-rejected', '0');

  await showDays(page, '2026-11-05', '2026-11-05');
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', '6');
  await expect(page.getByTestId('kpi-connects')).toHaveAttribute('data-value', '4');
  await expect(page.getByTestId('kpi-intents')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('kpi-sales')).toHaveAttribute('data-value', '2');

  // a second export with the same header: the saved mapping applies, nothing to touch
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-another').click();
  await page.getByTestId('import-file').setInputFiles(csvFile('dialer-seats-2.csv', SECOND_FILE));
  await previewReady(page);
  await expect(page.getByTestId('preview-profile')).toHaveText('Saved mapping applied');
  await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'callscope');
  await expect(page.getByTestId('map-agentCode')).toHaveValue('0');
  await expect(page.getByTestId('preview-summary')).toHaveAttribute('data-rejected', '0');
  await expect(page.getByTestId('preview-rows').locator('tr[data-line="2"]')).toContainText('Intent');
  await screenshot(page, 'import-preview-profile-en');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-inserted', '2');

  await showDays(page, '2026-11-05', '2026-11-06');
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', '8');
  await expect(page.getByTestId('kpi-connects')).toHaveAttribute('data-value', '5');
  await expect(page.getByTestId('kpi-intents')).toHaveAttribute('data-value', '4');
  await expect(page.getByTestId('kpi-sales')).toHaveAttribute('data-value', '2');
});

test('the rejected rows of an import download as a CSV with their lines and reasons', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'Asia/Shanghai');
  await page.getByTestId('nav-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles(path.join(REPO, 'test/fixtures/calls/callscope-basic.csv'));
  await previewReady(page);
  await expect(page.getByTestId('preview-summary')).toHaveAttribute('data-sampled', '15');
  await expect(page.getByTestId('preview-summary')).toHaveAttribute('data-rejected', '3');
  // rejected rows stand in place, with their field and reason
  const rejected = page.getByTestId('preview-rows').locator('tr[data-ok="false"]');
  await expect(rejected).toHaveCount(3);
  await expect(page.getByTestId('preview-rows').locator('tr[data-line="14"]')).toContainText('hung_up');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-rejected', '3');
  await expect(page.getByTestId('import-rejects').locator('tr[data-kind="rejected"]')).toHaveCount(3);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-rejects').click(),
  ]);
  expect(download.suggestedFilename()).toBe('callscope-basic-rejected-rows.csv');
  const file = await download.path();
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff); // a BOM, so Excel reads the Chinese right
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('file,line,kind,field,reason,row');
  expect(lines).toHaveLength(4);
  expect(lines.map((l) => l.split(',')[1])).toEqual(['line', '13', '14', '15']);
  expect(csv).toContain('hung_up');
  expect(csv).toContain('2026-11-31');
});

test('a row stored with a note (invalid bytes replaced) shows as a warning in the preview, the result and its CSV', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'Asia/Shanghai', 'zh-CN');
  const text = [
    '坐席工号,坐席姓名,客户姓名,呼叫时间,客户号码,呼叫结果,通话时长',
    '1001,张伟,王先生,2026-11-03 09:00:00,13800138001,已接通,1分5秒',
    '1001,张伟,@@,2026-11-03 09:05:00,13800138002,未接通,0',
    '1002,李娜,刘女士,2026-11-03 09:10:00,13800138003,已接通,45秒',
  ].join('\r\n');
  const bytes = iconv.encode(text, 'gbk');
  const at = bytes.indexOf(Buffer.from('@@'));
  bytes[at] = 0xa5; // not a GBK pair with what follows
  bytes[at + 1] = 0xff; // never valid in GBK
  await page.getByTestId('nav-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'clink-damaged.csv', mimeType: 'text/csv', buffer: bytes });
  await previewReady(page);
  await expect(page.getByTestId('preview-summary')).toHaveAttribute('data-rejected', '0');
  const warned = page.getByTestId('preview-rows').locator('tr[data-line="3"]');
  await expect(warned).toHaveAttribute('data-ok', 'true');
  await expect(warned.getByTestId('preview-warning')).toHaveAttribute('title', /客户姓名/);

  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-inserted', '3');
  await expect(result).toHaveAttribute('data-rejected', '0');
  await expect(result).toHaveAttribute('data-warnings', '1');
  await expect(page.getByTestId('import-rejects').locator('tr[data-kind="warning"]')).toContainText('警告');
  await screenshot(page, 'import-result-warning-zh');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-rejects').click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('clink-damaged.csv,3,warning,客户姓名');
});

test('screenshots: the preview of a Chinese GBK export in zh-CN and English, light and dark', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'Asia/Shanghai', 'zh-CN');
  await page.getByTestId('nav-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles(path.join(REPO, 'test/fixtures/calls/zh-generic-gbk.csv'));
  await previewReady(page);
  await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'zh-generic');
  // 挂断 is a text the layout does not know: highlighted; its row is kept, read by its talk time
  await expect(page.getByTestId('value-disposition-挂断')).toHaveAttribute('data-text', '挂断');
  await expect(page.getByTestId('values-disposition')).toHaveAttribute('data-unknown-rows', '1');
  await expect(page.getByTestId('preview-summary')).toContainText('抽样 8 行中 8 行将导入，0 行为异常行');
  await expect(page.getByTestId('map-talkSeconds').locator('option:checked')).toHaveText(
    '通话时长 — 3分25秒',
  );

  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'import-preview-zh-light');
  await page.getByTestId('preview-rows').scrollIntoViewIfNeeded();
  await screenshot(page, 'import-preview-zh-light-rows');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('preview').scrollIntoViewIfNeeded();
  await screenshot(page, 'import-preview-zh-dark');

  await saveTimeZone(page, 'Asia/Shanghai', 'en');
  await page.getByTestId('nav-import').click();
  await previewReady(page);
  await screenshot(page, 'import-preview-en-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'import-preview-en-light');
});
