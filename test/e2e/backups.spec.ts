import type { Page } from '@playwright/test';
import { expect, screenshot, test, tileValue } from './fixtures';

test('back up now, import more, restore the backup: the dashboard shows the state of the backup again', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '6', '--days', '20']);
  await page.reload();
  await page.goto(`${page.url().split('#')[0]}#/dashboard`);
  const before = await expectDials(page);

  await page.goto(`${page.url().split('#')[0]}#/settings`);
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups-status')).toContainText('.manual.');
  await expect(page.getByTestId('backups-table').locator('tbody tr')).toHaveCount(1);

  // More calls after the backup (another demo floor, new agents: dials go up).
  app.cli(['demo', '--agents', '3', '--days', '20', '--seed', '99']);
  await page.goto(`${page.url().split('#')[0]}#/dashboard`);
  await page.reload();
  await expect.poll(() => tileValue(page, 'dials')).toBeGreaterThan(before);

  await page.goto(`${page.url().split('#')[0]}#/settings`);
  await page.getByTestId('restore').first().click();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('backups-status')).toContainText('before-restore');
  // The restored backup and the copy made before restoring it are both listed.
  await expect(page.getByTestId('backups-table').locator('tbody tr')).toHaveCount(2);
  await screenshot(page, 'settings-backups-en');

  await page.goto(`${page.url().split('#')[0]}#/dashboard`);
  await expect.poll(() => tileValue(page, 'dials')).toBe(before);
});

async function expectDials(page: Page): Promise<number> {
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /^[1-9]\d*$/, {
    timeout: 30_000,
  });
  return (await tileValue(page, 'dials'))!;
}
