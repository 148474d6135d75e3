/**
 * The workspace's SQLite file opened read-only, for specs that check what the UI shows against the
 * stored calls themselves (not against another code path of the app).
 */
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { now } from '../../src-main/clock';
import { todayIn } from '../../src-shared/time';
import { expect } from './fixtures';

export type RawDb = Database.Database;

export function openRaw(file: string): RawDb {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** The first and last day with calls. */
export function dataRange(db: RawDb): { from: string; to: string } {
  const row = db.prepare('SELECT min(day) AS "from", max(day) AS "to" FROM calls').get() as {
    from: string;
    to: string;
  };
  return row;
}

/** The workspace's time zone, as stored in its settings. */
export function workspaceZone(db: RawDb): string {
  return JSON.parse(
    db.prepare("SELECT value FROM settings WHERE key = 'timeZone'").pluck().get() as string,
  ) as string;
}

/** "Today" as the app sees it: the pinned clock (CALLSCOPE_NOW) in the workspace's time zone. */
export function workspaceToday(db: RawDb): string {
  return todayIn(workspaceZone(db), now());
}

/** Sets the dashboard filter bar to a custom range (as a user typing the dates). */
export async function chooseRange(page: Page, from: string, to: string): Promise<void> {
  await page.getByTestId('range-from').fill(from);
  await page.getByTestId('range-to').fill(to);
  await expect(page.getByTestId('range-from')).toHaveValue(from);
  await expect(page.getByTestId('range-to')).toHaveValue(to);
}

/** Switches the UI language in Settings, then comes back to `hash`. */
export async function chooseLanguage(page: Page, language: 'zh-CN' | 'en', hash: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').selectOption(language);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('nav-dashboard')).toHaveText(language === 'zh-CN' ? /数据看板/ : /Dashboard/);
  await page.evaluate((h) => (window.location.hash = h), hash);
}
