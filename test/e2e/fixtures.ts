/**
 * End-to-end fixtures: each test gets browser mode (`src-main/web/main.ts`, the real host over a
 * real SQLite file in a temp folder) and a page opened at its tokened address.
 * The host and the CLI run from the bundles built once for the run (test/build-bundles.mjs).
 */
import type { Input, Method, Output } from '../../src-shared/api';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startWebHost } from '../browser-mode';
import { CLI_COMMAND } from '../entry-points';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = path.join(REPO, 'test-results/screenshots');

export interface App {
  url: string;
  db: string;
  dir: string;
  /** runs the CLI against this workspace and returns stdout */
  cli(args: string[]): string;
}

export const test = base.extend<{ app: App; appPage: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-e2e-'));
    const db = path.join(dir, 'workspace.sqlite');
    const { url, child } = await startWebHost(db);
    const cli = (args: string[]) => {
      const [node, ...cliArgs] = CLI_COMMAND;
      const r = spawnSync(node, [...cliArgs, ...args, '--db', db], {
        cwd: REPO,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    await use({ url, db, dir, cli });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  },
  appPage: async ({ page, app }, use) => {
    await page.goto(app.url);
    await use(page);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Charts are drawn without animation (reduced motion, playwright.config.ts); the fonts may
  // still be loading on a page just opened.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Calls the API as the page does (browser mode: the token the page keeps in sessionStorage). */
export async function apiCall<M extends Method>(page: Page, method: M, input: Input<M>): Promise<Output<M>> {
  const output = await page.evaluate(
    async ([m, body]) => {
      const token = sessionStorage.getItem('callscope.token');
      const r = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${m}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<unknown>;
    },
    [method, input] as const,
  );
  return output as Output<M>;
}

/**
 * Holds back the next answer of API `method` by `ms`, as a loaded machine would; `arrived` settles
 * when it is in. Tests of "data arriving while the user types" use it to make that moment certain.
 */
export async function holdBackNext(
  page: Page,
  method: string,
  ms = 2000,
): Promise<{ arrived: Promise<unknown> }> {
  await page.route(
    `**/api/${method}`,
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    },
    { times: 1 },
  );
  return { arrived: page.waitForResponse((r) => r.url().includes(`/api/${method}`)) };
}

/** The exact number a KPI tile shows, from its data-value attribute (null for "no data"). */
export async function tileValue(page: Page, key: string): Promise<number | null> {
  const raw = await page.getByTestId(`kpi-${key}`).getAttribute('data-value');
  return raw === null || raw === '' ? null : Number(raw);
}

/** The KPI tiles that `cli metrics` names the same way: the dashboard's and the agent page's checks. */
const CLI_TILE_KEYS = [
  'dials',
  'connects',
  'connectRate',
  'effectiveTalkSeconds',
  'avgTalkSeconds',
  'intents',
  'sales',
  'revenue',
] as const;

/** Each of those tiles shows the number of `row`, a row of `cli metrics --json` (null: no data). */
export async function expectTilesShow(
  page: Page,
  row: Record<string, number | string | null>,
): Promise<void> {
  for (const key of CLI_TILE_KEYS) {
    await expect(page.getByTestId(`kpi-${key}`)).toBeVisible();
    const shown = await tileValue(page, key);
    if (row[key] === null) expect(shown, key).toBeNull();
    else expect(shown, key).toBeCloseTo(Number(row[key]), 9);
  }
}

/** Saves the workspace's time zone, and the UI's language if given, in Settings as a user would. */
export async function saveTimeZone(page: Page, timeZone: string, language?: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-timezone').selectOption(timeZone);
  if (language) await page.getByTestId('settings-language').selectOption(language);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
}

/** Switches the UI to Chinese in Settings and comes back to the dashboard. */
export async function switchToChinese(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').selectOption('zh-CN');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('nav-dashboard')).toHaveText(/数据看板/);
  await page.getByTestId('nav-dashboard').click();
}

/**
 * Opens the Import page and chooses `file`, until its preview is ready. The page shows either the
 * file picker or the last import's result ("import another"): one of them is waited for before
 * asking which, else a result not drawn yet is taken for the picker.
 */
export async function chooseImportFile(
  page: Page,
  file: Parameters<Locator['setInputFiles']>[0],
): Promise<void> {
  await page.getByTestId('nav-import').click();
  const another = page.getByTestId('import-another');
  const picker = page.getByTestId('import-file');
  await expect(another.or(picker)).toBeAttached();
  if (await another.isVisible()) await another.click();
  await picker.setInputFiles(file);
  await expect(page.getByTestId('preview')).toHaveAttribute('data-state', 'ready');
}
