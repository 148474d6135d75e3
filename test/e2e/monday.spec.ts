/**
 * Monday 8:30 (the pinned clock, test/pinned-clock.ts): the dashboard opens on Friday — the last
 * working day — says why, and compares it with Thursday; an empty day offers the last day with
 * calls. Numbers are checked against a recomputation from the raw calls.
 */
import { lastWorkingDayBefore } from '../../src-shared/periods';
import { CALLSCOPE_ALL_COLUMNS } from '../call-log';
import { importCsv } from './call-files';
import { apiCall, expect, screenshot, test } from './fixtures';
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

  // One more agent, whose only call was on Thursday: on Friday they made none.
  importCsv(
    app,
    'thursday.csv',
    [CALLSCOPE_ALL_COLUMNS, 'T1,9001,Quiet,,,2026-12-03 10:00:00,13800139001,outbound,no_answer,20,0,,,'],
    '--preset',
    'callscope',
  );
  // December's targets for everyone: dials per working day and a connect rate.
  const raw = openRaw(app.db);
  const agentIds = raw.prepare('SELECT id FROM agents ORDER BY id').pluck().all() as number[];
  const quietId = raw.prepare("SELECT id FROM agents WHERE code = '9001'").pluck().get() as number;
  raw.close();
  await apiCall(page, 'targets.set', {
    month: '2026-12',
    entries: [
      ...agentIds.map((id) => ({
        scope: 'agent' as const,
        scopeId: id,
        kpi: 'dialsPerDay' as const,
        value: 150,
      })),
      { scope: 'all' as const, scopeId: 0, kpi: 'connectRate' as const, value: 0.35 },
    ],
  });

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

  // Every agent is listed, the one without calls on Friday with 0 and a "no calls" mark.
  const board = page.getByTestId('leaderboard');
  await expect(board.locator('tbody tr')).toHaveCount(agentIds.length);
  const quiet = board.locator(`tbody tr[data-agent-id="${quietId}"]`);
  await expect(quiet.getByTestId('no-calls')).toBeVisible();
  await expect(quiet.locator('td[data-col="dials"]')).toHaveAttribute('data-value', '0');

  // Sorted by pace, worst first: the quiet agent — 1 dial over the 2 working days since they
  // started (Thursday 3 and Friday 4 December; pacing counts a new agent from their first day).
  await page.getByTestId('sort-pace').click();
  const worst = board.locator('tbody tr').first();
  await expect(worst).toHaveAttribute('data-agent-id', String(quietId));
  await worst.getByTestId('agent-link').click();
  const dialsRow = page.getByTestId('agent-pace-table').locator('tr[data-kpi="dialsPerDay"]');
  await expect(dialsRow.locator('td[data-col="target"]')).toHaveAttribute('data-value', '150');
  expect(Number(await dialsRow.locator('td[data-col="actual"]').getAttribute('data-value'))).toBeCloseTo(
    1 / 2,
    9,
  );
  expect(Number(await dialsRow.locator('td[data-col="pace"]').getAttribute('data-value'))).toBeCloseTo(
    1 / 2 / 150,
    9,
  );
  await expect(page.getByTestId('agent-score-parts').locator('tr[data-kpi="dialsPerDay"]')).toBeVisible();
  await page.getByTestId('agent-targets').scrollIntoViewIfNeeded();
  await screenshot(page, 'monday-worst-agent-en');
  await page.getByTestId('agent-back').click();

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
