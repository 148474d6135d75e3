/**
 * The calls explorer on a generated workspace, checked against the SQLite file itself: the first
 * rows, the count, a second page scrolled into view (no gap, no duplicate), filters, sorting.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { chooseLanguage, chooseRange, dataRange, openRaw, type RawDb } from './raw-db';

const table = (page: Page) => page.getByTestId('calls-table');

/** The ids of the rows rendered now, in screen order. */
function renderedIds(page: Page): Promise<number[]> {
  return table(page)
    .locator('tbody tr[data-call-id]')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-call-id'))));
}

function rawIds(db: RawDb, where: string, params: unknown[], orderBy: string, limit: number): number[] {
  return (
    db.prepare(`SELECT id FROM calls WHERE ${where} ORDER BY ${orderBy} LIMIT ?`).all(...params, limit) as {
      id: number;
    }[]
  ).map((r) => r.id);
}

function rawCount(db: RawDb, where: string, params: unknown[]): number {
  return (db.prepare(`SELECT count(*) AS n FROM calls WHERE ${where}`).get(...params) as { n: number }).n;
}

/** Waits until the rendered rows (from the top) are SQL's first rows for this filter and order. */
async function expectRows(page: Page, db: RawDb, where: string, params: unknown[], orderBy: string) {
  const matches = async () => {
    const shown = await renderedIds(page);
    return { shown, expected: rawIds(db, where, params, orderBy, shown.length) };
  };
  await expect
    .poll(async () => {
      const { shown, expected } = await matches();
      return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(expected);
    }, `rows for ${where} by ${orderBy}`)
    .toBe(true);
  const { shown, expected } = await matches();
  expect(shown).toEqual(expected);
}

/**
 * Scrolls the table down step by step and collects every row it renders by its row index, until
 * `wanted` rows are known: what a user scrolling through would have seen, in order.
 */
async function scrollThrough(page: Page, wanted: number): Promise<number[]> {
  const seen = new Map<number, number>();
  const scroller = page.locator('.calls-table-scroll');
  for (let step = 0; step < 200 && seen.size < wanted; step++) {
    const rows = await table(page)
      .locator('tbody tr[data-call-id]')
      .evaluateAll((trs) =>
        trs.map((r) => [Number(r.getAttribute('aria-rowindex')), Number(r.getAttribute('data-call-id'))]),
      );
    for (const [index, id] of rows) {
      const before = seen.get(index!);
      expect(before === undefined || before === id, `row ${index} keeps its call`).toBe(true);
      seen.set(index!, id!);
    }
    const lastIndex = Math.max(...rows.map((r) => r[0]!));
    await scroller.evaluate((el) => el.scrollBy(0, 480));
    // Wait until the rows below what we saw are rendered (the next page may have to load first).
    await expect
      .poll(async () =>
        Math.max(
          ...(await table(page)
            .locator('tbody tr[data-call-id]')
            .evaluateAll((trs) => trs.map((r) => Number(r.getAttribute('aria-rowindex'))))),
        ),
      )
      .toBeGreaterThan(Math.min(lastIndex, wanted));
  }
  // Row index 1 is the header row.
  return Array.from({ length: wanted }, (_, i) => seen.get(i + 2) ?? -1);
}

/** How many rows are loaded once no page is loading and the count held still over two looks. */
async function settledLoadedCount(page: Page): Promise<number> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = `${await table(page).getAttribute('data-loaded')}|${await table(page).getAttribute('data-loading')}`;
        const settled = now === last && now.endsWith('|false');
        last = now;
        return settled;
      },
      { message: 'the loaded pages settle', intervals: [250] },
    )
    .toBe(true);
  return Number(last.split('|')[0]);
}

test('the explorer lists the stored calls newest first, pages on scroll, filters and sorts like SQL', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '12', '--days', '40', '--seed', '3']);
  const db = openRaw(app.db);
  const { from, to } = dataRange(db);
  await page.reload();
  await page.getByTestId('nav-calls').click();
  await expect(page).toHaveURL(/#\/calls$/);
  await chooseRange(page, from, to);

  // First page: the newest calls of the range, same ids, same order; the count as SQL counts.
  const inRange = 'day BETWEEN ? AND ?';
  const newestFirst = 'day DESC, started_at DESC, id DESC';
  const total = rawCount(db, inRange, [from, to]);
  expect(total).toBeGreaterThan(300);
  await expect(page.getByTestId('calls-count')).toHaveAttribute('data-count', String(total));
  await expect(page.getByTestId('calls-count')).toHaveText(`${total.toLocaleString('en')} calls`);
  await expect(table(page)).toHaveAttribute('data-loaded', '100');
  const first = await renderedIds(page);
  expect(first.length).toBeGreaterThan(10);
  expect(first.length, 'only the rows in view are rendered').toBeLessThan(60);
  expect(first).toEqual(rawIds(db, inRange, [from, to], newestFirst, first.length));

  // Phones are masked as the server sends them: four bullets and the last four digits.
  const phones = await table(page).locator('td.calls-cell--phone').allInnerTexts();
  expect(phones.length).toBeGreaterThan(0);
  for (const phone of phones) expect(phone).toMatch(/^(•••• \d{4}|—)$/);
  expect(phones.some((p) => p.startsWith('••••'))).toBe(true);
  await screenshot(page, 'calls-explorer-en');

  // Scrolling on loads the next pages: rows 1..250 are exactly the first 250 of SQL's order.
  const scrolled = await scrollThrough(page, 250);
  expect(Number(await table(page).getAttribute('data-loaded'))).toBeGreaterThanOrEqual(300);
  expect(new Set(scrolled).size, 'no duplicates').toBe(250);
  expect(scrolled).toEqual(rawIds(db, inRange, [from, to], newestFirst, 250));
  // Still only a window of rows in the DOM.
  expect((await renderedIds(page)).length).toBeLessThan(60);
  // Coming back to the window re-reads the workspace; unchanged data keeps the pages scrolled through.
  // The scroll may still be fetching a page ahead, so the count is read once nothing is loading.
  const loaded = await settledLoadedCount(page);
  const reread = page.waitForResponse((r) => r.url().includes('/api/agents.list'));
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await reread;
  await page.waitForTimeout(300);
  expect(Number(await table(page).getAttribute('data-loaded')), 'no page was dropped').toBeGreaterThanOrEqual(
    loaded,
  );
  expect(await settledLoadedCount(page)).toBe(loaded);
  expect(await page.locator('.calls-table-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(5000);

  // Call result "connected" and talk time 1:00 to 300 s: the count and rows follow SQL.
  await page.getByTestId('calls-disposition-connected').click();
  await expect(page.getByTestId('calls-disposition-connected')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('calls-talk-min').fill('1:00');
  await page.getByTestId('calls-talk-min').press('Enter');
  await page.getByTestId('calls-talk-max').fill('300');
  await page.getByTestId('calls-talk-max').press('Enter');
  await expect(page.getByTestId('calls-talk-max')).toHaveValue('5:00');
  const narrowed = `${inRange} AND disposition = 'connected' AND talk_seconds BETWEEN 60 AND 300`;
  const narrowedCount = rawCount(db, narrowed, [from, to]);
  expect(narrowedCount).toBeGreaterThan(0);
  expect(narrowedCount).toBeLessThan(total);
  await expect(page.getByTestId('calls-count')).toHaveAttribute('data-count', String(narrowedCount));
  await expectRows(page, db, narrowed, [from, to], newestFirst);
  const talks = await table(page).locator('td.calls-cell--talk').allInnerTexts();
  for (const talk of talks) {
    const [m, s] = talk.split(':').map(Number);
    expect(m! * 60 + s!).toBeGreaterThanOrEqual(60);
    expect(m! * 60 + s!).toBeLessThanOrEqual(300);
  }

  // Sorting by talk time, longest first (ties by id, as the server pages them).
  await page.getByTestId('calls-sort-talkSeconds').click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Talk');
  await expectRows(page, db, narrowed, [from, to], 'talk_seconds DESC, started_at DESC, id DESC');

  // Quick clicks: busy on, off, voicemail on. Only the last query's rows and count stay.
  await page.getByTestId('calls-disposition-busy').click();
  await page.getByTestId('calls-disposition-busy').click();
  await page.getByTestId('calls-disposition-voicemail').click();
  const mixed = `${inRange} AND disposition IN ('connected', 'voicemail') AND talk_seconds BETWEEN 60 AND 300`;
  await expect(page.getByTestId('calls-count')).toHaveAttribute(
    'data-count',
    String(rawCount(db, mixed, [from, to])),
  );
  await expectRows(page, db, mixed, [from, to], 'talk_seconds DESC, started_at DESC, id DESC');

  // Nothing matches: an empty state that clears the filters.
  await page.getByTestId('calls-talk-min').fill('3600');
  await page.getByTestId('calls-talk-min').press('Enter');
  await expect(page.getByTestId('calls-empty')).toBeVisible();
  await expect(page.getByTestId('calls-empty-reversed')).toContainText('1:00:00');
  await expect(page.getByTestId('calls-count')).toHaveAttribute('data-count', '0');
  await screenshot(page, 'calls-explorer-empty-en');
  await page.getByTestId('calls-empty-clear').click();
  await expect(page.getByTestId('calls-count')).toHaveAttribute('data-count', String(total));
  await expectRows(page, db, inRange, [from, to], 'talk_seconds DESC, started_at DESC, id DESC');

  // An agent's code links to their page.
  const firstAgent = table(page).getByTestId('call-agent-link').first();
  const code = await firstAgent.locator('.agent-code').innerText();
  await firstAgent.click();
  await expect(page).toHaveURL(/#\/agents\/\d+$/);
  await expect(page.getByTestId('agent-code')).toHaveText(code);
  db.close();
});

test('the explorer reads in Chinese, in the dark, and on a large screen', async ({ appPage: page, app }) => {
  app.cli(['demo', '--agents', '12', '--days', '40', '--seed', '5', '--lang', 'zh-CN']);
  const db = openRaw(app.db);
  const { from, to } = dataRange(db);
  await page.reload();
  await chooseLanguage(page, 'zh-CN', '#/calls');
  await expect(page.getByTestId('nav-calls')).toHaveText(/通话明细/);
  await chooseRange(page, from, to);
  await page.getByTestId('calls-outcome-sale').click();
  const sales = rawCount(db, "day BETWEEN ? AND ? AND outcome = 'sale'", [from, to]);
  await expect(page.getByTestId('calls-count')).toHaveAttribute('data-count', String(sales));
  await expect(page.getByTestId('calls-count')).toContainText('通');
  await expect(table(page).locator('thead')).toContainText('通话时长');
  await expect(table(page).locator('td.calls-cell--outcome').first()).toHaveText('成交');
  await screenshot(page, 'calls-explorer-zh-CN');

  // Keyboard: the list takes focus and scrolls with Page Down; a header sorts with Enter.
  const region = page.getByRole('region', { name: '通话列表' });
  await region.focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  await expect
    .poll(() => table(page).locator('tbody tr[data-call-id]').first().getAttribute('aria-rowindex'))
    .not.toBe('2');
  await page.getByTestId('calls-sort-saleAmount').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('calls-sort-saleAmount').locator('..')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const biggest = db
    .prepare(
      "SELECT id FROM calls WHERE day BETWEEN ? AND ? AND outcome = 'sale' ORDER BY sale_amount DESC, started_at DESC, id DESC LIMIT 1",
    )
    .get(from, to) as { id: number };
  await expect(table(page).locator('tbody tr[data-call-id]').first()).toHaveAttribute(
    'data-call-id',
    String(biggest.id),
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'calls-explorer-zh-CN-dark');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('calls-outcome-sale').click();
  await expect(page.getByTestId('calls-count')).toHaveAttribute(
    'data-count',
    String(rawCount(db, 'day BETWEEN ? AND ?', [from, to])),
  );
  await screenshot(page, 'calls-explorer-zh-CN-dark-1920');
  await page.emulateMedia({ colorScheme: 'light' });
  await chooseLanguage(page, 'en', '#/calls');
  await screenshot(page, 'calls-explorer-en-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'calls-explorer-en-dark');
  db.close();
});
