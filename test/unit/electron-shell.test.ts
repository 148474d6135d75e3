/**
 * The desktop shell's security, checked in Node: the Electron binary cannot run on the build machines.
 * - main.ts and preload.ts are read with the TypeScript compiler (what an Electron security scanner
 *   reads: literal window options, what the preload exposes);
 * - guards.ts and protocol.ts run for real against stand-ins of WebContents/Session and real files;
 * - main.ts and preload.ts also run against a stand-in `electron` module (clearly a stand-in, not
 *   Electron) to check the wiring: the IPC door reaches a real workspace on a temp SQLite file.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import {
  APP_ENTRY_URL,
  CALL_CHANNEL,
  CONTENT_SECURITY_POLICY,
  createCallHandler,
  dbPathFromArgv,
  denyAllPermissions,
  installNavigationGuards,
  isTrustedUrl,
  JOB_CHANNEL,
  type CallEvent,
  type NavigationEvent,
  type RefusalLog,
} from '../../src-main/electron/guards';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  registerAppScheme,
  resolveInside,
  resolveRendererFile,
} from '../../src-main/electron/protocol';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const MAIN_TS = path.join(repo, 'src-main/electron/main.ts');
const PRELOAD_TS = path.join(repo, 'src-main/electron/preload.ts');

// ---------------------------------------------------------------------------------------------------
// A stand-in for the `electron` module, for the two tests that import main.ts and preload.ts. The
// objects are stable (state is reset, never replaced) so module caching cannot hand out stale ones.
// ---------------------------------------------------------------------------------------------------
const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above: it loads what it needs itself.
  const { EventEmitter } = await import('node:events');

  class FakeWebContents extends EventEmitter {
    send = vi.fn();
    windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    lock: true,
    ready: null as null | { promise: Promise<void>; resolve: () => void },
    setName: vi.fn(),
    setPath: vi.fn(),
    getPath: vi.fn((name: string) => `/nonexistent/${name}`),
    requestSingleInstanceLock: vi.fn((): boolean => app.lock),
    enableSandbox: vi.fn(),
    whenReady: vi.fn((): Promise<void> => app.ready!.promise),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.instances;
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      BrowserWindow.instances.push(this);
      app.emit('web-contents-created', {}, this.webContents); // as Electron does
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    },
  };
  const electron = {
    app,
    BrowserWindow,
    session,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn() }),
  };
  function reset() {
    vi.clearAllMocks();
    app.removeAllListeners();
    app.isPackaged = false;
    app.lock = true;
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    app.ready = { promise, resolve };
    BrowserWindow.instances = [];
    electron.ipcRenderer.removeAllListeners();
  }
  return { electron, reset, BrowserWindow };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

// ---------------------------------------------------------------------------------------------------
// TypeScript AST helpers
// ---------------------------------------------------------------------------------------------------
function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
}

function findAll<T extends ts.Node>(root: ts.Node, test: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node) => {
    if (test(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

function propertyName(prop: ts.ObjectLiteralElementLike): string | undefined {
  const name = prop.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined; // computed: reported as such by callers
}

/** Literal properties of an object literal; fails on spreads, computed keys, duplicates, shorthands. */
function literalProps(obj: ts.ObjectLiteralExpression, where: string): Map<string, ts.Expression> {
  const props = new Map<string, ts.Expression>();
  for (const prop of obj.properties) {
    expect(ts.isSpreadAssignment(prop), `${where}: no spread (it could override a setting)`).toBe(false);
    const name = propertyName(prop);
    expect(name, `${where}: no computed keys`).toBeDefined();
    expect(props.has(name!), `${where}: duplicate key ${name}`).toBe(false);
    if (ts.isPropertyAssignment(prop)) props.set(name!, prop.initializer);
    else if (ts.isShorthandPropertyAssignment(prop)) props.set(name!, prop.name);
    else props.set(name!, prop as unknown as ts.Expression);
  }
  return props;
}

function browserWindowOptions(): ts.ObjectLiteralExpression[] {
  const source = parse(MAIN_TS);
  const news = findAll(
    source,
    (n): n is ts.NewExpression =>
      ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'BrowserWindow',
  );
  return news.map((n) => {
    const arg = n.arguments?.[0];
    expect(arg && ts.isObjectLiteralExpression(arg), 'new BrowserWindow({...}) takes an object literal').toBe(
      true,
    );
    return arg as ts.ObjectLiteralExpression;
  });
}

// ---------------------------------------------------------------------------------------------------
// 1. The window's webPreferences, read as literals from main.ts
// ---------------------------------------------------------------------------------------------------
describe('main.ts window options (read with the TypeScript compiler)', () => {
  it('has exactly one BrowserWindow, with literal secure webPreferences', () => {
    const windows = browserWindowOptions();
    expect(windows).toHaveLength(1);
    const options = literalProps(windows[0]!, 'BrowserWindow options');
    const prefsNode = options.get('webPreferences');
    expect(prefsNode && ts.isObjectLiteralExpression(prefsNode), 'webPreferences is an object literal').toBe(
      true,
    );
    const prefs = literalProps(prefsNode as ts.ObjectLiteralExpression, 'webPreferences');

    const kind = (key: string) => prefs.get(key)?.kind;
    expect(kind('contextIsolation'), 'contextIsolation: true').toBe(ts.SyntaxKind.TrueKeyword);
    expect(kind('sandbox'), 'sandbox: true').toBe(ts.SyntaxKind.TrueKeyword);
    expect(kind('nodeIntegration'), 'nodeIntegration: false').toBe(ts.SyntaxKind.FalseKeyword);
    expect(kind('webSecurity'), 'webSecurity: true').toBe(ts.SyntaxKind.TrueKeyword);
    expect(kind('webviewTag'), 'webviewTag: false').toBe(ts.SyntaxKind.FalseKeyword);

    if (prefs.has('nodeIntegrationInWorker'))
      expect(kind('nodeIntegrationInWorker')).toBe(ts.SyntaxKind.FalseKeyword);
    if (prefs.has('nodeIntegrationInSubFrames')) {
      expect(kind('nodeIntegrationInSubFrames')).toBe(ts.SyntaxKind.FalseKeyword);
    }
    for (const forbidden of ['allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(prefs.has(forbidden), `webPreferences must not set ${forbidden}`).toBe(false);
    }
  });

  it('sets webPreferences nowhere else and never opens links outside', () => {
    const text = readFileSync(MAIN_TS, 'utf8');
    expect(text.match(/webPreferences/g)).toHaveLength(1);
    expect(text).not.toMatch(/openExternal/);
    expect(text).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
    expect(text).not.toMatch(/file:\/\/|loadFile\(/); // pages come through app://, never file://
    const importsShell = findAll(parse(MAIN_TS), ts.isImportDeclaration).some(
      (d) =>
        (d.moduleSpecifier as ts.StringLiteral).text === 'electron' &&
        d.importClause?.namedBindings &&
        ts.isNamedImports(d.importClause.namedBindings) &&
        d.importClause.namedBindings.elements.some((e) => e.name.text === 'shell'),
    );
    expect(importsShell, 'main.ts must not import shell').toBe(false);
  });

  it('window size and show-when-ready, as specified', () => {
    const options = literalProps(browserWindowOptions()[0]!, 'BrowserWindow options');
    const num = (key: string) => (options.get(key) as ts.NumericLiteral | undefined)?.text;
    expect([num('width'), num('height'), num('minWidth')]).toEqual(['1366', '768', '1100']);
    expect(options.get('show')?.kind).toBe(ts.SyntaxKind.FalseKeyword);
    expect((options.get('title') as ts.StringLiteral | undefined)?.text).toBe('Callscope');
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. Navigation guards, driven with a stand-in WebContents
// ---------------------------------------------------------------------------------------------------
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
}

function navigationEvent(url?: string): NavigationEvent & { preventDefault: Mock<() => void> } {
  return { url, preventDefault: vi.fn<() => void>() };
}

const FOREIGN = [
  'http://evil.example/',
  'https://evil.example/login',
  'file:///etc/passwd',
  'app://other/index.html',
  'app://callscope.evil/',
  'app://callscope@evil.example/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'devtools://devtools/bundled/inspector.html',
  '',
];

describe('installNavigationGuards', () => {
  let contents: FakeContents;
  let log: Mock<RefusalLog>;
  beforeEach(() => {
    contents = new FakeContents();
    log = vi.fn<RefusalLog>();
    installNavigationGuards(contents, log);
  });

  it('listens to every navigation event it must', () => {
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listenerCount(name), name).toBeGreaterThan(0);
    }
    expect(contents.openHandler).toBeTypeOf('function');
  });

  for (const name of ['will-navigate', 'will-redirect']) {
    it(`${name}: prevents foreign URLs, allows our own origin`, () => {
      for (const url of FOREIGN) {
        const event = navigationEvent(url);
        contents.emit(name, event, url);
        expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalledTimes(1);
      }
      // Electron's deprecated positional url, when the event carries none
      const legacy = navigationEvent(undefined);
      contents.emit(name, legacy, 'http://evil.example/');
      expect(legacy.preventDefault).toHaveBeenCalledTimes(1);
      // our own pages
      const own = navigationEvent('app://callscope/index.html');
      contents.emit(name, own, own.url);
      expect(own.preventDefault).not.toHaveBeenCalled();
      // the URL on the event is the one that counts (the positional argument is deprecated)
      const eventOnly = navigationEvent('app://callscope/agents');
      contents.emit(name, eventOnly);
      expect(eventOnly.preventDefault).not.toHaveBeenCalled();
      expect(log).toHaveBeenCalled();
    });
  }

  it('will-attach-webview: always prevented', () => {
    for (const src of ['http://evil.example/', APP_ENTRY_URL]) {
      const event = navigationEvent();
      contents.emit('will-attach-webview', event, {}, { src });
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    }
  });

  it('window.open: always denied, whatever the URL', () => {
    for (const url of [...FOREIGN, APP_ENTRY_URL]) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. Permissions
// ---------------------------------------------------------------------------------------------------
describe('denyAllPermissions', () => {
  it('denies every permission request, check and device request', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    let device: ((details: unknown) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    expect(request && check && device, 'all three handlers installed').toBeTruthy();
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'openExternal',
      'clipboard-read',
      'usb',
    ]) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledTimes(1);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check!({}, permission), permission).toBe(false);
    }
    expect(device!({ deviceType: 'usb', origin: APP_ENTRY_URL })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. The trusted origin
// ---------------------------------------------------------------------------------------------------
describe('isTrustedUrl', () => {
  it('accepts our origin only', () => {
    expect(isTrustedUrl('app://callscope/index.html')).toBe(true);
    expect(isTrustedUrl('app://callscope/assets/index-abc.js')).toBe(true);
    expect(isTrustedUrl('app://callscope/')).toBe(true);
  });
  it('refuses everything else', () => {
    for (const url of [
      ...FOREIGN,
      'app://callscope:8080/',
      'app://user:pw@callscope/',
      'app:callscope/index.html',
      'https://callscope/',
      'http://127.0.0.1:5173/',
      'not a url',
    ]) {
      expect(isTrustedUrl(url), url).toBe(false);
    }
    expect(isTrustedUrl(null)).toBe(false);
    expect(isTrustedUrl(undefined)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. The app:// protocol: path resolution and the handler on real files
// ---------------------------------------------------------------------------------------------------
describe('app:// protocol', () => {
  let tmp: string;
  let rendererDir: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'callscope-protocol-'));
    rendererDir = path.join(tmp, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Callscope</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('registers a standard, secure scheme without CSP bypass', () => {
    const registered = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged: registered });
    expect(registered).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP ?? false).toBe(false);
  });

  it('resolveInside refuses traversal, absolute paths and encoded traversal', () => {
    const root = '/srv/renderer';
    for (const p of [
      '../etc/passwd',
      '/../../etc/passwd',
      '/assets/../../secret.txt',
      '%2e%2e%2fetc%2fpasswd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%2fsecret.txt',
      '/%2E%2E/secret.txt',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/C:/Windows/win.ini',
      '/index.html%00.png',
      '/%E0%A4%A', // malformed escape
      '/',
      '/..',
    ]) {
      expect(resolveInside(root, p, path.posix), p).toBeNull();
    }
    expect(resolveInside(root, '/assets/app.js', path.posix)).toBe('/srv/renderer/assets/app.js');
    expect(resolveInside(root, '/assets/../index.html', path.posix)).toBe('/srv/renderer/index.html');
  });

  it('resolveInside applies Windows rules too (backslashes, drives, UNC)', () => {
    const root = 'C:\\Program Files\\Callscope\\renderer';
    for (const p of [
      '/..\\..\\secret.txt',
      '/..%5c..%5csecret.txt',
      '/D:/x.txt',
      '/\\\\server\\share\\x',
      '/C:x',
    ]) {
      expect(resolveInside(root, p, path.win32), p).toBeNull();
    }
    expect(resolveInside(root, '/assets/app.js', path.win32)).toBe(
      'C:\\Program Files\\Callscope\\renderer\\assets\\app.js',
    );
  });

  it('resolveRendererFile takes only app://callscope URLs', () => {
    expect(resolveRendererFile('/r', 'app://callscope/')).toBe(path.resolve('/r/index.html'));
    expect(resolveRendererFile('/r', 'app://callscope/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererFile('/r', 'app://callscope/%2e%2e%2fsecret.txt')).toBeNull();
    expect(resolveRendererFile('/r', 'app://other/index.html')).toBeNull();
    expect(resolveRendererFile('/r', 'file:///r/index.html')).toBeNull();
    // the origin as isTrustedUrl has it: no user info, no port
    expect(resolveRendererFile('/r', 'app://user@callscope/index.html')).toBeNull();
    expect(resolveRendererFile('/r', 'app://callscope:8080/index.html')).toBeNull();
  });

  it('serves renderer files with the CSP, and nothing outside the folder', async () => {
    const handle = createAppProtocolHandler(rendererDir);
    const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

    const index = await get('app://callscope/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>Callscope</title>');

    const script = await get('app://callscope/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/); // module scripts need it
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');

    for (const url of [
      'app://callscope/..%2fsecret.txt',
      'app://callscope/%2e%2e%2fsecret.txt',
      'app://callscope/assets/..%2f..%2fsecret.txt',
      'app://other/index.html',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(403);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text(), url).not.toContain('TOP SECRET');
    }
    // Dot segments are removed by URL parsing: this asks for <renderer>/secret.txt, which is absent.
    const dotted = await get('app://callscope/../secret.txt');
    expect(dotted.status).toBe(404);
    expect(await dotted.text()).not.toContain('TOP SECRET');

    expect((await get('app://callscope/assets/missing.js')).status).toBe(404);
    expect((await get('app://callscope/assets')).status).toBe(200); // a directory is not served; route -> app
    const route = await get('app://callscope/agents/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Callscope</title>');
    expect((await get('app://callscope/index.html', 'POST')).status).toBe(405);
  });

  it('the CSP is the one the design asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// 6. The preload exposes one object: { call, onJobUpdate }
// ---------------------------------------------------------------------------------------------------
describe('preload.ts', () => {
  it('exposes exactly one API object, with only call and onJobUpdate, never ipcRenderer (source)', () => {
    const source = parse(PRELOAD_TS);
    const calls = findAll(source, ts.isCallExpression);
    const exposes = calls.filter(
      (c) =>
        ts.isPropertyAccessExpression(c.expression) &&
        /^exposeIn(MainWorld|IsolatedWorld)$/.test(c.expression.name.text),
    );
    expect(exposes).toHaveLength(1);
    const expose = exposes[0]!;
    const callee = expose.expression as ts.PropertyAccessExpression;
    expect(callee.getText()).toBe('contextBridge.exposeInMainWorld');
    const [key, value] = expose.arguments;
    expect(key && ts.isStringLiteral(key) && key.text).toBe('callscope');
    expect(value && ts.isObjectLiteralExpression(value), 'the API is an object literal').toBe(true);
    const api = value as ts.ObjectLiteralExpression;
    const props = literalProps(api, 'exposed API');
    expect([...props.keys()].sort()).toEqual(['call', 'onJobUpdate']);
    for (const prop of api.properties) {
      const isFunction =
        ts.isMethodDeclaration(prop) ||
        (ts.isPropertyAssignment(prop) &&
          (ts.isArrowFunction(prop.initializer) || ts.isFunctionExpression(prop.initializer)));
      expect(
        isFunction,
        `${propertyName(prop)} is a function written here, not a forwarded Electron API`,
      ).toBe(true);
    }
    // Inside the API, ipcRenderer appears only as `ipcRenderer.method(...)` calls: never passed, returned
    // or stored, so no page can get hold of it.
    const uses = findAll(api, (n): n is ts.Identifier => ts.isIdentifier(n) && n.text === 'ipcRenderer');
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const access = use.parent;
      const ok =
        ts.isPropertyAccessExpression(access) &&
        access.expression === use &&
        ts.isCallExpression(access.parent) &&
        access.parent.expression === access;
      expect(ok, `ipcRenderer used as "${access.getText()}"`).toBe(true);
    }
    // Nothing else lands on window / globalThis / self.
    const globals = findAll(
      source,
      (n): n is ts.PropertyAccessExpression | ts.ElementAccessExpression =>
        (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) &&
        ts.isIdentifier(n.expression) &&
        ['window', 'globalThis', 'self'].includes(n.expression.text),
    );
    expect(globals.map((n) => n.getText())).toEqual([]);
  });

  it('requires nothing but electron at run time (a sandboxed preload cannot)', () => {
    const imports = findAll(parse(PRELOAD_TS), ts.isImportDeclaration).filter(
      (d) => !d.importClause?.isTypeOnly,
    );
    expect(imports.map((d) => (d.moduleSpecifier as ts.StringLiteral).text)).toEqual(['electron']);
    expect(readFileSync(PRELOAD_TS, 'utf8')).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it('uses the channels main listens on', () => {
    const text = readFileSync(PRELOAD_TS, 'utf8');
    expect(text).toContain(`'${CALL_CHANNEL}'`);
    expect(text).toContain(`'${JOB_CHANNEL}'`);
  });

  describe('run against a stand-in electron module', () => {
    beforeEach(() => {
      fake.reset();
      vi.resetModules();
    });

    it('call() invokes the one channel; onJobUpdate() passes the job only, and unsubscribes', async () => {
      await import('../../src-main/electron/preload');
      const { contextBridge, ipcRenderer } = fake.electron;
      expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
      const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
      expect(key).toBe('callscope');
      expect(Object.keys(api).sort()).toEqual(['call', 'onJobUpdate']);
      for (const value of Object.values(api)) expect(value).not.toBe(ipcRenderer);

      const outcome = { ok: true, value: 1 };
      ipcRenderer.invoke.mockResolvedValue(outcome);
      const call = api.call as (method: string, input?: unknown) => Promise<unknown>;
      await expect(call('settings.get', { a: 1 })).resolves.toBe(outcome);
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'settings.get', { a: 1 });

      const listener = vi.fn();
      const off = (api.onJobUpdate as (l: (job: unknown) => void) => () => void)(listener);
      const job = { id: 'j1', status: 'running' };
      ipcRenderer.emit(JOB_CHANNEL, { sender: ipcRenderer, senderId: 0 }, job);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener.mock.calls[0]).toEqual([job]); // the IPC event never reaches the page
      off();
      ipcRenderer.emit(JOB_CHANNEL, {}, job);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(ipcRenderer.listenerCount(JOB_CHANNEL)).toBe(0);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 7. The IPC door, and main.ts wiring against a stand-in electron module with a real workspace
// ---------------------------------------------------------------------------------------------------
describe('createCallHandler', () => {
  const frame = (url: string): CallEvent => ({ senderFrame: { url } });

  it('refuses calls from frames outside our origin, without dispatching', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'x' }));
    const handler = createCallHandler(dispatch);
    for (const url of FOREIGN)
      await expect(handler(frame(url), 'settings.get', {}), url).rejects.toThrow(/refused/);
    await expect(handler({ senderFrame: null }, 'settings.get', {})).rejects.toThrow(/refused/);
    await expect(handler({}, 'settings.get', {})).rejects.toThrow(/refused/);
    const disposed: CallEvent = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed');
      },
    };
    await expect(handler(disposed, 'settings.get', {})).rejects.toThrow(/refused/);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes our frames’ calls to the dispatcher', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'x' }));
    const handler = createCallHandler(dispatch);
    await expect(handler(frame(APP_ENTRY_URL), 'settings.get', { a: 1 })).resolves.toEqual({
      ok: true,
      value: 'x',
    });
    expect(dispatch).toHaveBeenCalledWith('settings.get', { a: 1 });
    await expect(handler(frame(APP_ENTRY_URL), 42, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });
});

describe('dbPathFromArgv', () => {
  it('reads --db <path> and --db=<path>', () => {
    expect(dbPathFromArgv(['electron', '.', '--db', 'team.sqlite'], '/home/u')).toBe(
      path.resolve('/home/u/team.sqlite'),
    );
    expect(dbPathFromArgv(['x', '--db=/data/a.sqlite'], '/home/u')).toBe(path.resolve('/data/a.sqlite'));
    expect(dbPathFromArgv(['electron', '.'], '/home/u')).toBeUndefined();
    expect(() => dbPathFromArgv(['x', '--db'])).toThrow(/--db/);
    expect(() => dbPathFromArgv(['x', '--db', '--other'])).toThrow(/--db/);
  });
});

describe('main.ts, run against a stand-in electron module', () => {
  let tmp: string;
  let argv: string[];
  beforeEach(() => {
    fake.reset();
    vi.resetModules();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'callscope-main-'));
    argv = process.argv;
    process.argv = [...argv, '--db', path.join(tmp, 'workspace.sqlite')];
  });
  afterEach(() => {
    process.argv = argv;
    rmSync(tmp, { recursive: true, force: true });
  });

  async function until(check: () => boolean, what: string) {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check(), what).toBe(true);
  }

  it('wires scheme, sandbox, lock, guards, permissions, IPC, window and a clean quit', async () => {
    const { app, protocol, ipcMain, session, Menu, dialog } = fake.electron;
    await import('../../src-main/electron/main');

    // Before ready: scheme privileges and the sandbox must be set now, or never.
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      app.requestSingleInstanceLock.mock.invocationCallOrder[0]!,
    );
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(protocol.handle).not.toHaveBeenCalled();

    app.ready!.resolve();
    await until(() => fake.BrowserWindow.instances.length === 1, 'a window is created once ready');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    const win = fake.BrowserWindow.instances[0]!;

    // Guards installed on the window's contents through web-contents-created.
    const contents = win.webContents;
    const nav = navigationEvent('http://evil.example/');
    contents.emit('will-navigate', nav, nav.url);
    expect(nav.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'http://evil.example/' })).toEqual({ action: 'deny' });

    // Permissions denied on the default session.
    const requestHandler = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      p: string,
      cb: (granted: boolean) => void,
    ) => void;
    const granted = vi.fn();
    requestHandler({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();

    // The protocol serves the renderer folder; the page loaded is ours.
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(win.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();

    // Menu: DevTools only when not packaged (here: not packaged).
    const template = JSON.stringify(Menu.buildFromTemplate.mock.calls[0]?.[0]);
    expect(template).toContain('toggleDevTools');
    expect(template).toContain('"copy"');

    // One IPC channel, checking the sender, reaching a real workspace.
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    const [channel, handler] = ipcMain.handle.mock.calls[0] as [
      string,
      (e: CallEvent, m: unknown, i: unknown) => Promise<unknown>,
    ];
    expect(channel).toBe(CALL_CHANNEL);
    await expect(
      handler({ senderFrame: { url: 'http://evil.example/' } }, 'settings.get', {}),
    ).rejects.toThrow(/refused/);
    const settings = (await handler({ senderFrame: { url: APP_ENTRY_URL } }, 'settings.get', {})) as {
      ok: boolean;
    };
    expect(settings.ok).toBe(true);
    const info = (await handler({ senderFrame: { url: APP_ENTRY_URL } }, 'workspace.info', {})) as {
      ok: true;
      value: { path: string };
    };
    expect(info.value.path).toBe(path.join(tmp, 'workspace.sqlite'));

    // Job updates are pushed to the window on the job channel.
    const started = (await handler({ senderFrame: { url: APP_ENTRY_URL } }, 'demo.load', {
      agents: 2,
      days: 7, // a week always has working days
    })) as { ok: true; value: { jobId: string } };
    expect(started.ok).toBe(true);
    await until(
      () =>
        contents.send.mock.calls.some(
          ([ch, job]) => ch === JOB_CHANNEL && (job as { status: string }).status !== 'running',
        ),
      'the finished job is pushed to the window',
    );
    const last = contents.send.mock.calls.at(-1)?.[1] as { status: string; error: string | null };
    expect(last, 'the demo job succeeded').toMatchObject({ status: 'done', error: null });
    const pushed = contents.send.mock.calls
      .filter(([ch]) => ch === JOB_CHANNEL)
      .map(([, job]) => job as { id: string });
    expect(pushed.every((job) => job.id === started.value.jobId)).toBe(true);

    // Quit is held until the workspace is closed, then completes.
    const quitEvent = { preventDefault: vi.fn() };
    app.emit('will-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    await until(() => app.quit.mock.calls.length > 0, 'quit resumes after closing');
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(CALL_CHANNEL);
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    // The database file was closed: a new connection can open it (and sees the demo's calls).
    const { openWorkspace } = await import('../../src-main/workspace');
    const ws = await openWorkspace(path.join(tmp, 'workspace.sqlite'));
    expect((ws.db.prepare('select count(*) as n from calls').get() as { n: number }).n).toBeGreaterThan(0);
    await ws.close();
  });

  it('a second instance hands over and quits without opening anything', async () => {
    const { app, protocol, ipcMain } = fake.electron;
    app.lock = false;
    await import('../../src-main/electron/main');
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('a damaged workspace file still gets a window, whose IPC answers with the failure', async () => {
    const { app, ipcMain, dialog } = fake.electron;
    writeFileSync(path.join(tmp, 'workspace.sqlite'), 'not a database, a note someone saved here');
    await import('../../src-main/electron/main');
    app.ready!.resolve();
    await until(() => fake.BrowserWindow.instances.length === 1, 'a window is created anyway');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
    const handler = ipcMain.handle.mock.calls[0]![1] as (
      e: CallEvent,
      m: unknown,
      i: unknown,
    ) => Promise<unknown>;
    const state = (await handler({ senderFrame: { url: APP_ENTRY_URL } }, 'session.state', {})) as {
      ok: true;
      value: { state: string; kind: string };
    };
    expect(state.value).toMatchObject({ state: 'failed', kind: 'corrupt' });
    const info = (await handler({ senderFrame: { url: APP_ENTRY_URL } }, 'workspace.info', {})) as {
      ok: false;
      error: { code: string };
    };
    expect(info.error.code).toBe('unavailable');
    const quitEvent = { preventDefault: vi.fn() };
    app.emit('will-quit', quitEvent);
    await until(() => app.quit.mock.calls.length > 0, 'quit resumes after closing');
  });

  it('packaged builds have no DevTools menu entry', async () => {
    const { app, Menu } = fake.electron;
    app.isPackaged = true;
    await import('../../src-main/electron/main');
    app.ready!.resolve();
    await until(() => fake.BrowserWindow.instances.length === 1, 'a window is created once ready');
    expect(JSON.stringify(Menu.buildFromTemplate.mock.calls[0]?.[0])).not.toContain('toggleDevTools');
    expect(fake.BrowserWindow.instances[0]!.options).toMatchObject({ webPreferences: { devTools: false } });
    const quitEvent = { preventDefault: vi.fn() };
    app.emit('will-quit', quitEvent);
    await until(() => app.quit.mock.calls.length > 0, 'quit resumes after closing');
  });
});

// ---------------------------------------------------------------------------------------------------
// Build config agrees with the paths main.ts loads
// ---------------------------------------------------------------------------------------------------
describe('electron.vite.config.ts', () => {
  it('builds out/main/index.js (package.json main) and a CommonJS out/preload/index.cjs', async () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    // A computed path: the config is not part of the test project's TypeScript program.
    const configFile = path.join(repo, 'electron.vite.config.ts');
    const config = ((await import(configFile)) as { default: unknown }).default as {
      main: {
        build: { rolldownOptions: { input: Record<string, string>; output: Record<string, string> } };
      };
      preload: {
        build: { rolldownOptions: { input: Record<string, string>; output: Record<string, string> } };
      };
    };
    // The import's worker thread is a second entry; produce-in-worker.ts starts it as
    // ./produce-worker.js beside whichever out/main chunk holds that code.
    expect(Object.keys(config.main.build.rolldownOptions.input)).toEqual(['index', 'produce-worker']);
    expect(config.main.build.rolldownOptions.input.index).toBe(MAIN_TS);
    expect(config.main.build.rolldownOptions.input['produce-worker']).toBe(
      path.join(repo, 'src-main/import/produce-worker.ts'),
    );
    expect(config.main.build.rolldownOptions.output).toEqual({
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
    });
    expect(config.preload.build.rolldownOptions.input).toEqual({ index: PRELOAD_TS });
    expect(config.preload.build.rolldownOptions.output).toMatchObject({
      format: 'cjs',
      entryFileNames: '[name].cjs',
    });
    expect(readFileSync(MAIN_TS, 'utf8')).toContain("'../preload/index.cjs'");
  });
});
