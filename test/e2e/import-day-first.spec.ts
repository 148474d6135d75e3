/**
 * A day-first export whose every date could be read either way: the preview says so and asks,
 * with the workspace's usual order preselected (month first for a New York workspace); the team
 * lead answers "day first", imports, and reads the right days off the dashboard (an explicit
 * custom range, not "today"). Screenshots of the question in both languages.
 */
import type { Page } from '@playwright/test';
import { expect, saveTimeZone, screenshot, test } from './fixtures';

// 05/11/2026 is 5 November day-first (11 May month-first); every day of the file is 1..12.
const FILE = [
  'Date,Agent,Agent Name,Number,Status,Duration',
  '02/11/2026 09:00,2001,Ana,07700 900101,Answered,120',
  '02/11/2026 09:30,2001,Ana,07700 900102,No Answer,0',
  '02/11/2026 10:00,2002,Ben,07700 900103,Answered,45',
  '05/11/2026 09:15,2001,Ana,07700 900104,Answered,300',
  '05/11/2026 11:00,2002,Ben,07700 900105,No Answer,0',
  '09/11/2026 14:00,2002,Ben,07700 900106,Answered,60',
].join('\r\n');

// The truth, counted from the rows above: per day (dials, connects, talk seconds; every answered
// call talks 30 s or more, so its talk time is effective talk time).
const DAYS: Record<string, [number, number, number]> = {
  '2026-11-02': [3, 2, 165],
  '2026-11-05': [2, 1, 300],
  '2026-11-09': [1, 1, 60],
};

async function showDays(page: Page, from: string, to: string) {
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('range-from').fill(from);
  await page.getByTestId('range-to').fill(to);
  await expect(page.getByTestId('range-to')).toHaveValue(to);
}

test('a day-first file: the preview asks the date order, and the answer puts calls on the right days', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'America/New_York', 'zh-CN');
  await page.getByTestId('nav-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'eu-dialer.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
  const preview = page.getByTestId('preview');
  await expect(preview).toHaveAttribute('data-state', 'ready');
  const question = page.getByTestId('preview-date-order');
  // New York writes month first: that is preselected, and the question is on screen.
  await expect(question).toHaveAttribute('data-order', 'mdy');
  await expect(question).toContainText('02/11/2026 09:00');
  // The layout is named for what it is, not a product, in the page's language only.
  await expect(page.getByTestId('preview-detected')).toContainText('通用英文通话记录');
  await expect(page.getByTestId('preview-detected')).not.toContainText('Generic');
  await screenshot(page, 'import-day-first-question-zh-CN');

  await saveTimeZone(page, 'America/New_York', 'en');
  await page.getByTestId('nav-import').click();
  await expect(page.getByTestId('preview')).toHaveAttribute('data-state', 'ready');
  await expect(question).toContainText('Which comes first?');
  await expect(page.getByTestId('preview-detected')).toContainText('Generic English call log');
  await page.getByTestId('date-order-dmy').click();
  await expect(question).toHaveAttribute('data-order', 'dmy');
  await expect(page.getByTestId('preview')).toHaveAttribute('data-state', 'ready');
  // The first rows now read as 2 November.
  await expect(page.getByTestId('preview-rows').locator('tr[data-line="2"]')).toContainText('2026-11-02');
  await screenshot(page, 'import-day-first-question-en');

  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-inserted', '6');
  await expect(result).toHaveAttribute('data-rejected', '0');

  for (const [day, [dials, connects, talk]] of Object.entries(DAYS)) {
    await showDays(page, day, day);
    await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(dials));
    await expect(page.getByTestId('kpi-connects')).toHaveAttribute('data-value', String(connects));
    await expect(page.getByTestId('kpi-effectiveTalkSeconds')).toHaveAttribute('data-value', String(talk));
  }
  // Nothing landed on the month-first days (11 February, 11 May, 11 September).
  await showDays(page, '2026-02-11', '2026-02-11');
  await expect(page.getByTestId('kpi-dials')).not.toHaveAttribute('data-value', /[1-9]/);
});
