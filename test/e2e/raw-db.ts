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

/**
 * Shows `hash` in each look a screen is checked in besides the first (English, light, 1366):
 * English dark at 1920, Chinese dark at 1920, Chinese light at 1366, and calls `look` with the
 * look's tag for the screenshots' names ("zh-CN-dark-1920"). The page must be in English when
 * called; the language is changed in Settings only when it changes.
 */
export async function inEachLook(
  page: Page,
  hash: string,
  look: (tag: string) => Promise<void>,
): Promise<void> {
  let shownLanguage: string = 'en';
  for (const [language, scheme, width, height] of [
    ['en', 'dark', 1920, 1080],
    ['zh-CN', 'dark', 1920, 1080],
    ['zh-CN', 'light', 1366, 768],
  ] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    if (language === shownLanguage) await page.evaluate((h) => (window.location.hash = h), hash);
    else await chooseLanguage(page, language, hash);
    shownLanguage = language;
    await look(`${language}-${scheme}-${width}`);
  }
}
