/**
 * The desktop app prints reports with its own Chromium: a hidden, sandboxed window without script
 * loads the report's HTML from a temp file and `printToPDF` turns it into A4 pages (the page size,
 * margins and page numbers come from the HTML's own @page rules).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../reports/pdf-render';

export const electronPrintToPdf: PdfRenderer = async (html, signal) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-pdf-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
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
    return await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  } finally {
    signal.removeEventListener('abort', abort);
    if (!win.isDestroyed()) win.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
