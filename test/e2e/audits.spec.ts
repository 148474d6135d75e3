/**
 * Recording spot-checks end to end in browser mode: import calls whose log has a recording column,
 * put the WAV fixture in the workspace's recordings folder, build the spot-check list, play the
 * recording, answer the scorecard by keyboard, submit, and read the score on the agent page.
 * Traversal through the web host's recording route is refused; a missing file names its path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { cohenKappa } from '../../src-shared/agreement';
import { importCsv } from './call-files';
import { expect, REPO, screenshot, test, type App } from './fixtures';
import { chooseLanguage, chooseRange, openRaw } from './raw-db';

const TONE = path.join(REPO, 'test/fixtures/recordings/tone.wav');
const FROM = '2026-11-16';
const TO = '2026-11-20';

interface Agent {
  code: string;
  name: string;
}

/** A week of calls for three agents; every connect has a recording reference. */
function writeCalls(app: App, agents: Agent[], extra: string[] = []): string {
  const lines = [
    'call_id,agent_code,agent_name,team,started_at,disposition,talk_seconds,outcome,sale_amount,recording',
  ];
  const talks = [45, 190, 25, 320, 75, 140];
  agents.forEach((agent, a) => {
    talks.forEach((talk, i) => {
      const day = `2026-11-${String(16 + ((i + a) % 5)).padStart(2, '0')}`;
      const sale = i === 1 || (i === 2 && a === 0);
      lines.push(
        [
          `${agent.code}-${i}`,
          agent.code,
          agent.name,
          a < 2 ? 'North' : 'South',
          `${day} ${String(9 + i).padStart(2, '0')}:1${a}:00`,
          'connected',
          talk,
          sale ? 'sale' : 'none',
          sale ? '1280.00' : '',
          'tone.wav',
        ].join(','),
      );
    });
    lines.push(`${agent.code}-x,${agent.code},${agent.name},,2026-11-18 16:00:00,no_answer,0,none,,`);
  });
  lines.push(...extra);
  const file = importCsv(app, 'calls.csv', lines, '--preset', 'callscope');
  fs.mkdirSync(path.join(app.dir, 'recordings'), { recursive: true });
  fs.copyFileSync(TONE, path.join(app.dir, 'recordings', 'tone.wav'));
  return file;
}

async function token(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('callscope.token') ?? '');
}

async function buildSample(page: Page, perAgent: number, seed: number) {
  await page.getByTestId('sample-from').fill(FROM);
  await page.getByTestId('sample-to').fill(TO);
  await page.getByTestId('sample-per-agent').fill(String(perAgent));
  await page.getByTestId('sample-seed').fill(String(seed));
  await page.getByTestId('sample-build').click();
}

async function sampledCallIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('sample-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-call-id') ?? ''));
}

async function playerTime(page: Page): Promise<number> {
  return Number(await page.getByTestId('player').getAttribute('data-time'));
}

test('spot-check: sample, listen, answer by keyboard, submit, see the score on the agent page', async ({
  appPage: page,
  app,
  request: cookieless,
}) => {
  const agents = [
    { code: 'A001', name: 'Alice Wang' },
    { code: 'A002', name: 'Ben Li' },
    { code: 'A003', name: 'Chen Yu' },
  ];
  writeCalls(app, agents, [
    'Z-missing,A003,Chen Yu,South,2026-11-21 10:00:00,connected,50,none,,2026/missing.wav',
    'Z-escape,A003,Chen Yu,South,2026-11-21 11:00:00,connected,50,none,,../workspace.sqlite',
  ]);
  await page.reload();
  await page.getByTestId('nav-audits').click();
  await expect(page).toHaveURL(/#\/audits$/);
  await page.getByTestId('audits-reviewer').fill('Lin Supervisor');

  // The list: 2 connects per agent, reproducible from its seed.
  await buildSample(page, 2, 11);
  await expect(page.getByTestId('sample-row')).toHaveCount(6);
  const first = await sampledCallIds(page);
  await buildSample(page, 2, 11);
  await expect(page.getByTestId('audits-sample')).toBeVisible();
  await expect.poll(() => sampledCallIds(page)).toEqual(first);
  // Every agent is below a minimum of 3 audits before anything is scored.
  await expect(page.getByTestId('below-row')).toHaveCount(3);
  await screenshot(page, 'audits-list-en');

  // Open the first call of the list.
  const row = page.getByTestId('sample-row').first();
  const agentName = (await row.locator('td').first().innerText()).trim();
  await row.getByTestId('sample-open').click();
  await expect(page).toHaveURL(/#\/audits\/\d+$/);
  await expect(page.getByTestId('scorecard-item')).toHaveCount(15);

  // The recording plays from the workspace's recordings folder and seeks; its URL holds no secret
  // (the host's HttpOnly cookie opens the route, and scripts cannot read it).
  await expect(page.getByTestId('player-clock')).toHaveText('0:00 / 0:02');
  const audioSrc = await page.locator('audio').getAttribute('src');
  expect(audioSrc).toMatch(/^\/recordings\/\d+$/);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => playerTime(page)).toBeGreaterThan(0.3);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => playerTime(page)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => playerTime(page)).toBeCloseTo(2, 1); // clamped to the 2 s file
  await page.keyboard.press(']');
  await expect(page.getByTestId('player-speed')).toHaveValue('1.25');
  await page.getByTestId('player-speed').selectOption('0.75');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => playerTime(page)).toBe(0);
  await page.getByTestId('player-play').click();
  await expect.poll(() => playerTime(page)).toBeGreaterThan(0.5);
  await page.getByTestId('player-play').click();

  // A note at the current position seeks back there when clicked.
  const at = await playerTime(page);
  await page.getByTestId('audit-note-input').fill('Recording notice given at the start');
  await page.getByTestId('audit-note-add').click();
  const seekLink = page.getByTestId('audit-note-seek');
  await expect(seekLink).toHaveCount(1);
  const offset = Number(await seekLink.getAttribute('data-offset'));
  expect(offset).toBeCloseTo(at, 0);
  await page.keyboard.press('ArrowLeft'); // the input has focus: typing, not a shortcut
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => playerTime(page)).toBe(0);
  await seekLink.click();
  await expect.poll(() => playerTime(page)).toBeCloseTo(offset, 1);

  // Answer every item by keyboard (each answer moves to the next item).
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowUp'); // already at the top: stays
  for (const key of ['y', 'y', 'y', '4', '3', '5', '2', '4', '3', 'a', 'y', 'n', 'y', 'y', 'a']) {
    await page.keyboard.press(key);
  }
  // By hand: opening 10×1, right party 5×1, discovery 25×(0.75+0.5+1+0.25+0.75)/5 = 16.25,
  // presentation 15×0.5, objections N/A (drops out), close 15×0.5, compliance 15×1 → 61.25 / 85.
  const expected = (100 * 61.25) / 85;
  const score = page.getByTestId('audit-score');
  await expect.poll(async () => Number(await score.getAttribute('data-score'))).toBeCloseTo(expected, 6);
  await expect(page.getByTestId('audit-save')).toHaveAttribute('data-state', 'saved');
  await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
  await screenshot(page, 'audits-form-en');

  // The draft is in the workspace: a reload shows the same answers.
  await page.reload();
  await expect(page.locator('[data-testid="scorecard-item"][data-key="close.next_step"]')).toHaveAttribute(
    'data-value',
    'no',
  );
  await expect(page.getByTestId('audit-note')).toHaveCount(1);
  await expect
    .poll(async () => Number(await page.getByTestId('audit-score').getAttribute('data-score')))
    .toBeCloseTo(expected, 6);

  // A change made just before leaving the form is written then, not dropped with the autosave's
  // wait; until it is stored the form says so instead of showing the last save's time.
  const firstItem = page.locator('[data-testid="scorecard-item"]').first();
  await expect(firstItem).toHaveAttribute('data-value', 'yes');
  const formUrl = page.url();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await firstItem.click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('audit-save')).toHaveAttribute('data-state', 'pending');
  await page.evaluate(() => (window.location.hash = '#/dashboard'));
  await expect(page).toHaveURL(/#\/dashboard$/);
  await page.goto(formUrl);
  await expect(firstItem).toHaveAttribute('data-value', 'no');
  await firstItem.click();
  await page.keyboard.press('y');
  await expect(firstItem).toHaveAttribute('data-value', 'yes');
  await expect(page.getByTestId('audit-save')).toHaveAttribute('data-state', 'saved');

  await page.getByTestId('audit-submit').click();
  await expect(page.getByTestId('audit-submitted')).toContainText('Lin Supervisor');
  expect(Number(await page.getByTestId('audit-score').getAttribute('data-score'))).toBeCloseTo(expected, 6);
  const db = openRaw(app.db);
  const stored = db.prepare("SELECT score, status FROM audits WHERE status = 'submitted'").all() as {
    score: number;
  }[];
  expect(stored).toHaveLength(1);
  expect(stored[0]!.score).toBeCloseTo(expected, 9);
  expect(db.prepare('SELECT count(*) AS n FROM audit_answers').get()).toEqual({ n: 15 });
  db.close();

  // The agent page shows the audit and the mean.
  await page.getByRole('link', { name: agentName }).first().click();
  await expect(page).toHaveURL(/#\/agents\/\d+$/);
  await chooseRange(page, FROM, TO);
  const audits = page.getByTestId('agent-audits');
  await expect(audits.getByTestId('agent-audit-row')).toHaveCount(1);
  expect(Number(await audits.getByTestId('agent-audit-row').getAttribute('data-score'))).toBeCloseTo(
    expected,
    6,
  );
  await expect(audits).toContainText('72.1%');
  await expect(page.getByTestId('kpi-auditScore')).toHaveAttribute('data-value', String(stored[0]!.score));
  await audits.scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-agent-page-en');

  // The dashboard's audit-score tile reads the same number.
  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, FROM, TO);
  await expect(page.getByTestId('kpi-auditScore')).toHaveAttribute('data-value', String(stored[0]!.score));
  await screenshot(page, 'audits-dashboard-tile-en');

  // The web host's door: the page's cookie opens it (Range too); without the cookie it stays shut.
  const origin = new URL(page.url()).origin;
  const tok = await token(page);
  const tone = fs.readFileSync(TONE);
  const ranged = await page.request.get(`${origin}${audioSrc}`, { headers: { Range: 'bytes=44-143' } });
  expect(ranged.status()).toBe(206);
  expect((await ranged.body()).equals(tone.subarray(44, 144))).toBe(true);
  expect((await page.request.get(`${origin}${audioSrc}`)).status()).toBe(200);
  for (const headers of [{}, { Range: 'bytes=44-143' }] as Record<string, string>[]) {
    const shut = await cookieless.get(`${origin}${audioSrc}`, { headers });
    expect(shut.status()).toBe(401);
  }
  expect((await cookieless.get(`${origin}${audioSrc}?token=${tok}`)).status()).toBe(401);
  // It refuses traversal: encoded ../ in the URL and a reference leading out.
  for (const urlPath of ['/recordings/..%2f..%2fworkspace.sqlite', '/recordings/%2e%2e%2fworkspace.sqlite']) {
    const res = await page.request.get(`${origin}${urlPath}`);
    expect(res.status(), urlPath).toBe(400);
  }
  const raw = openRaw(app.db);
  const escape = raw.prepare("SELECT id FROM calls WHERE recording_ref = '../workspace.sqlite'").get() as {
    id: number;
  };
  const missing = raw.prepare("SELECT id FROM calls WHERE recording_ref = '2026/missing.wav'").get() as {
    id: number;
  };
  raw.close();
  const refused = await page.request.get(`${origin}/recordings/${escape.id}`);
  expect(refused.status()).toBe(403);
  expect((await refused.body()).toString('latin1')).not.toContain('SQLite format');
  expect((await cookieless.get(`${origin}/recordings/${escape.id}`)).status()).toBe(401);

  // A missing file: the form says which path it looked for.
  const opened = await page.request.post(`${origin}/api/audits.open`, {
    headers: { Authorization: `Bearer ${tok}` },
    data: { callId: missing.id, versionId: 1, reviewer: 'Lin Supervisor' },
  });
  expect(opened.ok()).toBe(true);
  const { id: missingAudit } = (await opened.json()) as { id: number };
  await page.goto(`${origin}/#/audits/${missingAudit}`);
  await expect(page.getByTestId('player-problem')).toContainText(
    path.join(app.dir, 'recordings', '2026', 'missing.wav'),
  );

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${origin}/#/audits`);
  await expect(page.getByTestId('sample-row').first()).toBeVisible();
  await screenshot(page, 'audits-list-en-dark');
  // QA analytics over the dashboard's period (chosen above): one agent with one audit.
  await expect(page.getByTestId('qa-scores').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('qa-scores')).toContainText('72%');
  await expect(page.getByTestId('qa-items').locator('tbody tr')).toHaveCount(12);
  await page.getByTestId('audits-qa').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-qa-en-dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'audits-list-en-dark-1920');
});

test('zh-CN: the spot-check list and the audit form, light and dark, 1366 and 1920', async ({
  appPage: page,
  app,
}) => {
  writeCalls(app, [
    { code: '8001', name: '王芳' },
    { code: '8002', name: '李强' },
    { code: '8003', name: '陈静' },
  ]);
  await page.reload();
  await chooseLanguage(page, 'zh-CN', '#/audits');
  await expect(page.getByTestId('nav-audits')).toHaveText(/质检/);
  await page.getByTestId('audits-reviewer').fill('张组长');
  await buildSample(page, 3, 5);
  await expect(page.getByTestId('sample-row')).toHaveCount(9);
  await expect(page.getByTestId('audits-scorecards')).toContainText('外呼销售通话');
  await screenshot(page, 'audits-list-zh-CN');

  await page.getByTestId('sample-row').nth(1).getByTestId('sample-open').click();
  await expect(page.getByTestId('scorecard-item')).toHaveCount(15);
  await expect(page.getByTestId('audit-help')).toContainText('快捷键');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of ['y', 'y', 'y', '5', '4', '4', '3', '5']) await page.keyboard.press(key);
  await expect(page.getByTestId('audit-save')).toHaveAttribute('data-state', 'saved');
  await screenshot(page, 'audits-form-zh-CN');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'audits-form-zh-CN-dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'audits-form-zh-CN-dark-1920');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('audit-back').click();
  await expect(page.getByTestId('sample-row')).toHaveCount(9);
  await screenshot(page, 'audits-list-zh-CN-1920');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('recordings-folder-input')).toHaveValue(path.join(app.dir, 'recordings'));
  await page.getByTestId('recordings-folder').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-settings-zh-CN-1920');
});

test('calibration: two reviewers score one call blind, then see agreement and kappa', async ({
  appPage: page,
  app,
}) => {
  writeCalls(app, [
    { code: 'A001', name: 'Alice Wang' },
    { code: 'A002', name: 'Ben Li' },
  ]);
  await page.reload();
  await page.getByTestId('nav-audits').click();
  await page.getByTestId('audits-reviewer').fill('Ann');
  await buildSample(page, 1, 3);
  await expect(page.getByTestId('sample-row')).toHaveCount(2);
  /**
   * Answers every item by keyboard. `atOnce`: every key in one task, before the page can render
   * between two of them, as a quick reviewer's keys arrive on a busy machine (each must still
   * answer the next item, not the same one again).
   */
  const answerAll = async (keys: string[], { atOnce = false } = {}) => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    if (atOnce)
      await page.evaluate((all) => {
        for (const key of all) window.dispatchEvent(new KeyboardEvent('keydown', { key }));
      }, keys);
    else for (const key of keys) await page.keyboard.press(key);
    await expect(page.getByTestId('audit-submit')).toBeEnabled();
    await page.getByTestId('audit-submit').click();
    await expect(page.getByTestId('audit-submitted')).toBeVisible();
  };
  const ann = ['y', 'y', 'y', '4', '3', '5', '2', '4', '3', 'a', 'y', 'n', 'y', 'y', 'a'];
  const bo = ['y', 'n', 'y', '4', '4', '5', '2', '3', '3', 'a', 'y', 'y', 'y', 'y', 'a'];

  // A regular audit first; from it, a calibration of the same call.
  await page.getByTestId('sample-row').first().getByTestId('sample-open').click();
  await expect(page.getByTestId('audit-submit')).toBeVisible();
  await answerAll(ann, { atOnce: true });
  await page.getByRole('button', { name: 'Calibrate this call' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Calibration created' })).toBeVisible();

  // Ann scores it blind, then sees the report (alone: no kappa yet).
  await page.getByTestId('audit-back').click();
  await expect(page.getByTestId('calibration-row')).toHaveCount(1);
  await page.getByTestId('calibration-row').getByRole('button').click();
  await expect(page.getByTestId('calibration-blind')).toBeVisible();
  // The blind form says it is a calibration, not the call's audit.
  await expect(page.getByTestId('calibration-label')).toContainText('Calibration — blind scoring');
  await screenshot(page, 'audits-calibration-blind-en');
  await answerAll(ann);
  await expect(page.getByTestId('calibration-report')).toHaveAttribute('data-kappa', '');

  // Bo does not see Ann's answers until he submits his own.
  await page.getByTestId('audit-back').click();
  await page.getByTestId('audits-reviewer').fill('Bo');
  await page.getByTestId('calibration-row').getByRole('button', { name: 'Score blind' }).click();
  await expect(page.getByTestId('calibration-blind')).toBeVisible();
  await expect(page.getByTestId('calibration')).not.toContainText('Ann');
  await answerAll(bo);
  const report = page.getByTestId('calibration-report');
  await expect(report).toBeVisible();
  // Cohen's kappa over the 15 items, computed here from the keys pressed.
  const kappa = cohenKappa(ann, bo)!;
  expect(Number(await report.getAttribute('data-kappa'))).toBeCloseTo(kappa, 9);
  await expect(report).toContainText(`Cohen κ = ${kappa.toFixed(2)}`);
  await expect(report.locator('tr.is-disputed')).toHaveCount(ann.filter((k, i) => k !== bo[i]).length);
  // The original audit (Ann's regular one) stands beside the blind scorings as the reference: Ann's
  // blind answers match it, each of Bo's differences from it is marked.
  await expect(report.getByTestId('calibration-reference')).toContainText('Original audit (reference)');
  await expect(report.getByTestId('calibration-reference')).toContainText('Ann');
  await expect(report.getByTestId('calibration-reference-answer')).toHaveCount(15);
  await expect(report.locator('td.is-off-reference')).toHaveCount(ann.filter((k, i) => k !== bo[i]).length);
  await report.scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-calibration-en');
  await chooseLanguage(page, 'zh-CN', new URL(page.url()).hash);
  await expect(page.getByTestId('calibration-reference')).toContainText('原始质检（参考）');
  await expect(page.getByTestId('calibration-label')).toContainText('校准评分（盲评）');
  await page.getByTestId('calibration-report').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-calibration-zh-CN');
});
