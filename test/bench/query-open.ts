/**
 * "Opening the app on that workspace shows the dashboard": the real web host over the workspace,
 * Debian's Chromium through Playwright, timed from navigation until the dials tile holds a number.
 * Each load is cold for the page (a fresh browser context: no cache, no stored filter), the host
 * stays up between loads; its start is timed separately.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const REPO = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');
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

async function startHost(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(TSX, [path.join(REPO, 'src-main/web/main.ts'), '--db', db], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.on('exit', (code) => reject(new Error(`web host exited (${code}): ${stderr}`)));
  });
  return { url, child };
}

export interface OpenTimes {
  hostStartMs: number;
  loadsMs: number[];
  /** what the dials tile showed, to print beside the time */
  dials: number;
}

export async function timeOpenDashboard(db: string, loads: number): Promise<OpenTimes> {
  ensureRendererBuilt();
  const started = performance.now();
  const { url, child } = await startHost(db);
  const hostStartMs = performance.now() - started;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const loadsMs: number[] = [];
    let dials = 0;
    // One unmeasured load first: Chromium's own first start of a renderer process is not the app's.
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(url);
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
      await context.close();
    }
    return { hostStartMs, loadsMs, dials };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
