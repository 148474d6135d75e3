/**
 * An order export whose header no layout knows, mapped by hand on the Import page: the order layout
 * picked from the layout list, each order field given its column (the preview re-read through the
 * order pipeline after each choice), the right revenue on the dashboard, and the mapping remembered
 * for the next file with the same header.
 */
import path from 'node:path';
import { chooseImportFile, expect, REPO, saveTimeZone, screenshot, test } from './fixtures';
import { chooseRange } from './raw-db';

const FILE = path.join(REPO, 'test/fixtures/orders/orders-unknown-header.csv');

test('an order export with an unknown header is mapped in the UI and shows the right revenue', async ({
  appPage: page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await saveTimeZone(page, 'Asia/Shanghai');

  await chooseImportFile(page, FILE);
  // Not recognised as orders: the order layouts are offered in the layout list.
  await expect(page.getByTestId('preview')).not.toHaveAttribute('data-preset', 'en-orders');
  await page.getByTestId('preview-layout').selectOption('en-orders');
  const preview = page.getByTestId('preview');
  await expect(preview).toHaveAttribute('data-preset', 'en-orders');
  await expect(preview).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('preview-missing')).toBeVisible();
  await expect(page.getByTestId('import-start')).toBeDisabled();

  // Ref, Seller, Booked, Value, Received, Received on, Tel
  const mapping: [string, string][] = [
    ['orderId', '0'],
    ['agentCode', '1'],
    ['orderedAt', '2'],
    ['amount', '3'],
    ['collected', '4'],
    ['collectedAt', '5'],
    ['phone', '6'],
  ];
  for (const [field, column] of mapping) {
    await page.getByTestId(`order-map-${field}`).selectOption(column);
    await expect(preview).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId(`order-map-${field}`)).toHaveValue(column);
  }
  const rows = page.getByTestId('order-preview-rows');
  await expect(rows.locator('tr[data-ok="true"]')).toHaveCount(3);
  await expect(rows.locator('tr[data-line="2"]')).toContainText('INV-9001');
  await expect(rows.locator('tr[data-line="2"]')).toContainText('1,500');
  await expect(rows).toContainText('…2222');
  await expect(page.getByTestId('preview-missing')).toHaveCount(0);
  await screenshot(page, 'orders-mapping-preview-en');

  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-inserted', '3');

  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, '2026-01-01', '2026-01-31');
  await expect(page.getByTestId('order-kpi-orderRevenue')).toHaveAttribute('data-value', '350000');
  await expect(page.getByTestId('order-kpi-orderRevenue')).toContainText('3,500');
  await expect(page.getByTestId('order-kpi-collectionRate')).toHaveAttribute(
    'data-value',
    String(180000 / 350000),
  );

  // The next file with this header is read as orders with the saved mapping.
  await chooseImportFile(page, FILE);
  await expect(preview).toHaveAttribute('data-preset', 'en-orders');
  await expect(page.getByTestId('preview-profile')).toBeVisible();
  await expect(page.getByTestId('order-map-amount')).toHaveValue('3');
  await expect(page.getByTestId('order-preview-rows').locator('tr[data-ok="true"]')).toHaveCount(3);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'orders-mapping-profile-en-dark');
});
