/**
 * Two people on one team workspace (PostgreSQL), each in their own Callscope: the QA supervisor
 * scores a call of the North team in one browser, and the North team lead, who has the agent's page
 * open in another browser on another web host, sees the audit and its score arrive without a
 * reload. The lead sees their own team only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CALLSCOPE_COLUMNS } from '../call-log';
import { writeCsv } from './call-files';
import { apiCall, expect, screenshot, test } from './fixtures';
import { chooseRange } from './raw-db';
import { browserSignedIn, openTeamWorkspace, type TeamWorkspace } from './team-workspace';

const QA = { login: 'qa.lin', password: 'qa-password-1', displayName: 'Lin QA' };
const LEAD = { login: 'lead.zhao', password: 'lead-password-1', displayName: 'Zhao Lead' };
const FROM = '2026-11-16';
const TO = '2026-11-20';
const AGENTS = [
  { code: 'A001', name: 'Alice Wang', team: 'North' },
  { code: 'A002', name: 'Ben Li', team: 'North' },
  { code: 'A003', name: 'Chen Yu', team: 'South' },
];

/** A week of calls: every agent connects on each of the five days. */
function callsFile(dir: string): string {
  const lines = [CALLSCOPE_COLUMNS];
  AGENTS.forEach((agent, a) => {
    for (let d = 0; d < 5; d++) {
      const day = `2026-11-${16 + d}`;
      lines.push(
        `${agent.code}-${d},${agent.code},${agent.name},${agent.team},${day} 1${a}:0${d}:00,connected,${60 + 30 * d},none,`,
      );
    }
  });
  return writeCsv(dir, 'calls.csv', lines);
}

let team: TeamWorkspace;
let dir: string;
let aliceId: number;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-two-users-'));
  team = await openTeamWorkspace({
    callsFile: callsFile(dir),
    preset: 'callscope',
    // Two Callscopes on the floor: one web host each, over the one database.
    hosts: 2,
    // The admin adds the QA supervisor and the North team's lead, as the Users page does.
    setUp: async (call) => {
      const teams = await call('teams.list', {});
      const agents = await call('agents.list', {});
      aliceId = agents.find((a) => a.code === 'A001')!.id;
      await call('users.create', { ...QA, role: 'qa' });
      await call('users.create', {
        ...LEAD,
        role: 'team_lead',
        teamIds: [teams.find((t) => t.name === 'North')!.id],
      });
    },
  });
});

test.afterAll(async () => {
  await team?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a QA supervisor submits an audit; the team lead sees it on their screen without a reload', async ({
  browser,
}) => {
  const lead = await browserSignedIn(browser, team.urls[1]!, LEAD);
  const qa = await browserSignedIn(browser, team.urls[0]!, QA);

  // The lead sees their own team only.
  const leadAgents = await apiCall(lead, 'agents.list', {});
  expect(leadAgents.map((a) => a.code).sort()).toEqual(['A001', 'A002']);

  // The lead has Alice's page open: no audit yet.
  await lead.evaluate((id) => (window.location.hash = `#/agents/${id}`), aliceId);
  await chooseRange(lead, FROM, TO);
  await expect(lead.getByTestId('agent-audits')).toBeVisible();
  await expect(lead.getByTestId('agent-audit-row')).toHaveCount(0);

  // The QA supervisor samples a call of every agent, across both teams, and opens Alice's.
  await qa.getByTestId('nav-audits').click();
  await qa.getByTestId('audits-reviewer').fill(QA.displayName);
  await qa.getByTestId('sample-from').fill(FROM);
  await qa.getByTestId('sample-to').fill(TO);
  await qa.getByTestId('sample-per-agent').fill('1');
  await qa.getByTestId('sample-seed').fill('11');
  await qa.getByTestId('sample-build').click();
  await expect(qa.getByTestId('sample-row')).toHaveCount(3);
  await qa.getByTestId('sample-row').filter({ hasText: 'Alice Wang' }).getByTestId('sample-open').click();
  await expect(qa.getByTestId('scorecard-item')).toHaveCount(15);
  await qa.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of ['y', 'y', 'y', '4', '3', '5', '2', '4', '3', 'a', 'y', 'n', 'y', 'y', 'a']) {
    await qa.keyboard.press(key);
  }
  // By hand (the default scorecard, as in audits.spec): 61.25 of the 85 points that apply.
  const expected = (100 * 61.25) / 85;
  await expect
    .poll(async () => Number(await qa.getByTestId('audit-score').getAttribute('data-score')))
    .toBeCloseTo(expected, 6);
  await qa.getByTestId('audit-submit').click();
  await expect(qa.getByTestId('audit-submitted')).toContainText(QA.displayName);

  // On the lead's screen, on the other host: the audit arrives by itself (the page polls the
  // workspace's change counter every 3 s while visible).
  const row = lead.getByTestId('agent-audit-row');
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  expect(Number(await row.getAttribute('data-score'))).toBeCloseTo(expected, 6);
  await lead.getByTestId('agent-audits').scrollIntoViewIfNeeded();
  await screenshot(lead, 'team-two-users-lead-sees-audit-en');
});
