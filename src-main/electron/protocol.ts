/**
 * Serves the built renderer (out/renderer) as `app://callscope/...` instead of file://: pages get a
 * real origin (the IPC sender check and the CSP rely on it) and can read nothing outside that folder.
 * Electron is passed in, not imported, so tests run the handler in Node with real files.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { RECORDINGS_ROUTE, type RecordingSource } from '../audits/recordings';
import { streamRecordingResponse } from '../audits/recording-stream';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, trustedUrl } from './guards';

/** `standard` gives the scheme an origin and relative URLs; `secure` makes it a secure context. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

/** Must run before the app's `ready` event. */
export function registerAppScheme(protocol: { registerSchemesAsPrivileged(schemes: CustomScheme[]): void }) {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file under `root` a URL path names, or null when it would leave `root`: `..` segments (also
 * percent-encoded, e.g. `..%2f`), absolute paths, drive letters, backslashes on Windows, NUL bytes.
 * `pathApi` lets tests check Windows rules on any machine.
 */
export function resolveInside(root: string, urlPath: string, pathApi: PathApi = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed escape
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^\//, '');
  if (relative === '') return null;
  if (pathApi.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const base = pathApi.resolve(root);
  const target = pathApi.resolve(base, relative);
  const fromBase = pathApi.relative(base, target);
  if (fromBase === '' || fromBase === '..' || fromBase.startsWith(`..${pathApi.sep}`)) return null;
  if (pathApi.isAbsolute(fromBase)) return null; // another drive on Windows
  return target;
}

/** The renderer file an `app://callscope/...` URL names (`/` is index.html), or null if refused. */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  const url = trustedUrl(requestUrl);
  if (url === null) return null;
  const pathname = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname;
  return resolveInside(rendererDir, pathname);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function refuse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * `app://callscope/recordings/<call id>`: the call's recording through the shared resolver (only
 * files inside the recordings folder), streamed from disk with Range support so `<audio>` can seek.
 */
async function serveRecording(
  request: Request,
  recordings: RecordingSource,
  callIdText: string,
): Promise<Response> {
  const found = await recordings(callIdText);
  if (!found.ok) return refuse(found.status, found.message);
  return streamRecordingResponse(request, found, securityHeaders());
}

/**
 * The protocol handler: GET/HEAD of files under `rendererDir`, each response with our CSP, and the
 * calls' recordings under `/recordings/` when a source is given.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  recordings?: RecordingSource,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');
    const recordingId = recordingIdOf(request.url);
    if (recordingId !== null) {
      if (!recordings) return refuse(404, 'not found');
      return serveRecording(request, recordings, recordingId);
    }
    let file = resolveRendererFile(rendererDir, request.url);
    if (file === null) return refuse(403, 'forbidden');
    if (!(await isFile(file))) {
      // A client-side route (no extension) reloads as the app itself; a missing asset is a 404.
      if (path.extname(file) !== '') return refuse(404, 'not found');
      file = path.join(rendererDir, 'index.html');
      if (!(await isFile(file))) return refuse(404, 'not found');
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { ...securityHeaders(), 'Content-Type': type };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(await readFile(file), { status: 200, headers });
  };
}

/** The raw text after `/recordings/` in an `app://callscope/recordings/...` URL, else null. */
export function recordingIdOf(requestUrl: string): string | null {
  const url = trustedUrl(requestUrl);
  if (url === null) return null;
  return url.pathname.startsWith(RECORDINGS_ROUTE) ? url.pathname.slice(RECORDINGS_ROUTE.length) : null;
}

/** Call after `ready`. */
export function handleAppProtocol(
  protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void },
  rendererDir: string,
  recordings?: RecordingSource,
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, recordings));
}
