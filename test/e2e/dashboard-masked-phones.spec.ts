/**
 * Calls whose customer number the exporting system masked (138****1234) cannot count as repeat
 * dials: the dashboard's range caption says how many there are, in both languages. Calls of
 * November 2026 written here, so no date depends on today.
 */
import { importCsv } from './call-files';
import { expect, screenshot, test, type App } from './fixtures';
import { chooseLanguage, chooseRange } from './raw-db';

/** 12 calls on 3–5 November 2026, every third number masked by the exporting system: 4 masked. */
function importCalls(app: App): number {
  const lines = ['坐席工号,坐席姓名,呼叫时间,客户号码,通话状态,通话时长'];
  let masked = 0;
  for (let i = 0; i < 12; i++) {
    const isMasked = i % 3 === 0;
    if (isMasked) masked++;
    const phone = isMasked ? `138****${1000 + i}` : `1391234${1000 + i}`;
    lines.push(`100${1 + (i % 2)},坐席${i % 2},2026-11-0${3 + (i % 3)} 10:${10 + i}:00,${phone},已接通,60`);
  }
  importCsv(app, 'masked.csv', lines);
  return masked;
}

test('the range caption says how many calls have a masked number', async ({ appPage: page, app }) => {
  const masked = importCalls(app);
  await page.reload();

  await chooseLanguage(page, 'en', '#/dashboard');
  await chooseRange(page, '2026-11-01', '2026-11-30');
  await expect(page.getByTestId('masked-phones')).toHaveText(
    `Calls with a number masked by the exporting system (138****1234): ${masked}. Repeat dials cannot count them.`,
  );
  await screenshot(page, 'dashboard-masked-phones-en');

  await chooseLanguage(page, 'zh-CN', '#/dashboard');
  await chooseRange(page, '2026-11-01', '2026-11-30');
  await expect(page.getByTestId('masked-phones')).toContainText(
    `有 ${masked} 通电话的客户号码被导出系统隐去`,
  );
  await screenshot(page, 'dashboard-masked-phones-zh-CN');

  // A range without masked numbers says nothing of them.
  await chooseRange(page, '2026-11-10', '2026-11-12');
  await expect(page.getByTestId('range-caption')).toBeVisible();
  await expect(page.getByTestId('masked-phones')).toHaveCount(0);
});
