/**
 * Recordings through both doors — the web host's `/recordings/<call id>` and the Electron app://
 * protocol handler (run in Node with real Request objects, as electron-shell.test.ts does) — over a
 * real workspace whose calls carry recording references, some of them hostile.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  lookupCallRecording,
  parseByteRange,
  recordingsFolder,
  resolveRecordingRef,
} from '../../src-main/audits/recordings';
import { recordingSource } from '../../src-main/recordings/finder';
import { createAppProtocolHandler } from '../../src-main/electron/protocol';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';

const TONE = path.join(FIXTURES, 'recordings/tone.wav');

function get(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function post(port: number, urlPath: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

let t: TestWorkspace;
let folder: string;
let secret: string;
/** call ids by the name of their reference in REFS */
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await openTestWorkspace();
  // A team workspace lies in no folder: it is given the absolute one a file has beside it by default.
  if (t.ws.engine === 'postgres')
    await t.call('audits.setRecordingsFolder', { folder: path.join(t.dir, 'recordings') });
  folder = (await recordingsFolder(t.ws.kysely, t.file)).folder;
  expect(folder).toBe(path.join(t.dir, 'recordings'));
  fs.mkdirSync(path.join(folder, '2026'), { recursive: true });
  fs.copyFileSync(TONE, path.join(folder, '2026', 'tone.wav'));
  secret = path.join(t.dir, 'secret.txt');
  fs.writeFileSync(secret, 'TOP SECRET');
  fs.symlinkSync(secret, path.join(folder, 'link-out.wav'));
  fs.symlinkSync(path.join(folder, '2026', 'tone.wav'), path.join(folder, 'link-in.wav'));

  const refs: Record<string, string> = {
    good: '2026/tone.wav',
    backslash: '2026\\tone.wav',
    linkIn: 'link-in.wav',
    parent: '../secret.txt',
    nested: '2026/../../secret.txt',
    absolute: secret,
    linkOut: 'link-out.wav',
    missing: '2026/missing.wav',
    encoded: '..%2fsecret.txt',
    url: 'https://recordings.example/abc.wav',
  };
  const lines = ['call_id,agent_code,started_at,disposition,talk_seconds,recording'];
  Object.entries(refs).forEach(([name, ref], i) =>
    lines.push(`R-${name},7001,2026-11-02 10:0${i}:00,connected,40,"${ref.replace(/"/g, '""')}"`),
  );
  const csv = path.join(t.dir, 'calls.csv');
  fs.writeFileSync(csv, lines.join('\n'));
  expect((await t.importFile(csv, { preset: 'callscope' })).status).toBe('done');
  for (const r of await t.ws.kysely
    .selectFrom('calls')
    .select(['id', 'source_key', 'recording_ref'])
    .execute()) {
    const name = Object.entries(refs).find(([, ref]) => ref === r.recording_ref)?.[0];
    if (name) ids[name] = r.id;
  }
  expect(Object.keys(ids).sort()).toEqual(Object.keys(refs).sort());
});

afterAll(async () => t?.close());

describe('the shared resolver', () => {
  it('finds files inside the folder (also through a symlink that stays inside)', async () => {
    for (const name of ['good', 'backslash', 'linkIn']) {
      const found = await lookupCallRecording(t.ws.kysely, folder, String(ids[name]));
      expect(found, name).toMatchObject({ ok: true, size: 16044, contentType: 'audio/wav' });
    }
  });

  it('refuses ../, absolute paths, symlinks out and URLs', async () => {
    for (const name of ['parent', 'nested', 'absolute', 'linkOut', 'url']) {
      const found = await lookupCallRecording(t.ws.kysely, folder, String(ids[name]));
      expect(found, name).toMatchObject({ ok: false, status: 403 });
    }
    expect(resolveRecordingRef(folder, 'C:\\Windows\\win.ini')).toMatchObject({ ok: false, status: 403 });
    expect(resolveRecordingRef(folder, 'a\0b.wav')).toMatchObject({ ok: false, status: 403 });
  });

  it('says which path it looked for when the file is missing', async () => {
    expect(await lookupCallRecording(t.ws.kysely, folder, String(ids.missing))).toEqual({
      ok: false,
      status: 404,
      message: `recording not found: looked for ${path.join(folder, '2026', 'missing.wav')}`,
    });
    // A reference with an encoded "../" is a (missing) file name inside the folder, never a way out.
    const encoded = await lookupCallRecording(t.ws.kysely, folder, String(ids.encoded));
    expect(encoded).toMatchObject({ ok: false, status: 404 });
    expect(!encoded.ok && encoded.message).toContain(path.join(folder, '..%2fsecret.txt'));
  });

  it('takes only a call id, never a path', async () => {
    for (const text of ['../secret.txt', '..%2fsecret.txt', '1/../2', '0', '-1', '1.5', '']) {
      expect(await lookupCallRecording(t.ws.kysely, folder, text), text).toMatchObject({
        ok: false,
        status: 400,
      });
    }
    expect(await lookupCallRecording(t.ws.kysely, folder, '999999')).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('parses byte ranges as <audio> sends them', () => {
    expect(parseByteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseByteRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeNull(); // several ranges: the whole file
    expect(parseByteRange(undefined, 100)).toBeNull();
  });

  it('follows the recordings folder setting (relative to a workspace file, or absolute)', async () => {
    // A team workspace takes absolute folders only, and has no default to go back to.
    const file = t.ws.engine === 'sqlite';
    const moved = await t.call('audits.setRecordingsFolder', {
      folder: file ? 'elsewhere' : path.join(t.dir, 'elsewhere'),
    });
    expect(moved).toMatchObject({ folder: path.join(t.dir, 'elsewhere'), isDefault: false, exists: false });
    expect(await recordingSource(t.ws)(String(ids.good))).toMatchObject({ ok: false, status: 404 });
    const back = await t.call('audits.setRecordingsFolder', { folder: file ? null : folder });
    expect(back).toMatchObject({ folder, isDefault: file, exists: true });
    expect(await recordingSource(t.ws)(String(ids.good))).toMatchObject({ ok: true });
  });
});

describe('browser mode: GET /recordings/<call id>', () => {
  let host: WebHost;
  let own: Record<string, string>;
  /** the recordings cookie as the page sends it back (`name=key`) */
  let cookie: string;
  let setCookie: string;
  beforeAll(async () => {
    const rendererDir = path.join(t.dir, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Callscope</title>');
    host = await startWebHost({ api: t.api, rendererDir, recordings: recordingSource(t.ws) });
    own = { Host: `127.0.0.1:${host.port}` };
    // Any API call with the token hands the page its recordings cookie, as the page's first call does.
    const answer = await post(host.port, '/api/workspace.info', {
      ...own,
      Authorization: `Bearer ${host.token}`,
    });
    expect(answer.status).toBe(200);
    setCookie = String(answer.headers['set-cookie']?.[0] ?? '');
    cookie = setCookie.split(';')[0]!;
  });
  afterAll(async () => host?.close());

  it('the cookie is HttpOnly, SameSite=Strict, only for /recordings/, and carries no API token', async () => {
    const attributes = setCookie.split(';').map((a) => a.trim());
    expect(attributes).toEqual([cookie, 'Path=/recordings/', 'HttpOnly', 'SameSite=Strict']);
    expect(cookie).toMatch(new RegExp(`^callscope_rec_${host.port}=[A-Za-z0-9_-]{32}$`));
    expect(cookie).not.toContain(host.token);
    // The page load with the token gets it too; a load without the token does not.
    const page = await get(host.port, `/?token=${host.token}`, own);
    expect(page.headers['set-cookie']).toEqual([setCookie]);
    expect((await get(host.port, '/', own)).headers['set-cookie']).toBeUndefined();
    expect((await get(host.port, '/?token=wrong', own)).headers['set-cookie']).toBeUndefined();
  });

  it('serves the recording with the cookie, whole or by range', async () => {
    const whole = await get(host.port, `/recordings/${ids.good}`, { ...own, Cookie: cookie });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(fs.readFileSync(TONE))).toBe(true);

    const part = await get(host.port, `/recordings/${ids.good}`, {
      ...own,
      Cookie: `other=1; ${cookie}`,
      Range: 'bytes=44-1043',
    });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 44-1043/16044');
    expect(part.headers['content-length']).toBe('1000');
    expect(part.body.equals(fs.readFileSync(TONE).subarray(44, 1044))).toBe(true);

    const past = await get(host.port, `/recordings/${ids.good}`, {
      ...own,
      Cookie: cookie,
      Range: 'bytes=99999-',
    });
    expect(past.status).toBe(416);
    // A fetch with the Authorization header (the player asking why a file did not load) is let in.
    const byHeader = await get(host.port, `/recordings/${ids.good}`, {
      ...own,
      Authorization: `Bearer ${host.token}`,
      Range: 'bytes=0-0',
    });
    expect(byHeader.status).toBe(206);
  });

  it('refuses a request without the cookie, with a wrong one, or with the token in the URL', async () => {
    const refused = [
      await get(host.port, `/recordings/${ids.good}`, own),
      await get(host.port, `/recordings/${ids.good}`, { ...own, Range: 'bytes=0-99' }),
      await get(host.port, `/recordings/${ids.good}`, { ...own, Cookie: `${cookie.split('=')[0]}=wrong` }),
      await get(host.port, `/recordings/${ids.good}`, {
        ...own,
        Cookie: `callscope_rec_1=${cookie.split('=')[1]}`,
      }),
      await get(host.port, `/recordings/${ids.good}?token=${host.token}`, own),
    ];
    for (const res of refused) {
      expect(res.status).toBe(401);
      expect(res.body.includes(fs.readFileSync(TONE).subarray(44, 144))).toBe(false);
    }
  });

  it('wants its own Host and Origin even with the cookie', async () => {
    const foreignHost = await get(host.port, `/recordings/${ids.good}`, {
      Host: `evil.example:${host.port}`,
      Cookie: cookie,
    });
    expect(foreignHost.status).toBe(421);
    const foreignOrigin = await get(host.port, `/recordings/${ids.good}`, {
      ...own,
      Cookie: cookie,
      Origin: 'http://evil.example',
    });
    expect(foreignOrigin.status).toBe(403);
  });

  it('refuses traversal: in the URL (../, ..%2f, absolute) and in the call’s reference', async () => {
    for (const urlPath of [
      '/recordings/..%2f..%2fsecret.txt',
      '/recordings/%2e%2e%2fsecret.txt',
      '/recordings/..%2F2026%2Ftone.wav',
      `/recordings/${encodeURIComponent(secret)}`,
      '/recordings/%2fetc%2fpasswd',
    ]) {
      const res = await get(host.port, urlPath, { ...own, Cookie: cookie });
      expect(res.status, urlPath).toBe(400);
      expect(res.body.toString()).not.toContain('TOP SECRET');
    }
    // "../" in a raw URL is folded by the URL parser before routing: it never reaches a recording.
    const dotted = await get(host.port, '/recordings/../secret.txt', { ...own, Cookie: cookie });
    expect(dotted.body.toString()).not.toContain('TOP SECRET');

    for (const name of ['parent', 'nested', 'absolute', 'linkOut', 'url']) {
      const res = await get(host.port, `/recordings/${ids[name]}`, { ...own, Cookie: cookie });
      expect(res.status, name).toBe(403);
      expect(res.body.toString()).not.toContain('TOP SECRET');
    }
    const missing = await get(host.port, `/recordings/${ids.missing}`, { ...own, Cookie: cookie });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).error.message).toBe(
      `recording not found: looked for ${path.join(folder, '2026', 'missing.wav')}`,
    );
  });
});

describe('desktop: app://callscope/recordings/<call id>', () => {
  let handle: (request: Request) => Promise<Response>;
  beforeAll(() => {
    const rendererDir = path.join(t.dir, 'renderer-app');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Callscope</title>');
    handle = createAppProtocolHandler(rendererDir, recordingSource(t.ws));
  });
  const fetchApp = (url: string, headers: Record<string, string> = {}) =>
    handle(new Request(url, { headers }));

  it('serves the recording, whole or by range', async () => {
    const whole = await fetchApp(`app://callscope/recordings/${ids.good}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await whole.arrayBuffer()).equals(fs.readFileSync(TONE))).toBe(true);
    const part = await fetchApp(`app://callscope/recordings/${ids.good}`, { Range: 'bytes=-100' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 15944-16043/16044');
    expect(Buffer.from(await part.arrayBuffer()).equals(fs.readFileSync(TONE).subarray(15944))).toBe(true);
  });

  it('refuses traversal: in the URL and in the call’s reference', async () => {
    for (const url of [
      'app://callscope/recordings/..%2f..%2fsecret.txt',
      'app://callscope/recordings/%2e%2e%2fsecret.txt',
      `app://callscope/recordings/${encodeURIComponent(secret)}`,
      'app://callscope/recordings/%2fetc%2fpasswd',
    ]) {
      const res = await fetchApp(url);
      expect(res.status, url).toBe(400);
      expect(await res.text()).not.toContain('TOP SECRET');
    }
    const dotted = await fetchApp('app://callscope/recordings/../../secret.txt');
    expect(await dotted.text()).not.toContain('TOP SECRET');
    for (const name of ['parent', 'nested', 'absolute', 'linkOut', 'url']) {
      const res = await fetchApp(`app://callscope/recordings/${ids[name]}`);
      expect(res.status, name).toBe(403);
      expect(await res.text()).not.toContain('TOP SECRET');
    }
    const missing = await fetchApp(`app://callscope/recordings/${ids.missing}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(path.join(folder, '2026', 'missing.wav'));
  });
});
