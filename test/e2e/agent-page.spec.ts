/**
 * The agent page on a generated workspace: its KPIs against `cli metrics --by agent`, its talk-time
 * bands, call results and outcomes against the SQLite file, and its calls table.
 */
import type { Page } from '@playwright/test';
import { expect, expectTilesShow, screenshot, test } from './fixtures';
import { chooseLanguage, chooseRange, dataRange, openRaw, type RawDb } from './raw-db';

const BAND_BOUNDS = [10, 30, 60, 120, 300, 600];

interface Agent {
  id: number;
  code: string;
  name: string | null;
}

/** The agent with the most calls in the range (a page full of numbers to check). */
function busiestAgent(db: RawDb, from: string, to: string): Agent {
  return db
    .prepare(
      `SELECT a.id, a.code, a.name FROM calls c JOIN agents a ON a.id = c.agent_id
       WHERE c.day BETWEEN ? AND ? GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT 1`,
    )
    .get(from, to) as Agent;
}

async function expectNumbersMatchStore(page: Page, db: RawDb, agent: Agent, from: string, to: string) {
  const outbound = 'agent_id = ? AND day BETWEEN ? AND ? AND direction = ?';
  const args = [agent.id, from, to, 'outbound'];

  // Talk-time bands: connects (connected, talk > 0) of outbound calls per band.
  const bandSql = `CASE ${BAND_BOUNDS.map((b, i) => `WHEN talk_seconds < ${b} THEN ${i}`).join(' ')} ELSE ${BAND_BOUNDS.length} END`;
  const bands = new Array<number>(BAND_BOUNDS.length + 1).fill(0);
  for (const r of db
    .prepare(
      `SELECT ${bandSql} AS band, count(*) AS n FROM calls
       WHERE ${outbound} AND disposition = 'connected' AND talk_seconds > 0 GROUP BY band`,
    )
    .all(...args) as { band: number; n: number }[])
    bands[r.band] = r.n;
  expect(bands.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // Polled, as everything below: after a new range the page shows the last range's answer until
  // this one's arrives.
  await expect
    .poll(() =>
      page
        .getByTestId('agent-talk-table')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-value')))),
    )
    .toEqual(bands);

  // Call results and outcomes of outbound calls.
  for (const [column, testId] of [
    ['disposition', 'agent-dispositions'],
    ['outcome', 'agent-outcomes'],
  ] as const) {
    const expected = Object.fromEntries(
      (
        db
          .prepare(`SELECT ${column} AS k, count(*) AS n FROM calls WHERE ${outbound} GROUP BY ${column}`)
          .all(...args) as { k: string; n: number }[]
      ).map((r) => [r.k, r.n]),
    );
    const shown = async () =>
      Object.fromEntries(
        (
          await page
            .getByTestId(testId)
            .locator('tbody tr')
            .evaluateAll((rows) =>
              rows.map((r) => [r.getAttribute('data-key'), Number(r.getAttribute('data-value'))]),
            )
        ).filter(([, n]) => n !== 0),
      );
    await expect.poll(shown).toEqual(expected);
  }

  // The calls table: only this agent's calls, newest first.
  const table = page.getByTestId('agent-calls').getByTestId('calls-table');
  await expect(table).toHaveAttribute('data-loaded', /^[1-9]\d*$/);
  const newest = db.prepare(
    `SELECT id FROM calls WHERE agent_id = ? AND day BETWEEN ? AND ?
     ORDER BY day DESC, started_at DESC, id DESC LIMIT ?`,
  );
  // The rows shown, and the stored calls' first as many: the same once this range's page is in.
  const shownAndStored = async () => {
    const ids = await table
      .locator('tbody tr[data-call-id]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-call-id'))));
    const raw = (newest.all(agent.id, from, to, ids.length) as { id: number }[]).map((r) => r.id);
    return { enough: ids.length > 5, same: ids.join() === raw.join() };
  };
  await expect.poll(shownAndStored).toEqual({ enough: true, same: true });
}

test('the agent page shows the same numbers as `cli metrics --by agent` and the stored calls', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '12', '--days', '40', '--seed', '9']);
  const db = openRaw(app.db);
  const { from, to } = dataRange(db);
  const agent = busiestAgent(db, from, to);
  await page.reload();
  await chooseRange(page, from, to);
  // Narrow the dashboard to another team first: the agent page is about the agent regardless.
  await page.getByTestId('filter-team').selectOption({ index: 1 });

  // Click through from the explorer, as a team lead would from a call.
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('filter-team').selectOption('');
  await page.getByTestId('filter-agent').selectOption(String(agent.id));
  const link = page.getByTestId('calls-table').getByTestId('call-agent-link').first();
  await expect(link).toContainText(agent.code);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/agents/${agent.id}$`));
  await expect(page.getByTestId('agent-code')).toHaveText(agent.code);
  if (agent.name) await expect(page.getByTestId('agent-name')).toHaveText(agent.name);
  await expect(page.getByTestId('agent-active')).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('filter-agent')).toBeHidden();

  const expected = (
    JSON.parse(app.cli(['metrics', '--from', from, '--to', to, '--by', 'agent', '--json'])).rows as {
      key: string;
      [k: string]: number | string | null;
    }[]
  ).find((r) => r.key === agent.code)!;
  expect(expected).toBeDefined();
  await expectTilesShow(page, expected);
  await expectNumbersMatchStore(page, db, agent, from, to);
  await expect(page.getByTestId('agent-talk-explain')).toContainText('30 s');
  await screenshot(page, 'agent-page-en');
  await page.getByTestId('agent-calls').scrollIntoViewIfNeeded();
  await screenshot(page, 'agent-page-en-calls');

  // Sorting the agent's calls by amount puts the biggest sale first.
  await page.getByTestId('agent-calls').getByTestId('calls-sort-saleAmount').click();
  const biggest = db
    .prepare(
      `SELECT id FROM calls WHERE agent_id = ? AND day BETWEEN ? AND ? ORDER BY sale_amount DESC, id DESC LIMIT 1`,
    )
    .get(agent.id, from, to) as { id: number };
  await expect(page.getByTestId('agent-calls').locator('tbody tr[data-call-id]').first()).toHaveAttribute(
    'data-call-id',
    String(biggest.id),
  );

  await page.getByTestId('agent-calls').getByTestId('calls-sort-startedAt').click();

  // A shorter range: the numbers follow.
  const weekFrom = db.prepare('SELECT date(?, ?) AS d').get(to, '-6 days') as { d: string };
  await chooseRange(page, weekFrom.d, to);
  await expectNumbersMatchStore(page, db, agent, weekFrom.d, to);

  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'agent-page-en-dark');

  // Back to the dashboard.
  await page.getByTestId('agent-back').click();
  await expect(page).toHaveURL(/#\/dashboard$/);
  db.close();
});

test('an unknown agent id says so and links back', async ({ appPage: page, app }) => {
  app.cli(['demo', '--agents', '3', '--days', '5']);
  await page.reload();
  await page.evaluate(() => (window.location.hash = '#/agents/999'));
  await expect(page.getByTestId('agent-not-found')).toBeVisible();
  await page.getByTestId('agent-not-found').getByRole('link').click();
  await expect(page).toHaveURL(/#\/dashboard$/);
});

test('the agent page reads in Chinese, in the dark, and on a large screen', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '12', '--days', '40', '--seed', '5', '--lang', 'zh-CN']);
  const db = openRaw(app.db);
  const { from, to } = dataRange(db);
  const agent = busiestAgent(db, from, to);
  await page.reload();
  await chooseLanguage(page, 'zh-CN', `#/agents/${agent.id}`);
  await chooseRange(page, from, to);
  await expect(page.getByTestId('agent-code')).toHaveText(agent.code);
  await expect(page.getByTestId('agent-talk')).toContainText('接通通话的通话时长分布');
  await expect(page.getByTestId('kpi-dials')).toContainText('外呼量');
  await expectNumbersMatchStore(page, db, agent, from, to);
  await screenshot(page, 'agent-page-zh-CN');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'agent-page-zh-CN-dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'agent-page-zh-CN-dark-1920');
  await page.emulateMedia({ colorScheme: 'light' });
  await chooseLanguage(page, 'en', `#/agents/${agent.id}`);
  await expect(page.getByTestId('agent-talk')).toContainText('Talk time of connects');
  await screenshot(page, 'agent-page-en-1920');
  db.close();
});
