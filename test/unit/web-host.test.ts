import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath, startWebHost, type WebHost } from '../../src-main/web/server';
import { FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';

/** A raw request, so Host and Origin can be set to anything (fetch forbids changing Host). */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser mode host', () => {
  let t: TestWorkspace;
  let host: WebHost;
  let rendererDir: string;
  let own: Record<string, string>;

  beforeAll(async () => {
    t = await openTestWorkspace();
    rendererDir = path.join(t.dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Callscope</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(t.dir, 'secret.txt'), 'secret');
    host = await startWebHost({ api: t.api, rendererDir });
    own = {
      Host: `127.0.0.1:${host.port}`,
      Authorization: `Bearer ${host.token}`,
      'Content-Type': 'application/json',
    };
  });
  afterAll(async () => {
    await host.close();
    await t.close();
  });

  it('prints a loopback address with a random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers API calls that carry the token', async () => {
    const r = await request(host.port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: own,
      body: '{}',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ timeZone: 'Asia/Shanghai', effectiveThresholdSeconds: 30 });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await request(host.port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: { Host: own.Host! },
      body: '{}',
    });
    expect(none.status).toBe(401);
    const wrong = await request(host.port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: { ...own, Authorization: `Bearer ${host.token.slice(0, -1)}x` },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await request(host.port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: { ...own, Host: `evil.example:${host.port}` },
      body: '{}',
    });
    expect(r.status).toBe(421);
    const page = await request(host.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(421);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const r = await request(host.port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: { ...own, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(r.status).toBe(403);
    const same = await request(host.port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: { ...own, Origin: `http://127.0.0.1:${host.port}` },
      body: '{}',
    });
    expect(same.status).toBe(200);
  });

  it('validates input against the contract and names the field', async () => {
    const r = await request(host.port, {
      method: 'POST',
      path: '/api/metrics.summary',
      headers: own,
      body: JSON.stringify({ filter: { from: '2026-11-01', to: 'soon' } }),
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/filter\.to: expected a date/),
    });
    const unknown = await request(host.port, {
      method: 'POST',
      path: '/api/fs.readFile',
      headers: own,
      body: '{}',
    });
    expect(unknown.status).toBe(404);
  });

  it('takes an upload and imports it', async () => {
    const csv = fs.readFileSync(path.join(FIXTURES, 'calls/callscope-basic.csv'));
    const up = await request(host.port, {
      method: 'POST',
      path: `/api/import.upload?name=${encodeURIComponent('通话记录.csv')}`,
      headers: { ...own, 'Content-Type': 'application/octet-stream' },
      body: csv,
    });
    expect(up.status).toBe(200);
    const { stagedId } = JSON.parse(up.body) as { stagedId: string };
    const start = await request(host.port, {
      method: 'POST',
      path: '/api/import.start',
      headers: own,
      body: JSON.stringify({ stagedId }),
    });
    const { jobId } = JSON.parse(start.body) as { jobId: string };
    const job = await t.api.jobs.wait(jobId);
    expect(job.result).toMatchObject({ file: '通话记录.csv', inserted: 12, rejected: 3 });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await request(host.port, { path: '/', headers: { Host: `localhost:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const route = await request(host.port, { path: '/dashboard', headers: { Host: own.Host! } });
    expect(route.body).toContain('<title>Callscope</title>');
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const r = await request(host.port, { path: p, headers: { Host: own.Host! } });
      expect(r.body).not.toContain('secret');
    }
    // `..` cannot climb above the root: it is clamped inside it
    expect(resolveStaticPath(rendererDir, '/%2e%2e/secret.txt')).toBe(path.join(rendererDir, 'secret.txt'));
    expect(resolveStaticPath(rendererDir, '/a%00b')).toBeNull();
    expect(resolveStaticPath(rendererDir, '/assets/app.js')).toBe(path.join(rendererDir, 'assets/app.js'));
  });

  it('listens on 127.0.0.1 only', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return expect(host.url.startsWith('http://127.0.0.1:')).toBe(true); // no other interface here
    await expect(
      new Promise((resolve, reject) => {
        const req = http.request(
          { host: external.address, port: host.port, path: '/', timeout: 2000 },
          resolve,
        );
        req.on('error', reject);
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.end();
      }),
    ).rejects.toThrow();
  });
});
