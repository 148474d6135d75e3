/**
 * The QA analytics chart: four weeks of submitted audits (scored through the web host's API, as
 * the audit form does), the weekly average with its interval band and the scorecard's pass line,
 * and each agent's average on its interval. The chart's weeks and means are checked against the
 * scores stored in the workspace; screenshots in light, dark, Chinese and at 1920.
 */
import type { Page } from '@playwright/test';
import type { AuditDetail, ScorecardVersion } from '../../src-shared/api';
import { trendBucket } from '../../src-shared/audit-stats';
import type { AnswerValue } from '../../src-shared/scorecard';
import { CALLSCOPE_COLUMNS } from '../call-log';
import { importCsv } from './call-files';
import { expect, screenshot, test, type App } from './fixtures';
import { chooseLanguage, chooseRange, openRaw } from './raw-db';

const FROM = '2026-10-26';
const TO = '2026-11-22';
const AGENTS = ['A001,Alice Wang', 'A002,Ben Li', 'A003,Chen Yu', 'A004,Dina Xu'];

/** Four weeks, two connected calls per agent and week. */
function importCalls(app: App): void {
  const lines = [CALLSCOPE_COLUMNS];
  AGENTS.forEach((agent, a) => {
    for (let week = 0; week < 4; week++)
      for (const day of [1, 3]) {
        const date = new Date(Date.UTC(2026, 9, 26 + week * 7 + day, 12));
        const stamp = `${date.toISOString().slice(0, 10)} 1${a}:00:00`;
        lines.push(`W${a}${week}${day},${agent},${a < 2 ? 'North' : 'South'},${stamp},connected,120,none,`);
      }
  });
  importCsv(app, 'calls.csv', lines, '--preset', 'callscope');
}

async function api<T>(page: Page, method: string, data: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const token = await page.evaluate(() => sessionStorage.getItem('callscope.token') ?? '');
  const res = await page.request.post(`${origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${token}` },
    data,
  });
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('QA chart: weekly average with its band and pass line, agents on their intervals', async ({
  appPage: page,
  app,
}) => {
  importCalls(app);
  await page.reload();
  const cards = await api<ScorecardVersion[]>(page, 'scorecards.list', { language: 'en' });
  const card = cards.find((c) => c.template === 'outbound-sales')!;
  expect(card.definition.passMark).toBe(70);
  const raw = openRaw(app.db);
  const calls = raw.prepare('SELECT id, agent_id FROM calls ORDER BY id').all() as { id: number }[];
  raw.close();

  // Every call audited; agents and weeks answer differently so the averages and intervals spread.
  for (const [n, c] of calls.entries()) {
    const audit = await api<AuditDetail>(page, 'audits.open', {
      callId: c.id,
      versionId: card.versionId,
      reviewer: 'Lin',
    });
    const answers: Record<string, AnswerValue> = {};
    card.definition.sections.forEach((section, s) =>
      section.items.forEach((item, i) => {
        const k = n * 7 + s * 3 + i;
        answers[item.key] =
          item.type === 'scale'
            ? (String(1 + ((k + (n % 4)) % 5)) as AnswerValue)
            : item.critical || k % 3 !== 0
              ? 'yes'
              : 'no';
      }),
    );
    await api(page, 'audits.submit', { auditId: audit.id, answers, notes: [] });
  }

  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, FROM, TO);
  await page.getByTestId('nav-audits').click();
  const trend = page.getByTestId('qa-trend');
  await expect(trend).toHaveAttribute('data-unit', 'week');
  await expect(page.getByTestId('qa-pass-mark')).toHaveText('Pass mark 70%');

  // The chart's weeks and averages are the stored scores' own.
  const db = openRaw(app.db);
  const stored = db
    .prepare("SELECT call_day AS day, score FROM audits WHERE status = 'submitted' ORDER BY call_day")
    .all() as { day: string; score: number }[];
  db.close();
  expect(stored).toHaveLength(32);
  const byWeek = new Map<string, number[]>();
  for (const s of stored)
    byWeek.set(trendBucket(s.day, 'week'), [...(byWeek.get(trendBucket(s.day, 'week')) ?? []), s.score]);
  const weeks = [...byWeek.keys()].sort();
  expect(weeks).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
  await expect(trend).toHaveAttribute('data-starts', weeks.join(','));
  const means = ((await trend.getAttribute('data-means')) ?? '').split(',').map(Number);
  weeks.forEach((w, i) => {
    const scores = byWeek.get(w)!;
    expect(means[i]).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 9);
  });
  await expect(page.getByTestId('qa-groups')).toHaveAttribute('data-rows', '4');

  await page.getByTestId('audits-qa').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-qa-chart-en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'audits-qa-chart-en-dark');
  await page.getByRole('button', { name: 'Team' }).click();
  await expect(page.getByTestId('qa-groups')).toHaveAttribute('data-rows', '2');
  await page.emulateMedia({ colorScheme: 'light' });

  await chooseLanguage(page, 'zh-CN', '#/audits');
  await expect(page.getByTestId('qa-pass-mark')).toHaveText('合格线 70%');
  await expect(page.getByTestId('qa-trend')).toContainText('每周平均质检得分');
  await page.getByTestId('audits-qa').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-qa-chart-zh-CN');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('audits-qa').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-qa-chart-zh-CN-dark-1920');
});
