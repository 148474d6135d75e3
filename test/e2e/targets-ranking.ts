/** The composite-score ranking as the targets page shows it: agent ids, best first. */
import { expect, type Page } from '@playwright/test';

export async function rankingOrder(page: Page): Promise<string[]> {
  const table = page.getByTestId('ranking-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agent-id') ?? ''));
}
