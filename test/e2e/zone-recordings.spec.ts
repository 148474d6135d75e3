/**
 * The workspace time zone and the recordings folder, end to end in browser mode:
 * - a new workspace asks for its zone; changing it later moves a stored call to its day and time
 *   in the new zone, in the calls list and on the dashboard, and the rollups stay equal to a
 *   recomputation from the calls (plain SQL on the file);
 * - Settings points at a recordings folder (created at first use), a call's recording is found by
 *   the dialer's file-name pattern and plays; a call without one cannot be played, and says why.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { importCsv } from './call-files';
import { expect, screenshot, test, tileValue, type App } from './fixtures';
import { chooseLanguage, chooseRange, openRaw } from './raw-db';

const HEADER =
  'call_id,agent_code,agent_name,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount';
// Wall-clock times in the workspace's zone at import (UTC here).
const CALLS = [
  HEADER,
  'Z1,8001,Wang Wei,2026-12-04 17:59:50,13812345678,outbound,connected,5,95,sale,199',
  'Z2,8001,Wang Wei,2026-12-04 09:00:00,13812340001,outbound,connected,5,40,intent,',
  'Z3,8002,Li Na,2026-12-04 15:30:00,13812340002,outbound,no_answer,20,0,,',
  'Z4,8002,Li Na,2026-12-04 16:10:00,13812340003,outbound,connected,3,12,,',
  'Z5,8002,Li Na,2026-12-05 02:00:00,13812340004,outbound,connected,3,300,,',
];

async function token(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('callscope.token') ?? '');
}

async function api<T>(page: Page, method: string, data: unknown = {}): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`${origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${await token(page)}` },
    data,
  });
  expect(response.ok(), `${method}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

function callId(app: App, sourceId: string): number {
  const raw = openRaw(app.db);
  try {
    return raw.prepare('SELECT id FROM calls WHERE source_key LIKE ?').pluck().get(`%:${sourceId}`) as number;
  } finally {
    raw.close();
  }
}

/** Rollups against a recomputation from the calls, read from the file itself. */
function rollupsMatchCalls(app: App): { stored: unknown[]; recomputed: unknown[] } {
  const raw = openRaw(app.db);
  try {
    return {
      stored: raw
        .prepare(
          'SELECT day, agent_id, SUM(dials) AS dials, SUM(sales) AS sales, SUM(revenue) AS revenue FROM daily_agent_stats GROUP BY 1, 2 ORDER BY 1, 2',
        )
        .all(),
      recomputed: raw
        .prepare(
          "SELECT day, agent_id, COUNT(*) AS dials, SUM(is_sale) AS sales, SUM(CASE WHEN is_sale THEN sale_amount ELSE 0 END) AS revenue FROM calls WHERE direction = 'outbound' GROUP BY 1, 2 ORDER BY 1, 2",
        )
        .all(),
    };
  } finally {
    raw.close();
  }
}

async function showCalls(page: Page, day: string) {
  await page.evaluate(() => (window.location.hash = '#/calls'));
  await chooseRange(page, day, day);
}

async function dialsOn(page: Page, day: string): Promise<number | null> {
  await page.evaluate(() => (window.location.hash = '#/dashboard'));
  await chooseRange(page, day, day);
  // The tile carries its test id only once it shows the answer for this range (KpiTile: stale).
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /.*/);
  return tileValue(page, 'dials');
}

test('a new workspace asks for its zone; changing it moves a stored call to its new local day and time', async ({
  appPage: page,
  app,
}) => {
  // The first screen asks for the zone, proposing the system's; searching finds it by offset or city.
  await expect(page.getByTestId('first-use-zone')).toBeVisible();
  await page.getByTestId('zone-search').fill('+8');
  await expect(
    page.getByTestId('first-use-zone-list').locator('option', { hasText: 'Shanghai' }),
  ).toHaveCount(1);
  await screenshot(page, 'zone-first-use-en');
  await page.getByTestId('zone-search').fill('utc');
  await page.getByTestId('first-use-zone-list').selectOption('UTC');
  await page.getByTestId('zone-search').fill('');

  importCsv(app, 'calls.csv', CALLS, '--preset', 'callscope');
  await page.reload();
  const z1 = callId(app, 'Z1');

  // Before: 17:59:50 on 12-04 in UTC.
  await showCalls(page, '2026-12-04');
  const row = page.locator(`tr[data-call-id="${z1}"]`);
  await expect(row).toContainText('2026-12-04');
  await expect(row).toContainText('17:59:50');
  expect(await dialsOn(page, '2026-12-04')).toBe(4);
  expect(await dialsOn(page, '2026-12-05')).toBe(1);

  // Settings: find Shanghai by its Chinese name, and confirm what moves.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('zone-search').fill('北京');
  await expect(page.getByTestId('settings-timezone')).toHaveValue('Asia/Shanghai');
  await page.getByTestId('zone-search').fill('shanghai');
  await expect(page.getByTestId('settings-timezone')).toHaveValue('Asia/Shanghai');
  await screenshot(page, 'zone-settings-search-en');
  await page.getByTestId('settings-save').click();
  // By hand: Z1 17:59 -> 01:59 (12-05), Z4 16:10 -> 00:10 (12-05); Z2 -> 17:00, Z3 -> 23:30 stay,
  // Z5 02:00 on 12-05 -> 10:00 stays.
  await expect(page.getByTestId('zone-moves')).toHaveAttribute('data-calls', '2');
  await expect(page.getByTestId('zone-moves')).toContainText('2 calls will move to another day');
  await screenshot(page, 'zone-confirm-en');
  await page.getByTestId('zone-confirm-ok').click();
  await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');

  // After: the same call at 01:59:50 on 12-05, in the list and in the dashboard's days.
  await showCalls(page, '2026-12-05');
  await expect(page.locator(`tr[data-call-id="${z1}"]`)).toContainText('2026-12-05');
  await expect(page.locator(`tr[data-call-id="${z1}"]`)).toContainText('01:59:50');
  await screenshot(page, 'zone-calls-after-en');
  expect(await dialsOn(page, '2026-12-04')).toBe(2);
  expect(await dialsOn(page, '2026-12-05')).toBe(3);
  const { stored, recomputed } = rollupsMatchCalls(app);
  expect(stored).toEqual(recomputed);

  // The same screens in Chinese: the picker labels, the confirmation of a change back.
  await chooseLanguage(page, 'zh-CN', '#/settings');
  await page.getByTestId('zone-search').fill('东京');
  await expect(page.getByTestId('settings-timezone')).toHaveValue('Asia/Tokyo');
  await expect(page.getByTestId('settings-timezone').locator('option:checked')).toContainText('东京 / Tokyo');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('zone-moves')).toContainText('通电话将归到另一天');
  await screenshot(page, 'zone-confirm-zh-CN');
  await page.getByTestId('zone-confirm-cancel').click();
  await page.getByTestId('zone-search').fill('+8');
  await screenshot(page, 'zone-settings-search-zh-CN');
});

test('a new workspace in Chinese asks for its zone', async ({ appPage: page }) => {
  await chooseLanguage(page, 'zh-CN', '#/dashboard');
  await expect(page.getByTestId('first-use-zone')).toBeVisible();
  await page.getByTestId('zone-search').fill('上海');
  await expect(page.getByTestId('first-use-zone-list')).toHaveValue('Asia/Shanghai');
  await screenshot(page, 'zone-first-use-zh-CN');
});

/** A small real WAV: `seconds` of a 440 Hz tone, 8 kHz mono 8-bit PCM. */
function toneWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++)
    wav[44 + i] = Math.round(128 + 50 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return wav;
}

test('Settings points at a recordings folder; a call’s recording found by its file name plays', async ({
  appPage: page,
  app,
}) => {
  // Dialer naming: date-time-agent-number.wav, no reference in the call log.
  importCsv(
    app,
    'calls.csv',
    [
      HEADER,
      'R1,1001,Zhang Min,2026-12-04 09:15:02,13812345678,outbound,connected,4,61,intent,',
      'R2,1001,Zhang Min,2026-12-04 09:40:00,13812340000,outbound,connected,4,45,,',
    ],
    '--preset',
    'callscope',
  );
  await page.reload();
  const r1 = callId(app, 'R1');
  const r2 = callId(app, 'R2');

  // Point Settings at the dialer's archive; it does not exist yet: create it there.
  const archive = path.join(app.dir, 'dialer-archive');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('recordings-folder-input').fill(archive);
  await page.getByTestId('recordings-folder-save').click();
  await expect(page.getByTestId('recordings-folder-missing')).toBeVisible();
  await page.getByTestId('recordings-folder').scrollIntoViewIfNeeded();
  await screenshot(page, 'recordings-settings-missing-en');
  await page.getByTestId('recordings-folder-create').click();
  await expect(page.getByTestId('recordings-folder-missing')).toHaveCount(0);
  expect(fs.statSync(archive).isDirectory()).toBe(true);
  fs.writeFileSync(path.join(archive, '20261204-091502-1001-13812345678.wav'), toneWav(2));
  await expect(page.getByTestId('recordings-patterns')).toHaveValue(
    /\{date:YYYYMMDD\}-\{time:HHmmss\}-\{agent\}/,
  );
  await page.getByTestId('recordings-index-build').click();
  await expect(page.getByTestId('recordings-index-status')).toContainText('Files indexed: 1');
  await page.getByTestId('recordings-folder').scrollIntoViewIfNeeded();
  await screenshot(page, 'recordings-settings-en');

  // The calls list marks the call that has its file, and only it.
  await showCalls(page, '2026-12-04');
  await expect(page.locator(`tr[data-call-id="${r1}"]`).getByTestId('recording-mark')).toHaveAttribute(
    'data-has',
    'true',
  );
  await expect(page.locator(`tr[data-call-id="${r2}"]`).getByTestId('recording-mark')).toHaveCount(0);
  await screenshot(page, 'recordings-calls-en');

  // The audit form plays it.
  const versions = await api<{ versionId: number }[]>(page, 'scorecards.list', { language: 'en' });
  const open = (callIdValue: number) =>
    api<{ id: number }>(page, 'audits.open', {
      callId: callIdValue,
      versionId: versions[0]!.versionId,
      reviewer: 'QA Lin',
    });
  const withFile = await open(r1);
  await page.evaluate((id) => (window.location.hash = `#/audits/${id}`), withFile.id);
  await expect(page.getByTestId('player')).toHaveAttribute('data-found', 'true');
  await expect(page.getByTestId('player-clock')).toHaveText('0:00 / 0:02');
  await page.getByTestId('player-play').click();
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
  await expect
    .poll(async () => Number(await page.getByTestId('player').getAttribute('data-time')))
    .toBeGreaterThan(0.3);
  await page.getByTestId('player-play').click();
  await screenshot(page, 'recordings-player-en');

  // Nothing to play: Play is disabled and the reason is in the UI's language.
  const without = await open(r2);
  await chooseLanguage(page, 'zh-CN', `#/audits/${without.id}`);
  await expect(page.getByTestId('player')).toHaveAttribute('data-found', 'false');
  await expect(page.getByTestId('player-play')).toBeDisabled();
  await expect(page.getByTestId('player-problem')).toContainText('录音文件夹中没有该通话的录音');
  await screenshot(page, 'recordings-player-none-zh-CN');
  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.getByTestId('recordings-folder').scrollIntoViewIfNeeded();
  await screenshot(page, 'recordings-settings-zh-CN');
  await showCalls(page, '2026-12-04');
  await expect(page.locator(`tr[data-call-id="${r1}"]`).getByTestId('recording-mark')).toHaveAttribute(
    'data-has',
    'true',
  );
  await screenshot(page, 'recordings-calls-zh-CN');
});
