/**
 * The desktop app prints reports with its own Chromium: a hidden, sandboxed window without script
 * loads the report's HTML from a temp file and `printToPDF` turns it into A4 pages (the page size,
 * margins and page numbers come from the HTML's own @page rules). The battle report's PNG is the
 * same window at the image's size, captured with `capturePage`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfRenderer, PngRenderer } from '../reports/pdf-render';

/** Loads our HTML in a hidden script-free window of `size` and hands the window to `use`. */
async function withHiddenPage<T>(
  html: string,
  size: { width: number; height: number } | null,
  signal: AbortSignal,
  use: (win: BrowserWindow) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-pdf-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
    ...(size ? { width: size.width, height: size.height, useContentSize: true } : {}),
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const abort = () => win.destroy();
  signal.addEventListener('abort', abort, { once: true });
  try {
    await win.loadFile(file);
    return await use(win);
  } finally {
    signal.removeEventListener('abort', abort);
    if (!win.isDestroyed()) win.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const electronPrintToPdf: PdfRenderer = (html, signal) =>
  withHiddenPage(html, null, signal, (win) =>
    win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true }),
  );

export const electronCapturePng: PngRenderer = (html, size, signal) =>
  withHiddenPage(html, size, signal, async (win) => {
    const image = await win.webContents.capturePage({ x: 0, y: 0, ...size });
    // A HiDPI screen captures at its scale: the file is the image's own size.
    return image.resize({ width: size.width, height: size.height }).toPNG();
  });
