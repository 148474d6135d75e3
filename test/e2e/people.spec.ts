/**
 * The People page end to end: add a team, move two agents into it, merge a second dialer's code
 * into its person, and see the dashboard follow (team filter, leaderboard, the agent with no
 * calls). Expected numbers are counted here from the calls this test writes.
 */
import type { Page } from '@playwright/test';
import { CALLSCOPE_COLUMNS } from '../call-log';
import { clockOf, importCsv, writeCsv } from './call-files';
import { expect, screenshot, test, tileValue, type App } from './fixtures';
import { chooseLanguage, chooseRange } from './raw-db';

interface Call {
  code: string;
  name: string;
  day: string;
  connected: boolean;
}

const DAYS = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
const PEOPLE = [
  { code: '101', name: '张伟', perDay: 3 },
  { code: '201', name: '张伟', perDay: 2 }, // 张伟's second dialer
  { code: '102', name: '李娜', perDay: 4 },
  { code: '103', name: '王芳', perDay: 2 },
  { code: '11', name: '刘洋', perDay: 1 },
];

function calls(): Call[] {
  const out: Call[] = [];
  for (const day of DAYS)
    for (const p of PEOPLE)
      for (let k = 0; k < p.perDay; k++)
        out.push({ code: p.code, name: p.name, day, connected: k % 2 === 0 });
  // 赵磊 dials on the first day only: from then on on the roster with no calls.
  out.push({ code: '104', name: '赵磊', day: DAYS[0]!, connected: true });
  return out;
}

function importCalls(app: App): void {
  const rows = calls().map(
    (c, i) =>
      `P${i},${c.code},${c.name},,${c.day} ${clockOf(i)},${c.connected ? 'connected' : 'no_answer'},${c.connected ? 60 : 0},none,`,
  );
  importCsv(app, 'calls.csv', [CALLSCOPE_COLUMNS, ...rows], '--preset', 'callscope');
}

const agentRow = (page: Page, code: string) =>
  page.getByTestId('agents-table').locator(`tbody tr[data-agent-code="${code}"]`);

async function leaderboard(page: Page): Promise<Map<string, number>> {
  const table = page.getByTestId('agent-table');
  await expect(table).toBeVisible();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-agent-code') ?? '',
        Number(tr.querySelector('[data-col="dials"]')?.getAttribute('data-value') ?? NaN),
      ]),
    );
  return new Map(rows.map(([code, dials]) => [String(code), Number(dials)]));
}

test('add a team, move two agents into it, merge two codes of one person; the dashboard follows', async ({
  app,
  appPage: page,
}) => {
  importCalls(app);
  await page.goto(`${app.url}#/people`);
  await expect(page.getByTestId('nav-people')).toHaveAttribute('aria-current', 'page');
  // 工号 in numeric order: 11 before 101.
  await expect(page.getByTestId('agents-table').locator('tbody tr[data-agent-code]')).toHaveCount(6);
  const codes = await page
    .getByTestId('agents-table')
    .locator('tbody tr[data-agent-code]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agent-code')));
  expect(codes).toEqual(['11', '101', '102', '103', '104', '201']);

  // A team, from the keyboard.
  await page.getByTestId('team-new-name').fill('East');
  await page.getByTestId('team-new-name').press('Enter');
  await expect(page.getByTestId('teams-table').getByTestId('team-name')).toHaveValue('East');
  await page.getByTestId('team-lead').fill('Chen Jing');
  await page.getByTestId('team-lead').press('Enter');

  // Two agents into it.
  await agentRow(page, '101').getByTestId('agent-team').selectOption({ label: 'East' });
  await expect(page.getByTestId('teams-table').locator('td.num')).toHaveText('1');
  await agentRow(page, '102').getByTestId('agent-team').selectOption({ label: 'East' });
  await expect(page.getByTestId('teams-table').locator('td.num')).toHaveText('2');

  // 201 is 张伟's second dialer: merge it into 101.
  await agentRow(page, '201').getByTestId('agent-merge').selectOption({ label: '张伟 (101)' });
  await page.getByTestId('agent-merge-confirm').click();
  await expect(page.getByTestId('people-notice')).toContainText('201');
  await expect(agentRow(page, '201')).toHaveCount(0);
  await expect(agentRow(page, '101').getByTestId('agent-other-codes')).toContainText('201');

  // Search by 工号 finds the person by either code.
  await page.getByTestId('agents-search').fill('201');
  await expect(page.getByTestId('agents-table').locator('tbody tr[data-agent-code]')).toHaveCount(1);
  await page.getByTestId('agents-search').fill('');
  await screenshot(page, 'people-en');

  // The dashboard: the team filter shows the team's two people, 张伟 counted once with both codes.
  const from = '2026-11-05';
  const to = '2026-11-06';
  const inRange = calls().filter((c) => c.day >= from && c.day <= to);
  const dialsOf = (...codes: string[]) => inRange.filter((c) => codes.includes(c.code)).length;
  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, from, to);
  await page.getByTestId('filter-team').selectOption({ label: 'East' });
  await expect
    .poll(async () => Object.fromEntries(await leaderboard(page)))
    .toEqual({ '101': dialsOf('101', '201'), '102': dialsOf('102') });
  await expect(page.getByTestId('team-table').locator('tbody tr')).toHaveCount(1);

  // The whole floor: every active agent, 赵磊 (104) with 0 and the "no calls" mark.
  await page.getByTestId('filter-reset').click();
  await chooseRange(page, from, to);
  await expect
    .poll(async () => Object.fromEntries(await leaderboard(page)))
    .toEqual({
      '11': dialsOf('11'),
      '101': dialsOf('101', '201'),
      '102': dialsOf('102'),
      '103': dialsOf('103'),
      '104': 0,
    });
  await expect(page.locator('tr[data-agent-code="104"]').getByTestId('no-calls')).toBeVisible();
  await expect(page.locator('tr[data-agent-code="101"]').getByTestId('no-calls')).toHaveCount(0);
  await page.getByTestId('agent-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'people-dashboard-roster-en');

  // The agent page counts the person once, under both codes.
  await page.locator('tr[data-agent-code="101"]').getByTestId('agent-link').click();
  await expect(page.getByTestId('agent-code')).toHaveText('101 · 201');
  await expect.poll(() => tileValue(page, 'dials')).toBe(dialsOf('101', '201'));

  // Marked as left on 11-04 (no calls since 11-02): gone from the week after.
  await page.goto(`${app.url}#/people`);
  await agentRow(page, '104').getByTestId('agent-status').selectOption('left');
  await agentRow(page, '104').getByTestId('agent-left-on').fill('2026-11-04');
  await expect(agentRow(page, '104').getByTestId('agent-left-on')).toHaveValue('2026-11-04');
  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, from, to);
  await expect
    .poll(async () => [...(await leaderboard(page)).keys()].sort())
    .toEqual(['101', '102', '103', '11']);

  await chooseLanguage(page, 'zh-CN', '#/people');
  await expect(page.getByRole('heading', { name: '人员管理' })).toBeVisible();
  await screenshot(page, 'people-zh-CN');
});

test('a later GBK file with 技能组 fills the teams the app lacks, keeps the one a person set, and the preview says so', async ({
  app,
  appPage: page,
}) => {
  importCalls(app); // no team column: everyone 未分组
  await page.goto(`${app.url}#/people`);
  await page.getByTestId('team-new-name').fill('East');
  await page.getByTestId('team-new-name').press('Enter');
  await agentRow(page, '102').getByTestId('agent-team').selectOption({ label: 'East' });
  await expect(agentRow(page, '102').getByTestId('agent-team')).toHaveValue(/\d+/);

  const file = writeCsv(
    app.dir,
    '外呼记录.csv',
    [
      '坐席工号,坐席姓名,技能组,呼叫时间,呼叫结果,通话时长',
      '101,张伟,销售一组,2026-11-09 09:00:00,已接通,65',
      '102,李娜,销售二组,2026-11-09 09:05:00,已接通,40',
      '103,王芳,销售一组,2026-11-09 09:10:00,未接通,0',
      '105,孙丽,销售二组,2026-11-09 09:15:00,已接通,90',
    ],
    { encoding: 'gbk', lineEnd: '\r\n' },
  );
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  // 105 is new; 101 and 103 get 销售一组; 102 keeps East; 销售一组 and 销售二组 are new teams.
  await expect(page.getByTestId('preview-people')).toContainText(
    'new agents 1 · teams filled in 2 · names filled in 0 · new teams 2',
  );
  await page.getByTestId('preview-people').scrollIntoViewIfNeeded();
  await screenshot(page, 'people-import-preview-en');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-inserted', '4');

  await page.getByTestId('nav-people').click();
  const team = (code: string) =>
    agentRow(page, code)
      .getByTestId('agent-team')
      .evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '');
  await expect.poll(() => team('101')).toBe('销售一组');
  expect(await team('102')).toBe('East');
  expect(await team('103')).toBe('销售一组');
  expect(await team('105')).toBe('销售二组');
  expect(await team('104')).toBe('No team');
});
