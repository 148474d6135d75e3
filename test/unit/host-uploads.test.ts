/**
 * Uploads and request bodies are bounded: a size limit Settings can raise, streamed to staging,
 * 413 with a clear message (never a connection reset), no partial file left by a refused or
 * aborted upload, staging swept at start and after every job, and nosniff on every answer.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { Staging, sweepAbandonedStaging } from '../../src-main/staging';
import { FIXTURES, openTestWorkspace, REPO, tempDir, type TestWorkspace } from '../helpers';

const MB = 1024 * 1024;

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** Sends `chunks` (chunked when `length` is absent), resolving with the answer. */
function post(
  port: number,
  urlPath: string,
  headers: Record<string, string>,
  chunks: Buffer[],
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: urlPath, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          body: Buffer.concat(parts).toString('utf8'),
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

/** Files in the staging folder other than its owner marker. */
function stagedFiles(t: TestWorkspace): string[] {
  return fs.readdirSync(t.api.staging.folder).filter((n) => n !== 'owner.pid');
}

describe('uploads and bodies in the web host', () => {
  let t: TestWorkspace;
  let host: WebHost;
  let own: { Host: string; Authorization: string };

  beforeAll(async () => {
    t = await openTestWorkspace({ timeZone: 'Asia/Shanghai', uploadLimitMb: 1 });
    const rendererDir = path.join(t.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Callscope</title>');
    host = await startWebHost({ api: t.api, rendererDir });
    own = { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` };
  });
  afterAll(async () => {
    await host.close();
    await t.close();
  });

  it('says nosniff on API answers, errors and the page', async () => {
    const ok = await post(host.port, '/api/settings.get', own, [Buffer.from('{}')]);
    const unauthorised = await post(host.port, '/api/settings.get', { Host: own.Host }, [Buffer.from('{}')]);
    const unknown = await post(host.port, '/api/no.such', own, [Buffer.from('{}')]);
    expect([ok.status, unauthorised.status, unknown.status]).toEqual([200, 401, 404]);
    for (const r of [ok, unauthorised, unknown]) expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 413 to a JSON body over 10 MB, with or without a Content-Length', async () => {
    const big = Buffer.alloc(11 * MB, 0x20);
    const sized = await post(
      host.port,
      '/api/settings.get',
      { ...own, 'Content-Length': String(big.length) },
      [big],
    );
    const chunked = await post(host.port, '/api/settings.get', own, [
      big.subarray(0, 6 * MB),
      big.subarray(6 * MB),
    ]);
    for (const r of [sized, chunked]) {
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toEqual({
        error: { code: 'bad_input', message: 'request body is larger than 10 MB' },
      });
    }
    // The host still answers on the same port afterwards.
    expect((await post(host.port, '/api/settings.get', own, [Buffer.from('{}')])).status).toBe(200);
  });

  it('refuses an upload over the limit with 413 and keeps nothing of it', async () => {
    const body = Buffer.alloc(2 * MB, 0x41);
    const message =
      'big.csv is larger than the upload limit of 1 MB; raise it in Settings → Import, or import the file with the command line.';
    const sized = await post(
      host.port,
      '/api/import.upload?name=big.csv',
      { ...own, 'Content-Length': String(body.length) },
      [body],
    );
    const chunked = await post(host.port, '/api/import.upload?name=big.csv', own, [
      body.subarray(0, MB),
      body.subarray(MB),
    ]);
    for (const r of [sized, chunked]) {
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toEqual({ error: { code: 'bad_input', message } });
    }
    expect(stagedFiles(t)).toEqual([]);
  });

  it('takes an upload under the limit, and a raised limit applies at once', async () => {
    const small = fs.readFileSync(path.join(FIXTURES, 'calls/callscope-basic.csv'));
    const r = await post(host.port, '/api/import.upload?name=basic.csv', own, [small]);
    expect(r.status).toBe(200);
    const { stagedId } = JSON.parse(r.body) as { stagedId: string };
    expect(fs.readFileSync(path.join(t.api.staging.folder, stagedId))).toEqual(small);
    await t.call('import.discard', { stagedId });

    await t.call('settings.update', { uploadLimitMb: 3 });
    const body = Buffer.alloc(2 * MB, 0x41);
    const raised = await post(host.port, '/api/import.upload?name=two.csv', own, [body]);
    expect(raised.status).toBe(200);
    await t.call('import.discard', { stagedId: (JSON.parse(raised.body) as { stagedId: string }).stagedId });
    await t.call('settings.update', { uploadLimitMb: 1 });
    expect(stagedFiles(t)).toEqual([]);
  });

  it('removes the partial file of an upload cut off midway', async () => {
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/import.upload?name=cut.csv',
        headers: { ...own, 'Content-Length': String(900 * 1024) },
      });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(300 * 1024, 0x42), () => {
        // Let the host start writing the file, then drop the connection.
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 200);
      });
    });
    // The host notices the cut and removes the file.
    for (let i = 0; i < 50 && stagedFiles(t).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(stagedFiles(t)).toEqual([]);
  });

  it('sweeps what no staged id holds after every job', async () => {
    const stray = path.join(t.api.staging.folder, 'left-by-a-crashed-preview');
    fs.writeFileSync(stray, 'x');
    const job = await t.importFile(path.join(FIXTURES, 'calls/callscope-basic.csv'));
    expect(job.status).toBe('done');
    expect(fs.existsSync(stray)).toBe(false);
  });
});

describe('staging left by a crash', () => {
  it('is swept at start when its owner is gone, and kept while its owner runs', () => {
    const tmp = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const crashed = path.join(tmp, 'callscope-staging-crashed');
    const running = path.join(tmp, 'callscope-staging-running');
    const owners: [string, string][] = [
      [crashed, dead.stdout],
      [running, String(process.pid)],
    ];
    for (const [dir, pid] of owners) {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'owner.pid'), pid);
      fs.writeFileSync(path.join(dir, 'partial-upload'), 'x'.repeat(1000));
    }
    expect(sweepAbandonedStaging(tmp)).toEqual([crashed]);
    expect(fs.readdirSync(tmp)).toEqual(['callscope-staging-running']);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('of a host killed mid-upload is removed by the next start', async () => {
    const tmp = tempDir('callscope-staging-kill-');
    const script = path.join(tmp, 'stage.mts');
    // A host that has a staged file and an upload half written when it is killed.
    fs.writeFileSync(
      script,
      `import { PassThrough } from 'node:stream';\n` +
        `import { Staging } from ${JSON.stringify(path.join(REPO, 'src-main/staging.ts'))};\n` +
        `const staging = new Staging();\n` +
        `await staging.stageBytes('done.csv', new Uint8Array(1000));\n` +
        `const body = new PassThrough();\n` +
        `void staging.stageStream('half.csv', body);\n` +
        `body.write(Buffer.alloc(64 * 1024));\n` +
        `console.log(staging.folder);\n` +
        `setInterval(() => undefined, 1000);\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const folder = await new Promise<string>((resolve) =>
      child.stdout!.on('data', (c: Buffer) => resolve(c.toString().trim())),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fs.readdirSync(folder).length).toBe(3); // owner.pid, the staged file, the half upload
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(sweepAbandonedStaging(tmp)).toEqual([folder]);
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('callscope-staging-'))).toEqual([]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  it('a new staging marks its folder with its owner', () => {
    const staging = new Staging();
    expect(fs.readFileSync(path.join(staging.folder, 'owner.pid'), 'utf8')).toBe(String(process.pid));
    staging.dispose();
  });
});
