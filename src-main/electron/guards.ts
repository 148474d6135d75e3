/**
 * The desktop shell's security rules as plain functions. Nothing here imports `electron` at run time:
 * the Electron binary cannot run on the build machines, so tests drive these with stand-ins in Node,
 * and `main.ts` only wires them to the real objects.
 */
import { resolveTarget } from '../workspace-target';
import type { Dispatch, Outcome } from '../dispatch';

/** Our pages are served only from this origin (see protocol.ts), never from file:// or http://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'callscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The one IPC channel for calls, and the one the main process pushes job updates on. */
export const CALL_CHANNEL = 'callscope:call';
export const JOB_CHANNEL = 'callscope:job';

/** Sent with every response of our protocol. The app loads nothing from anywhere but itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** True only for URLs of our own origin: `app://callscope/...`, no user info, no port. */
export function isTrustedUrl(url: string | null | undefined): boolean {
  return trustedUrl(url) !== null;
}

/** The URL parsed when it is of our own origin (as `isTrustedUrl` tells), else null. */
export function trustedUrl(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const ours =
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '';
  return ours ? parsed : null;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** Electron >= 25 puts the target on the event; the positional `url` argument is deprecated. */
export interface NavigationEvent extends PreventableEvent {
  readonly url?: string;
}

/** The part of Electron's WebContents the guards need, so a test can pass an EventEmitter. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent, url?: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent, url?: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type RefusalLog = (what: string, url: string) => void;

/**
 * No navigation away from our origin, no redirects elsewhere, no <webview>, no new windows. Links to
 * the outside are not opened in a browser either: `shell.openExternal` is never called.
 */
export function installNavigationGuards(contents: GuardableContents, log?: RefusalLog): void {
  const keepHome = (what: string) => (event: NavigationEvent, url?: string) => {
    const target = event.url ?? url ?? '';
    if (isTrustedUrl(target)) return;
    event.preventDefault();
    log?.(what, target);
  };
  contents.on('will-navigate', keepHome('navigation'));
  contents.on('will-redirect', keepHome('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log?.('webview', '');
  });
  contents.setWindowOpenHandler((details) => {
    log?.('window.open', details.url);
    return { action: 'deny' };
  });
}

/** The part of Electron's Session that answers permission questions. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** Camera, microphone, notifications, geolocation, USB...: a call-log app needs none of them. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** What the IPC handler reads from Electron's IpcMainInvokeEvent. */
export interface CallEvent {
  readonly senderFrame?: { readonly url: string } | null;
}

function senderUrl(event: CallEvent): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined; // the frame was disposed while the call was in flight
  }
}

/**
 * The `callscope:call` handler: only frames of our origin may call; the contract's dispatcher then
 * validates the input. An untrusted caller gets a rejected promise, not an Outcome.
 */
export function createCallHandler(dispatch: Dispatch, log?: RefusalLog) {
  return async (event: CallEvent, method: unknown, input: unknown): Promise<Outcome> => {
    const url = senderUrl(event);
    if (!isTrustedUrl(url)) {
      log?.('ipc call', url ?? '(no frame)');
      throw new Error('refused: call from an untrusted frame');
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'method must be a string' } };
    }
    return dispatch(method, input);
  };
}

/**
 * `--db <path>` or `--db=<path>` on the command line; relative paths are taken from `cwd`, a team
 * workspace's `postgres://` URL is taken as it is.
 */
export function dbPathFromArgv(argv: readonly string[], cwd: string = process.cwd()): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    let value: string | undefined;
    if (arg === '--db') value = argv[i + 1];
    else if (arg.startsWith('--db=')) value = arg.slice('--db='.length);
    else continue;
    if (!value || value.startsWith('--')) throw new Error('--db needs a path to a workspace file');
    return resolveTarget(value, cwd);
  }
  return undefined;
}
