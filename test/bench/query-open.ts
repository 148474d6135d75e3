/**
 * "Opening the app on that workspace shows the dashboard": the real web host over the workspace,
 * Debian's Chromium through Playwright, timed from navigation until the dials tile holds a number.
 * Each load is cold for the page (a fresh browser context: no cache, no stored filter), the host
 * stays up between loads; its start is timed separately.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH, startWebHost } from '../browser-mode';

const REPO = path.resolve(import.meta.dirname, '../..');
const RENDERER_INDEX = path.join(REPO, 'out/renderer/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when there is no build or the sources are newer than it. */
export function ensureRendererBuilt(): void {
  const built = fs.existsSync(RENDERER_INDEX) ? fs.statSync(RENDERER_INDEX).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(REPO, 'src-renderer')),
    newestMtime(path.join(REPO, 'src-shared')),
  );
  if (built > sources) return;
  process.stderr.write('building the renderer (npm run build:renderer)\n');
  const r = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:renderer failed');
}

export interface OpenTimes {
  hostStartMs: number;
  loadsMs: number[];
  /** what the dials tile showed, to print beside the time */
  dials: number;
}

/**
 * On a team workspace `signIn` signs in during the unmeasured first load; the host keeps its
 * signed-in user (one host is one person's app), so the measured loads open as on a local file.
 */
export async function timeOpenDashboard(
  db: string,
  loads: number,
  signIn?: { login: string; password: string },
): Promise<OpenTimes> {
  ensureRendererBuilt();
  const started = performance.now();
  const { url, child } = await startWebHost(db, 60_000);
  const hostStartMs = performance.now() - started;
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const loadsMs: number[] = [];
    let dials = 0;
    // One unmeasured load first: Chromium's own first start of a renderer process is not the app's.
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(url);
      if (signIn && i === 0) {
        await page.getByTestId('sign-in-login').fill(signIn.login);
        await page.getByTestId('sign-in-password').fill(signIn.password);
        await page.getByTestId('sign-in-submit').click();
      }
      const tile = await page.waitForFunction(
        () => {
          const raw = document.querySelector('[data-testid="kpi-dials"]')?.getAttribute('data-value');
          return raw !== null && raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? raw : null;
        },
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      const ms = performance.now() - t0;
      dials = Number(await tile.jsonValue());
      if (i > 0) loadsMs.push(ms);
      // The page's later panels still load after the tile: the next load starts on an idle host,
      // as an app opened once does, not behind this page's queries.
      await page.waitForLoadState('networkidle');
      await context.close();
    }
    return { hostStartMs, loadsMs, dials };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
