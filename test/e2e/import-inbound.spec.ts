/**
 * A Chinese call-center export no named layout reads, with a 呼叫类型 column of 外呼 / 呼入 / 内部
 * (and one 转接 no table lists): the preview proposes the column as the direction, says how many
 * calls are no dials, lists the direction texts with the unknown one's proposal; the import says
 * the same and the dashboard counts only the outbound calls as dials.
 */
import { makeDirectedCalls, zhDirectedCsv } from '../fixtures/inbound-exports';
import { chooseImportFile, expect, saveTimeZone, screenshot, test } from './fixtures';

const calls = makeDirectedCalls(41, 30, [4, 5], { internal: true });
const count = (direction: string) => calls.filter((c) => c.direction === direction).length;
// The first call's type written 转接: read as outbound, with a warning.
const asRead = calls.map((c, i) => (i === 0 ? { ...c, direction: 'outbound' as const } : c));
const outbound = asRead.filter((c) => c.direction === 'outbound');
const csv = (() => {
  const lines = new TextDecoder('gbk').decode(zhDirectedCsv(calls, 'type')).split('\r\n');
  const cells = lines[4]!.split(',');
  cells[5] = '转接';
  lines[4] = cells.join(',');
  return Buffer.from(lines.join('\r\n'), 'utf8');
})();
const inbound = count('inbound') - (calls[0]!.direction === 'inbound' ? 1 : 0);
const internal = count('internal') - (calls[0]!.direction === 'internal' ? 1 : 0);

test('inbound and internal calls read from a 呼叫类型 column are no dials, in both languages', async ({
  appPage: page,
}) => {
  expect(inbound).toBeGreaterThan(0);
  expect(internal).toBeGreaterThan(0);
  for (const [language, words] of [
    ['en', [`${inbound} inbound, ${internal} internal`, 'not counted as dials']],
    ['zh-CN', [`呼入 ${inbound} 通`, `内部通话 ${internal} 通`, '不计入外呼']],
  ] as const) {
    await saveTimeZone(page, 'Asia/Shanghai', language);
    await chooseImportFile(page, { name: `calls-${language}.csv`, mimeType: 'text/csv', buffer: csv });
    await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'inferred');
    await expect(page.getByTestId('map-direction').locator('option:checked')).toContainText('呼叫类型');
    for (const w of words) await expect(page.getByTestId('pbx-not-dials')).toContainText(w);
    await expect(page.getByTestId('values-direction')).toHaveAttribute('data-unknown-rows', '1');
    await expect(page.getByTestId('value-direction-转接-proposed')).toBeVisible();
    // An inbound row says so beside its result (the file's line 5 is its first call).
    const firstInbound = calls.findIndex((c, i) => i > 0 && c.direction === 'inbound');
    await expect(
      page
        .getByTestId('preview-rows')
        .locator(`tr[data-line="${5 + firstInbound}"] td[data-direction="inbound"]`),
    ).toContainText(language === 'en' ? 'In · ' : '呼入 · ');
    // The totals row's "30通" is no call-result text of the file.
    await expect(page.getByTestId('values-disposition')).toHaveAttribute('data-unknown-rows', '0');
    await page.getByTestId('values-direction').scrollIntoViewIfNeeded();
    await screenshot(page, `import-inbound-values-${language}`);
    await page.getByTestId('pbx-not-dials').scrollIntoViewIfNeeded();
    await screenshot(page, `import-inbound-preview-${language}`);
    if (language === 'zh-CN') break;

    await page.getByTestId('import-start').click();
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-inserted', String(calls.length - internal));
    await expect(result).toHaveAttribute('data-rejected', '0');
    await expect(page.getByTestId('import-result-not-dials')).toContainText(
      `${inbound} inbound, ${internal} internal`,
    );
    await screenshot(page, `import-inbound-result-${language}`);

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('range-from').fill('2026-11-04');
    await page.getByTestId('range-to').fill('2026-11-05');
    await expect(page.getByTestId('range-to')).toHaveValue('2026-11-05');
    await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(outbound.length));
    const connects = outbound.filter((c) => c.answered && c.talk > 0).length;
    await expect(page.getByTestId('kpi-connects')).toHaveAttribute('data-value', String(connects));
  }
});
