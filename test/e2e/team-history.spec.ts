/**
 * Moving an agent to another team from a past day (issue 19: history is never rewritten): the
 * People page asks from which day the move takes effect; the old team's month before that day
 * keeps its numbers, the new team gets the days after, and the agent's page lists their teams
 * over time. Expected numbers are counted here from the calls this test writes.
 */
import type { Page } from '@playwright/test';
import { CALLSCOPE_COLUMNS } from '../call-log';
import { clockOf, importCsv } from './call-files';
import { expect, screenshot, test, tileValue, type App } from './fixtures';
import { chooseLanguage, chooseRange } from './raw-db';

const TEAM_OF: Record<string, string> = { '301': 'East', '302': 'East', '303': 'West' };
const DAYS = ['2026-10-12', '2026-10-13', '2026-11-09', '2026-11-10'];
const PER_DAY: Record<string, number> = { '301': 3, '302': 2, '303': 4 };
/** Days on which 301 does not dial (a week before the move and one after it). */
const WITHOUT_301 = ['2026-10-20', '2026-11-17'];

interface Call {
  code: string;
  day: string;
}

function calls(): Call[] {
  const out: Call[] = [];
  for (const day of DAYS)
    for (const code of Object.keys(TEAM_OF)) for (let k = 0; k < PER_DAY[code]!; k++) out.push({ code, day });
  for (const day of WITHOUT_301) for (const code of ['302', '303']) out.push({ code, day });
  return out;
}

function importCalls(app: App): void {
  const rows = calls().map(
    (c, i) => `T${i},${c.code},坐席${c.code},${TEAM_OF[c.code]},${c.day} ${clockOf(i)},connected,60,none,`,
  );
  importCsv(app, 'autumn.csv', [CALLSCOPE_COLUMNS, ...rows], '--preset', 'callscope');
}

/** Dials of a team in a month when 301 is in West from 2026-11-01 on. */
function dialsOf(team: string, month: '2026-10' | '2026-11'): number {
  const teamOn = (c: Call) => (c.code === '301' && c.day >= '2026-11-01' ? 'West' : TEAM_OF[c.code]);
  return calls().filter((c) => c.day.startsWith(month) && teamOn(c) === team).length;
}

const agentRow = (page: Page, code: string) =>
  page.getByTestId('agents-table').locator(`tbody tr[data-agent-code="${code}"]`);

async function teamDials(page: Page, team: string, from: string, to: string): Promise<void> {
  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, from, to);
  await page.getByTestId('filter-team').selectOption({ label: team });
}

test("a move dated in the past leaves the old team's month before it as it was", async ({
  app,
  appPage: page,
}) => {
  importCalls(app);
  await page.goto(`${app.url}#/dashboard`);
  await teamDials(page, 'East', '2026-10-01', '2026-10-31');
  const eastOctober = dialsOf('East', '2026-10');
  await expect.poll(() => tileValue(page, 'dials')).toBe(eastOctober);

  // 301 moves to West from 1 November (a date in the past: today is pinned in December).
  await page.getByTestId('nav-people').click();
  await agentRow(page, '301').getByTestId('agent-team').selectOption({ label: 'West' });
  await expect(page.getByTestId('agent-move')).toContainText('calls before this day stay with East');
  await page.getByTestId('agent-move-since').fill('2026-11-01');
  await page.getByTestId('agent-move').scrollIntoViewIfNeeded();
  await screenshot(page, 'team-history-move-en');
  await page.getByTestId('agent-move-confirm').click();
  await expect(page.getByTestId('agent-move')).toHaveCount(0);

  // East's October has not changed; West has 301's November.
  await teamDials(page, 'East', '2026-10-01', '2026-10-31');
  await expect.poll(() => tileValue(page, 'dials')).toBe(eastOctober);
  await teamDials(page, 'West', '2026-11-01', '2026-11-30');
  await expect.poll(() => tileValue(page, 'dials')).toBe(dialsOf('West', '2026-11'));
  await teamDials(page, 'East', '2026-11-01', '2026-11-30');
  await expect.poll(() => tileValue(page, 'dials')).toBe(dialsOf('East', '2026-11'));

  // The roster follows the history: in a week 301 made no call they are listed with 0 under East
  // before the move and under West after it, and not under the other team.
  const expectBoard = async (team: string, from: string, to: string, expected: string[][]) => {
    await teamDials(page, team, from, to);
    const rows = page.getByTestId('leaderboard').locator('tbody tr');
    await expect
      .poll(async () =>
        (
          await rows.evaluateAll((trs) =>
            trs.map((tr) => [
              tr.getAttribute('data-agent-code') ?? '',
              tr.querySelector('[data-col="team"]')?.textContent ?? '',
              tr.querySelector('[data-col="dials"]')?.getAttribute('data-value') ?? '',
            ]),
          )
        ).sort(([x], [y]) => (x! < y! ? -1 : 1)),
      )
      .toEqual(expected);
  };
  const dialsOn = (code: string, day: string) =>
    String(calls().filter((c) => c.code === code && c.day === day).length);
  await expectBoard('East', '2026-10-19', '2026-10-25', [
    ['301', 'East', '0'],
    ['302', 'East', dialsOn('302', '2026-10-20')],
  ]);
  await page.getByTestId('leaderboard').scrollIntoViewIfNeeded();
  await screenshot(page, 'team-history-roster-en');
  await expectBoard('West', '2026-10-19', '2026-10-25', [['303', 'West', dialsOn('303', '2026-10-20')]]);
  await expectBoard('West', '2026-11-16', '2026-11-22', [
    ['301', 'West', '0'],
    ['303', 'West', dialsOn('303', '2026-11-17')],
  ]);
  await expectBoard('East', '2026-11-16', '2026-11-22', [['302', 'East', dialsOn('302', '2026-11-17')]]);

  // The agent's page lists their teams over time.
  await page.getByTestId('filter-team').selectOption({ label: 'West' });
  await page.locator('tr[data-agent-code="301"]').getByTestId('agent-link').click();
  const agentHash = new URL(page.url()).hash;
  const spans = page.getByTestId('agent-team-span');
  await expect(spans).toHaveText([/^West\s+since 2026-11-01$/, /^East\s+until 2026-10-31$/]);
  await screenshot(page, 'team-history-agent-en');

  await chooseLanguage(page, 'zh-CN', '#/people');
  await agentRow(page, '302').getByTestId('agent-team').selectOption({ label: 'West' });
  await expect(page.getByTestId('agent-move')).toContainText('此前的通话仍计入East');
  await page.getByTestId('agent-move').scrollIntoViewIfNeeded();
  await screenshot(page, 'team-history-move-zh-CN');
  await page.getByTestId('agent-move').getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('agent-move')).toHaveCount(0);
  await page.evaluate((h) => (window.location.hash = h), agentHash);
  await expect(page.getByTestId('agent-team-span')).toHaveText([
    /^West\s+2026-11-01 起$/,
    /^East\s+至 2026-10-31$/,
  ]);
  await screenshot(page, 'team-history-agent-zh-CN');
  await expectBoard('East', '2026-10-19', '2026-10-25', [
    ['301', 'East', '0'],
    ['302', 'East', dialsOn('302', '2026-10-20')],
  ]);
  await page.getByTestId('leaderboard').scrollIntoViewIfNeeded();
  await screenshot(page, 'team-history-roster-zh-CN');
});
