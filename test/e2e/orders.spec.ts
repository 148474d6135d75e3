/**
 * Orders through the UI: a call log and a GBK order export imported on the Import page (the order
 * file detected by its columns and previewed as orders), then order revenue and 回款率 on the
 * dashboard, with the source of each number in its popover; a period without orders says it fell
 * back to call outcomes. Numbers are the hand-worked ones of test/unit/orders-attribution.test.ts.
 */
import path from 'node:path';
import { chooseImportFile, expect, REPO, saveTimeZone, screenshot, test } from './fixtures';
import { chooseLanguage, chooseRange } from './raw-db';

const CALLS = path.join(REPO, 'test/fixtures/orders/calls-before-orders.csv');
const ORDERS_GBK = path.join(REPO, 'test/fixtures/orders/orders-zh-gbk.csv');

test('calls and a GBK order export imported through the UI show order revenue and 回款率 on the dashboard', async ({
  appPage: page,
}) => {
  await saveTimeZone(page, 'Asia/Shanghai');

  await chooseImportFile(page, CALLS);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-inserted', '5');

  await chooseImportFile(page, ORDERS_GBK);
  await expect(page.getByTestId('preview')).toHaveAttribute('data-preset', 'zh-orders');
  const rows = page.getByTestId('order-preview-rows');
  await expect(rows.locator('tr[data-ok="true"]')).toHaveCount(8);
  await expect(rows.locator('tr[data-line="10"]')).toContainText('订单金额');
  await expect(rows).toContainText('SO-1004');
  await expect(rows).not.toContainText('13800001111');
  await screenshot(page, 'orders-import-preview-en');
  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-inserted', '8');
  await expect(result).toHaveAttribute('data-rejected', '1');
  await expect(page.getByTestId('import-rejects')).toContainText('一千元');

  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, '2026-01-01', '2026-01-31');
  await expect(page.getByTestId('order-kpi-orderRevenue')).toHaveAttribute('data-value', '580000');
  await expect(page.getByTestId('order-kpi-orderRevenue')).toContainText('5,800');
  const rate = page.getByTestId('order-kpi-collectionRate');
  await expect(rate).toHaveAttribute('data-value', String(550000 / 580000));
  await expect(rate).toContainText('94.8%');
  await expect(page.getByTestId('order-kpi-newCustomers')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('order-kpi-orderAov')).toHaveAttribute('data-value', String(580000 / 6));
  await expect(page.getByTestId('order-kpi-conversion')).toHaveAttribute('data-source', 'calls');
  await expect(page.getByTestId('kpi-revenue')).not.toHaveAttribute('data-source', 'orders');
  await page.getByTestId('order-kpi-orderRevenue-info').click();
  await expect(page.getByRole('dialog').or(page.locator('.info__popover')).first()).toContainText(
    'Source: imported orders',
  );
  await screenshot(page, 'orders-dashboard-en');
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'orders-dashboard-en-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Conversion from orders, as the workspace setting says; the popover names the source.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-conversion-source').selectOption('orders');
  await expect(page.getByTestId('settings-orders')).toContainText('Saved');
  await page.getByTestId('nav-dashboard').click();
  const conversion = page.getByTestId('order-kpi-conversion');
  await expect(conversion).toHaveAttribute('data-source', 'orders');
  await expect(conversion).toHaveAttribute('data-value', String(6 / 4));
  // The main tiles follow the setting: order figures, and the popover names orders as the source.
  await expect(page.getByTestId('kpi-conversionRate')).toHaveAttribute('data-source', 'orders');
  await expect(page.getByTestId('kpi-conversionRate')).toHaveAttribute('data-value', String(6 / 4));
  await expect(page.getByTestId('kpi-revenue')).toHaveAttribute('data-value', '580000');
  await expect(page.getByTestId('kpi-avgOrderValue')).toHaveAttribute('data-value', String(580000 / 6));
  // Sales counts the same 6 orders the conversion rate divides, so the tiles agree with each other.
  await expect(page.getByTestId('kpi-sales')).toHaveAttribute('data-source', 'orders');
  await expect(page.getByTestId('kpi-sales')).toHaveAttribute('data-value', '6');
  await expect(page.getByTestId('kpi-dials')).not.toHaveAttribute('data-source', 'orders');
  await page.getByTestId('kpi-info-revenue').click();
  await expect(page.getByRole('dialog').or(page.locator('.info__popover')).first()).toContainText(
    'Source: imported orders (Settings → Orders: conversion from orders)',
  );
  await screenshot(page, 'orders-main-tiles-from-orders-en');
  await page.keyboard.press('Escape');

  // In Chinese: 回款率 on the dashboard.
  await chooseLanguage(page, 'zh-CN', '#/');
  await expect(page.getByTestId('order-kpi-collectionRate')).toContainText('回款率');
  await expect(page.getByTestId('order-kpi-collectionRate')).toContainText('94.8%');
  await expect(page.getByTestId('order-tiles')).toContainText('订单销售额');
  await screenshot(page, 'orders-dashboard-zh-CN');
  await page.getByTestId('order-kpi-conversion-info').click();
  await screenshot(page, 'orders-dashboard-zh-CN-conversion-popover');
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'orders-dashboard-zh-CN-dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'orders-dashboard-zh-CN-dark-1920');
  await page.emulateMedia({ colorScheme: 'light' });

  // A period without orders says where revenue and conversion come from instead.
  await chooseRange(page, '2025-12-01', '2025-12-31');
  await expect(page.getByTestId('orders-fallback')).toContainText('通话结果');
  await expect(page.getByTestId('order-tiles')).toHaveCount(0);
});
