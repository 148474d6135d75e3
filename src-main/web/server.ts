/**
 * Browser mode: a loopback HTTP host that serves the built renderer and the same API as the
 * desktop app. It listens on 127.0.0.1 only, wants the per-launch token on every API call, and
 * refuses any request whose Host or Origin is not its own address (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { authContract, mayCall, type ApiErrorBody, type Method } from '../../src-shared/api';
import type { Dispatch } from '../dispatch';
import { TooLargeError, type Staging } from '../staging';
import {
  parseByteRange,
  RECORDINGS_ROUTE,
  recordingHeaders,
  type RecordingSource,
} from '../audits/recordings';
import { recordingsCookie, type RecordingsCookie } from './recordings-cookie';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MAX_JSON_BYTES = 10 * 1024 * 1024;
/** How long a refused body is read on before the connection is closed. */
const DRAIN_MS = 30_000;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const STATUS: Record<ApiErrorBody['code'], number> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  busy: 409,
  internal: 500,
  unavailable: 503,
};

/** What the host serves: an API's dispatcher and its upload staging (a workspace's, or a session's). */
export interface HostedApi {
  dispatch: Dispatch;
  staging: Pick<Staging, 'stageStream'>;
}

export interface WebHostOptions {
  api: HostedApi;
  rendererDir: string;
  /** 0 or absent: a free port */
  port?: number;
  token?: string;
  /** finds a call's recording for `GET /recordings/<call id>` (absent: the route answers 404) */
  recordings?: RecordingSource;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  const code: ApiErrorBody['code'] = status === 403 || status === 421 ? 'unauthorized' : 'bad_input';
  send(res, status, { error: { code, message } });
}

function jsonTooLarge(): TooLargeError {
  return new TooLargeError(`request body is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB`);
}

/**
 * Reads a JSON body of at most MAX_JSON_BYTES. A larger one is read to its end and dropped (not
 * kept), so the caller can answer 413 instead of resetting the connection mid-send.
 */
function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_JSON_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > MAX_JSON_BYTES) return reject(jsonTooLarge());
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() === '' ? {} : JSON.parse(text));
      } catch {
        reject(new Error('request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Reads what is left of a refused body (bounded in time), so the answer reaches the client. */
function drain(req: http.IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      req.destroy();
      resolve();
    }, DRAIN_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}

/** Resolves a URL path to a file inside `root`, or null for anything that would leave it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rel = path.relative(root, resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return resolved;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const root = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      `the renderer is not built (${path.join(root, 'index.html')} is missing): run npm run build:renderer`,
    );
  }
  let port = 0;
  // Made once the port is known (the cookie's name carries it).
  let cookie: RecordingsCookie | null = null;

  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const authorised = (req: http.IncomingMessage, queryToken: string | null = null) => {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : (queryToken ?? ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  /**
   * The doors beside the dispatcher (uploads, recordings) on a team workspace: refused unless
   * the signed-in user may make `method` — for a recording, may find that call's recording (the
   * dispatcher's scoping: a lead's teams, an agent's own calls). Null: let in.
   */
  async function teamRefusal(method: Method, input?: unknown): Promise<ApiErrorBody | null> {
    const state = await options.api.dispatch('auth.state', {});
    if (!state.ok) return state.error;
    const { required, user } = authContract['auth.state'].output.parse(state.value);
    if (!required) return null;
    if (input === undefined)
      return mayCall(user?.role ?? null, method)
        ? null
        : { code: user ? 'forbidden' : 'unauthorized', message: `${method}: not for this user` };
    const outcome = await options.api.dispatch(method, input);
    return !outcome.ok && (outcome.error.code === 'forbidden' || outcome.error.code === 'unauthorized')
      ? outcome.error
      : null;
  }

  /** Gives the page its recordings cookie (on the page load with the token and every API answer). */
  const giveRecordingsCookie = (res: http.ServerResponse) => {
    if (cookie) res.setHeader('Set-Cookie', cookie.setCookie);
  };

  /**
   * `GET /recordings/<call id>`: the call's recording, with Range support so `<audio>` can seek.
   * An `<audio>` element cannot send a header: it brings the recordings cookie instead (never a
   * token in the URL); a fetch with the Authorization header is let in too.
   */
  async function handleRecording(req: http.IncomingMessage, res: http.ServerResponse, callIdText: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'only GET here');
    if (!cookie?.carriedBy(req.headers.cookie) && !authorised(req))
      return send(res, 401, {
        error: { code: 'unauthorized', message: 'missing or wrong recordings cookie' },
      });
    if (!options.recordings)
      return send(res, 404, { error: { code: 'not_found', message: 'no recordings' } });
    const refused = /^\d+$/.test(callIdText)
      ? await teamRefusal('recordings.find', { callId: Number(callIdText) })
      : null;
    if (refused) return send(res, STATUS[refused.code], { error: refused });
    const found = await options.recordings(callIdText);
    if (!found.ok) {
      const code: ApiErrorBody['code'] =
        found.status === 404 ? 'not_found' : found.status === 403 ? 'unauthorized' : 'bad_input';
      return send(res, found.status, { error: { code, message: found.message } });
    }
    const range = parseByteRange(req.headers.range, found.size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${found.size}` });
      return res.end();
    }
    res.writeHead(range ? 206 : 200, recordingHeaders(found, range));
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(found.file, range ? { start: range.start, end: range.end } : {}).pipe(res);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    query: URLSearchParams,
  ) {
    if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST');
    if (!authorised(req))
      return send(res, 401, { error: { code: 'unauthorized', message: 'missing or wrong token' } });
    giveRecordingsCookie(res);
    if (method === 'import.upload') {
      const name = query.get('name');
      if (!name) return refuse(res, 400, 'import.upload needs ?name=<file name>');
      const refused = await teamRefusal('import.stage');
      if (refused) {
        await drain(req);
        return send(res, STATUS[refused.code], { error: refused });
      }
      try {
        const declared = req.headers['content-length'];
        const stagedId = await options.api.staging.stageStream(
          name,
          req,
          declared === undefined ? undefined : Number(declared),
        );
        return send(res, 200, { stagedId });
      } catch (err) {
        if (!(err instanceof TooLargeError)) throw err;
        await drain(req);
        return refuse(res, 413, err.message);
      }
    }
    let input: unknown;
    try {
      if (Number(req.headers['content-length'] ?? 0) > MAX_JSON_BYTES) throw jsonTooLarge();
      input = await readJson(req);
    } catch (err) {
      await drain(req);
      return refuse(res, err instanceof TooLargeError ? 413 : 400, (err as Error).message);
    }
    const outcome = await options.api.dispatch(method, input);
    if (outcome.ok) send(res, 200, outcome.value);
    else send(res, STATUS[outcome.error.code], { error: outcome.error });
  }

  function handleStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
    query: URLSearchParams,
  ) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'only GET here');
    if (query.has('token') && authorised(req, query.get('token'))) giveRecordingsCookie(res);
    let file = resolveStaticPath(root, pathname === '/' ? '/index.html' : pathname);
    if (file === null) return refuse(res, 404, 'not found');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      if (path.extname(pathname)) return refuse(res, 404, 'not found');
      file = path.join(root, 'index.html'); // client-side routes
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    // Every answer, the API's JSON and errors included, is taken as the type it says it is.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // DNS rebinding: a page on evil.example that resolves to 127.0.0.1 sends its own Host/Origin.
    if (!ownHosts().includes(req.headers.host ?? '')) return refuse(res, 421, 'foreign Host header');
    const origin = req.headers.origin;
    if (
      origin !== undefined &&
      !ownHosts()
        .map((h) => `http://${h}`)
        .includes(origin)
    ) {
      return refuse(res, 403, 'foreign Origin');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const handled = url.pathname.startsWith('/api/')
      ? handleApi(req, res, url.pathname.slice('/api/'.length), url.searchParams)
      : url.pathname.startsWith(RECORDINGS_ROUTE)
        ? Promise.resolve(handleRecording(req, res, url.pathname.slice(RECORDINGS_ROUTE.length)))
        : Promise.resolve(handleStatic(req, res, url.pathname, url.searchParams));
    handled.catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { code: 'internal', message: (err as Error).message } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  cookie = recordingsCookie(port);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
