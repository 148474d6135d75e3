/**
 * A header-less Asterisk Master.csv of a PBX whose provider trunk is named with digits
 * (SIP/211474) and whose agents' phones include a named endpoint (PJSIP/client1): the preview
 * tells trunks from extensions and counts the calls that are no dials; the user names client1's
 * agent code; the dashboard (an explicit range, not "today") shows the right dials and connects.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, saveTimeZone, screenshot, test } from './fixtures';

const MASTER = fs.readFileSync(path.join(REPO, 'test/fixtures/calls/asterisk-pbx-mixed.csv'));

async function previewReady(page: Page) {
  await expect(page.getByTestId('preview')).toHaveAttribute('data-state', 'ready');
}

test('a PBX file with digit-named trunks and a named endpoint: map the endpoint, read dials off the dashboard', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'Asia/Shanghai', 'en');
  await page.getByTestId('nav-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'Master.csv', mimeType: 'text/csv', buffer: MASTER });
  await previewReady(page);
  await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'asterisk-cdr-csv');

  const endpoints = page.getByTestId('pbx-endpoints');
  await expect(endpoints.locator('tr[data-endpoint="SIP/211474"]')).toHaveAttribute('data-role', 'trunk');
  await expect(endpoints.locator('tr[data-endpoint="PJSIP/7712"]')).toHaveAttribute('data-role', 'trunk');
  await expect(endpoints.locator('tr[data-endpoint="PJSIP/client1"]')).toHaveAttribute(
    'data-role',
    'extension',
  );
  // Lines 7-13 and 20 of the file: an IVR-only call, *97 and *8, a voicemail, a ConfBridge, two
  // internal calls and a Local/ leg.
  await expect(page.getByTestId('pbx-not-dials')).toContainText('3 inbound, 2 internal');
  await expect(page.getByTestId('pbx-not-dials')).toContainText('2 feature codes');
  await expect(page.getByTestId('pbx-not-dials')).toContainText('not counted as dials');

  const client1 = endpoints.locator('tr[data-endpoint="PJSIP/client1"]').getByTestId('pbx-endpoint-agent');
  await expect(client1).toHaveValue('201'); // the number it calls from
  await client1.fill('A201');
  await client1.press('Enter');
  await previewReady(page);
  await expect(page.getByTestId('preview-rows').locator('tr[data-line="1"]')).toContainText('A201');
  await screenshot(page, 'import-pbx-endpoints-en');

  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  // 20 rows: 11 calls stored (8 outbound, 3 inbound; the queue call's two legs are one call), 8 counted as no dials
  await expect(result).toHaveAttribute('data-inserted', '11');
  await expect(result).toHaveAttribute('data-rejected', '0');

  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('range-from').fill('2026-11-09');
  await page.getByTestId('range-to').fill('2026-11-10');
  await expect(page.getByTestId('range-to')).toHaveValue('2026-11-10');
  // Outbound by hand: 11-09 lines 1 (95 s), 2 (no answer), 3 (40 s), 14 (click-to-call, 70 s),
  // 15 (congestion); 11-10 lines 16 (busy), 17 (200 s), 18 (15 s): 8 dials, 5 connects.
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', '8');
  await expect(page.getByTestId('kpi-connects')).toHaveAttribute('data-value', '5');

  // The same preview in Chinese.
  await saveTimeZone(page, 'Asia/Shanghai', 'zh-CN');
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-another').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'Master-2.csv', mimeType: 'text/csv', buffer: MASTER });
  await previewReady(page);
  await expect(page.getByTestId('pbx-not-dials')).toContainText('不计入外呼');
  // The naming was saved with the profile.
  await expect(
    page
      .getByTestId('pbx-endpoints')
      .locator('tr[data-endpoint="PJSIP/client1"]')
      .getByTestId('pbx-endpoint-agent'),
  ).toHaveValue('A201');
  await screenshot(page, 'import-pbx-endpoints-zh-CN');
});
