/**
 * The Electron main process: a thin door over api.ts. It wires the guards, the app:// protocol, the
 * workspace and the API together and holds no business logic.
 */
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type MenuItemConstructorOptions,
} from 'electron';
import { defaultDbPath, defaultUserDataDir, PRODUCT_NAME } from '../paths';
import { scheduleDailyBackups } from '../backups';
import { openSession, type Session } from '../session';
import {
  APP_ENTRY_URL,
  CALL_CHANNEL,
  createCallHandler,
  dbPathFromArgv,
  denyAllPermissions,
  installNavigationGuards,
  JOB_CHANNEL,
  type RefusalLog,
} from './guards';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { electronCapturePng, electronPrintToPdf } from './print-pdf';
import { usePdfRenderer, usePngRenderer } from '../reports/pdf-render';
import { isTeamWorkspaceUrl } from '../workspace-target';
import { desktopKeychain } from './password-prompt';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/.
const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

const logRefusal: RefusalLog = (what, url) => console.warn(`[callscope] refused ${what}: ${url}`);

let mainWindow: BrowserWindow | null = null;
let workspaceSession: Session | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1100,
    title: 'Callscope',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: !app.isPackaged,
      // Chromium's spellchecker downloads dictionaries: this app makes no network requests.
      spellcheck: false,
      // A middle click would open a link in a new window: no page here has a reason to.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const])],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  const dbPath = dbPathFromArgv(process.argv) ?? defaultDbPath(app.getPath('userData'));
  // A file that cannot be opened still gets a window: the renderer shows why and the ways out
  // (open read-only, restore a backup, try again), answered by the session.
  const opened = await openSession(dbPath, {
    // A team workspace's password nobody else has (URL, PGPASSWORD, pgpass): asked, kept sealed.
    teamPassword: isTeamWorkspaceUrl(dbPath) ? desktopKeychain(dbPath) : undefined,
    onInternalError: (err) => console.error('[callscope] internal error:', err),
    onOpen: (ws, api) => {
      const stopJobUpdates = api.jobs.onUpdate((job) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(JOB_CHANNEL, job);
      });
      const stopBackups = ws.readOnly
        ? () => undefined
        : scheduleDailyBackups(ws, (err) => console.error('[callscope] daily backup failed:', err));
      return () => {
        stopJobUpdates();
        stopBackups();
      };
    },
  });
  workspaceSession = opened;
  usePdfRenderer(electronPrintToPdf); // reports print with Electron's own Chromium
  usePngRenderer(electronCapturePng); // and the battle report is captured by it

  denyAllPermissions(session.defaultSession);
  handleAppProtocol(protocol, RENDERER_DIR, opened.recordings);
  ipcMain.handle(CALL_CHANNEL, createCallHandler(opened.dispatch, logRefusal));
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one.
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

async function shutdown(): Promise<void> {
  if (!workspaceSession) return;
  const closing = workspaceSession;
  workspaceSession = null;
  ipcMain.removeHandler(CALL_CHANNEL);
  await closing.close();
}

// Before the lock: Electron keys the single-instance lock on the userData folder, which is the
// folder browser mode and the CLI use too (paths.ts), whatever package.json's name is.
app.setName(PRODUCT_NAME);
app.setPath('userData', defaultUserDataDir());

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which comes to the front) and leaves.
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme(protocol);

  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents, logRefusal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting: 'no' | 'closing' | 'closed' = 'no';
  app.on('will-quit', (event) => {
    if (quitting === 'closed') return;
    // Hold the quit until the database is closed cleanly (WAL checkpoint, no half-written job).
    event.preventDefault();
    if (quitting === 'closing') return;
    quitting = 'closing';
    shutdown()
      .catch((err: unknown) => console.error('[callscope] closing the workspace failed:', err))
      .finally(() => {
        quitting = 'closed';
        app.quit();
      });
  });

  start().catch((err: unknown) => {
    console.error('[callscope] start failed:', err);
    dialog.showErrorBox('Callscope could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}
