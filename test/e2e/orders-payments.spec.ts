/**
 * A payments-only GBK export (回款明细) imported on the Import page after the order export: detected
 * as payments, each payment previewed with the order it attaches to, the payment for an order
 * never imported kept as a rejected row with its line, column and reason, and 回款 on the dashboard.
 * Numbers as worked out in test/unit/orders-payments.test.ts.
 */
import path from 'node:path';
import { expect, REPO, screenshot, test } from './fixtures';
import { chooseLanguage, chooseRange } from './raw-db';

const ORDERS = path.join(REPO, 'test/fixtures/orders/orders-zh-utf8.csv');
const PAYMENTS = path.join(REPO, 'test/fixtures/orders/payments-zh-gbk.csv');

test('a payments-only export attaches collections to stored orders and keeps unknown ones as rejected rows', async ({
  app,
  appPage: page,
}) => {
  app.cli(['import', ORDERS]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.reload();
  await chooseLanguage(page, 'zh-CN', '#/import');
  await page.getByTestId('import-file').setInputFiles(PAYMENTS);
  const preview = page.getByTestId('preview');
  await expect(preview).toHaveAttribute('data-state', 'ready');
  await expect(preview).toHaveAttribute('data-preset', 'zh-payments');
  await expect(page.getByTestId('order-preview-note')).toContainText('回款明细');
  const rows = page.getByTestId('order-preview-rows');
  await expect(rows.locator('tr[data-ok="true"]')).toHaveCount(3);
  await expect(rows.locator('tr[data-line="2"]')).toContainText('SO-1005');
  await expect(rows.locator('tr[data-line="4"]')).toHaveAttribute('data-ok', 'false');
  await expect(rows.locator('tr[data-line="4"]')).toContainText('订单编号');
  await expect(rows.locator('tr[data-line="4"]')).toContainText('SO-9999');
  await screenshot(page, 'orders-payments-preview-zh-CN');

  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-inserted', '2');
  await expect(result).toHaveAttribute('data-rejected', '2');
  const rejects = page.getByTestId('import-rejects');
  await expect(rejects).toContainText('SO-9999');
  await expect(rejects).toContainText('回款金额');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'orders-payments-result-zh-CN-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // February: the refund of SO-1004 took back 2,000 collected; these payments bring 300.
  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, '2026-02-01', '2026-02-28');
  await expect(page.getByTestId('order-kpi-collectionRate')).toContainText('已回款 -¥1,700');
});
