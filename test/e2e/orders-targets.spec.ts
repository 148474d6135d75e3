/**
 * Targets measured on orders where orders exist: with conversion from orders, the dashboard's
 * revenue tile and its "vs target" line read the same order revenue and say so; the score
 * breakdown names the source per KPI. The hand-built March 2026 of test/unit/orders-targets.test.ts.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, screenshot, test } from './fixtures';
import { chooseLanguage, chooseRange, openRaw } from './raw-db';

const FIXTURES = path.join(REPO, 'test/fixtures/orders');

/** Calls the workspace's API as the page does (targets are set for a month without history to suggest from). */
async function api(page: Page, method: string, input: unknown): Promise<void> {
  await page.evaluate(
    async ([m, body]) => {
      const token = sessionStorage.getItem('callscope.token') ?? '';
      const response = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${m}: ${response.status} ${await response.text()}`);
    },
    [method, input] as const,
  );
}

test('pace lines and the score breakdown measure revenue on orders and say so', async ({
  app,
  appPage: page,
}) => {
  app.cli(['import', path.join(FIXTURES, 'targets-calls.csv')]);
  app.cli(['import', path.join(FIXTURES, 'targets-orders.csv')]);
  const db = openRaw(app.db);
  const agentId = (code: string) =>
    db.prepare('SELECT id FROM agents WHERE code = ?').pluck().get(code) as number;
  const [a8001, a8002] = [agentId('8001'), agentId('8002')];
  db.close();
  await page.reload();
  await api(page, 'targets.setCalendar', { weekend: [6, 7], holidays: [], workdays: [] });
  await api(page, 'targets.set', {
    month: '2026-03',
    entries: [a8001, a8002].flatMap((id) => [
      { scope: 'agent', scopeId: id, kpi: 'revenue', value: 300000 },
      { scope: 'agent', scopeId: id, kpi: 'sales', value: 4 },
    ]),
  });

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-conversion-source').selectOption('orders');
  await expect(page.getByTestId('settings-orders')).toContainText('Saved');
  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, '2026-03-01', '2026-03-31');

  // The floor has orders: the tile and its pace line read the same 1,800 of net order revenue.
  const revenue = page.getByTestId('kpi-revenue');
  await expect(revenue).toHaveAttribute('data-source', 'orders');
  await expect(revenue).toHaveAttribute('data-value', '180000');
  const revenuePace = revenue.getByTestId('kpi-target');
  // 1,800 of the floor's 6,000 (its two agents' 3,000 each), the whole month elapsed
  await expect(revenuePace).toHaveAttribute('data-source', 'orders');
  await expect(revenuePace).toHaveAttribute('data-value', String(180000 / 600000));
  await expect(revenuePace).toContainText('from orders');
  await expect(page.getByTestId('kpi-sales').getByTestId('kpi-target')).toHaveAttribute(
    'data-source',
    'orders',
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'orders-targets-pace-en');

  // The score breakdown says each agent's source: 8001 on orders, 8002 (no orders) on calls.
  await page.getByTestId('nav-targets').click();
  await page.getByTestId('targets-month').fill('2026-03');
  await page.getByTestId('targets-tab-scoring').click();
  await expect(page.getByTestId('ranking-table').locator('tbody tr')).toHaveCount(2);
  const source = page.getByTestId('score-source-revenue');
  await expect(source).toHaveAttribute('data-source', /orders/);
  await expect(source).toHaveAttribute('data-source', /calls/);
  await expect(source).toContainText('from orders / call outcomes');
  const rowSource = (id: number) => page.locator(`tr[data-agent-id="${id}"]`).getByTestId('row-source');
  await expect(rowSource(a8001)).toHaveAttribute('data-source', 'orders');
  await expect(rowSource(a8002)).toHaveAttribute('data-source', 'calls');
  await expect(rowSource(a8002)).toHaveText('from call outcomes');
  await screenshot(page, 'orders-targets-scoring-en');

  await chooseLanguage(page, 'zh-CN', '#/');
  await chooseRange(page, '2026-03-01', '2026-03-31');
  await expect(page.getByTestId('kpi-revenue').getByTestId('kpi-target')).toContainText('来源：订单');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'orders-targets-pace-zh-CN-dark');
  await page.getByTestId('nav-targets').click();
  await page.getByTestId('targets-month').fill('2026-03');
  await page.getByTestId('targets-tab-scoring').click();
  await expect(page.getByTestId('ranking-table').getByTestId('row-source').first()).toContainText('来源');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'orders-targets-scoring-zh-CN-dark-1920');
});
