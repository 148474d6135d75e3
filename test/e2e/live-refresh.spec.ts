/**
 * Live: the dashboard is open on the demo floor; the command line imports a few more calls of the
 * day on screen into the same workspace; the call count on the dashboard moves to the new total
 * within seconds, without a reload (the page polls the workspace's change counter).
 */
import { CALLSCOPE_ALL_COLUMNS } from '../call-log';
import { importCsv } from './call-files';
import { expect, test, tileValue } from './fixtures';

test("another process's import shows on the open dashboard without a reload", async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '6', '--days', '20', '--seed', '3']);
  await page.reload();
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /^[1-9]\d*$/, {
    timeout: 60_000,
  });
  const day = await page.getByTestId('range-to').inputValue();
  const before = (await tileValue(page, 'dials'))!;
  // a mark the page keeps only if it is never reloaded
  await page.evaluate(() => Object.assign(window, { liveMark: 'still here' }));

  // five outbound calls on the last day shown: five more dials, whatever their outcome
  const calls = [
    `L001,9101,测试甲,销售一组,老客续费,${day} 10:00:00,13700137001,outbound,connected,4,95,intent,,`,
    `L002,9101,测试甲,销售一组,老客续费,${day} 10:05:00,13700137002,outbound,no_answer,20,0,,,`,
    `L003,9101,测试甲,销售一组,老客续费,${day} 10:10:00,13700137003,outbound,connected,3,40,,,`,
    `L004,9102,测试乙,销售一组,老客续费,${day} 11:00:00,13700137004,outbound,busy,2,0,,,`,
    `L005,9102,测试乙,销售一组,老客续费,${day} 11:30:00,13700137005,outbound,connected,5,180,sale,300.00,`,
  ];
  importCsv(app, 'more-calls.csv', [CALLSCOPE_ALL_COLUMNS, ...calls]);

  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(before + calls.length), {
    timeout: 10_000,
  });
  expect(await page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark)).toBe('still here');
});
