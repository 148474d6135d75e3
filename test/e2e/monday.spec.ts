/**
 * Monday 8:30 (the pinned clock, test/pinned-clock.ts): the dashboard opens on Friday — the last
 * working day — says why, and compares it with Thursday; an empty day offers the last day with
 * calls. Numbers are checked against a recomputation from the raw calls.
 */
import { lastWorkingDayBefore } from '../../src-shared/periods';
import { expect, screenshot, test } from './fixtures';
import { chooseLanguage, chooseRange, openRaw, workspaceToday } from './raw-db';
import { rawTruth } from './overview-truth';

test('Monday morning opens on Friday, says why, and compares it with Thursday', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '8', '--days', '40', '--seed', '21']);
  const db = openRaw(app.db);
  const today = workspaceToday(db);
  db.close();
  expect(today).toBe('2026-12-07'); // the pinned Monday
  const friday = lastWorkingDayBefore(today);
  expect(friday).toBe('2026-12-04');

  await page.reload();
  await expect(page.getByTestId('preset-lastWorkingDay')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('range-from')).toHaveValue(friday);
  await expect(page.getByTestId('range-to')).toHaveValue(friday);
  await expect(page.getByTestId('morning-note')).toContainText('was not a working day');
  await expect(page.getByTestId('comparison-basis')).toContainText('the working day before');
  const truth = rawTruth(app.db, friday, friday);
  expect(truth.total.dials).toBeGreaterThan(0);
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', String(truth.total.dials));
  // the landing is this morning's default: nothing to reset
  await expect(page.getByTestId('filter-reset')).toBeDisabled();
  await screenshot(page, 'monday-landing-en');

  // Sunday has no calls: the empty state takes the lead to the last day with calls
  await chooseRange(page, '2026-12-06', '2026-12-06');
  await expect(page.getByTestId('range-empty')).toBeVisible();
  await page.getByTestId('show-last-day').click();
  const db2 = openRaw(app.db);
  const lastDay = db2.prepare('SELECT max(day) FROM calls').pluck().get() as string;
  db2.close();
  await expect(page.getByTestId('range-from')).toHaveValue(lastDay);
  await expect(page.getByTestId('range-to')).toHaveValue(lastDay);
  await expect(page.getByTestId('range-empty')).toHaveCount(0);

  // This month: 1-7 December against November's first five working days, said in Chinese
  await chooseLanguage(page, 'zh-CN', '#/');
  await page.getByTestId('preset-thisMonth').click();
  await expect(page.getByTestId('comparison-basis')).toContainText('同为前 5 个工作日');
  await expect(page.getByTestId('range-caption')).toContainText('11月6日');
  await page.getByTestId('preset-lastWorkingDay').click();
  await expect(page.getByTestId('preset-lastWorkingDay')).toHaveText('上个工作日');
  await screenshot(page, 'monday-landing-zh');
});
