/**
 * HTML to PDF (reports) and to PNG (the daily battle report) through Chromium. The desktop app uses
 * its own Chromium (Electron's `webContents.printToPDF` / `capturePage`, registered by the shell with
 * `usePdfRenderer` / `usePngRenderer`); browser mode and the CLI run the system's Chromium headless
 * (`--print-to-pdf`, `--screenshot`) on a temp file. Either way the HTML is our own, script-free,
 * and loads nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeOwnedTempDir, processAlive, sweepOwnedTempDirs } from '../owned-temp';

export type PdfRenderer = (html: string, signal: AbortSignal) => Promise<Buffer>;

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findChromium(): string | null {
  const configured = process.env['CALLSCOPE_CHROMIUM'] ?? process.env['CHROMIUM_PATH'];
  if (configured) return configured;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

const TIMEOUT_MS = 60_000;
const PDF_PREFIX = 'callscope-pdf-';
const CHROMIUM_PID_FILE = 'chromium.pid';

/** Ends a Chromium and the processes it started (its process group, where there is one). */
function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * At start: the temp folders of PDF exports whose process was killed, with the Chromium each was
 * running (only if that process still runs from that folder: a pid can be reused).
 */
export function sweepAbandonedPdfRuns(tmp = os.tmpdir()): string[] {
  return sweepOwnedTempDirs(PDF_PREFIX, tmp, (dir) => {
    try {
      const pid = Number(fs.readFileSync(path.join(dir, CHROMIUM_PID_FILE), 'utf8'));
      if (!processAlive(pid)) return;
      // Linux tells what a process runs; elsewhere the folder goes and the pid is left alone.
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) killGroup(pid);
    } catch {
      // no Chromium was started, or it is gone
    }
  });
}

/**
 * The system Chromium, headless, on a temp file of the HTML: `output` names the file the flags
 * make it write (`--print-to-pdf=…`, `--screenshot=…`), which is read back.
 */
async function headlessChromium(
  html: string,
  output: string,
  flags: (out: string) => string[],
  signal: AbortSignal,
): Promise<Buffer> {
  const chromium = findChromium();
  if (!chromium)
    throw new Error('PDF and image export need Chromium or Chrome (set CALLSCOPE_CHROMIUM to its path)');
  const dir = makeOwnedTempDir(PDF_PREFIX);
  try {
    const page = path.join(dir, 'report.html');
    const out = path.join(dir, output);
    fs.writeFileSync(page, html, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      ...flags(out),
      // Chromium refuses its sandbox as root (containers, CI); the page has no script to contain.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `file://${page}`,
    ];
    await new Promise<void>((resolve, reject) => {
      // Its own process group, so the renderer and GPU processes it starts end with it.
      const child = spawn(chromium, args, {
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: process.platform !== 'win32',
      });
      // If this process is killed meanwhile, the next start ends this Chromium (sweepAbandonedPdfRuns).
      if (child.pid) fs.writeFileSync(path.join(dir, CHROMIUM_PID_FILE), String(child.pid));
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
      const kill = () => killGroup(child.pid);
      const timer = setTimeout(kill, TIMEOUT_MS);
      const abort = kill;
      signal.addEventListener('abort', abort, { once: true });
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        kill(); // whatever of its group is still running
        signal.removeEventListener('abort', abort);
        if (code === 0 && fs.existsSync(out)) resolve();
        else reject(new Error(`Chromium could not render the page (exit ${code}): ${stderr.trim()}`));
      });
    });
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The system Chromium, headless, printing a temp file of the HTML. */
export const chromiumCliPdf: PdfRenderer = (html, signal) =>
  headlessChromium(html, 'report.pdf', (out) => ['--no-pdf-header-footer', `--print-to-pdf=${out}`], signal);

/** An HTML page as a PNG of exactly `width` × `height` CSS pixels (the page lays itself out to fit). */
export type PngRenderer = (
  html: string,
  size: { width: number; height: number },
  signal: AbortSignal,
) => Promise<Buffer>;

/** The system Chromium, headless, taking a screenshot of a window of the image's size at scale 1. */
export const chromiumCliPng: PngRenderer = (html, { width, height }, signal) =>
  headlessChromium(
    html,
    'image.png',
    (out) => [
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      `--window-size=${width},${height}`,
      `--screenshot=${out}`,
    ],
    signal,
  );

let current: PdfRenderer = chromiumCliPdf;

/** The desktop shell hands in Electron's own printer at start-up. */
export function usePdfRenderer(renderer: PdfRenderer): void {
  current = renderer;
}

export function renderPdf(html: string, signal: AbortSignal): Promise<Buffer> {
  return current(html, signal);
}

let currentPng: PngRenderer = chromiumCliPng;

/** The desktop shell hands in Electron's own page capture at start-up (as for the PDF). */
export function usePngRenderer(renderer: PngRenderer): void {
  currentPng = renderer;
}

export function renderPng(html: string, size: { width: number; height: number }, signal: AbortSignal) {
  return currentPng(html, size, signal);
}
