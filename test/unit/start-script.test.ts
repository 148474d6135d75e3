/**
 * `npm start` where Electron cannot run: one calm line with the browser address, no stack trace
 * and no install advice. The Electron binary is made absent by pointing Electron's own override
 * at an empty folder; the web host it starts is killed with its whole process group.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start without an Electron binary', () => {
  it('prints one calm line with the address and starts browser mode', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-start-'));
    temps.push(dir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'no-electron'),
    };
    delete env.npm_execpath; // as when run with plain `node`: start.mjs falls back to `npm` on PATH
    delete env.CALLSCOPE_DEBUG;
    delete env.NODE_ENV; // vitest's 'test' would build React's development bundle, as no user does
    const child = spawn(process.execPath, ['src-main/bin/start.mjs', '--db', path.join(dir, 'ws.sqlite')], {
      cwd: root,
      env,
      detached: true, // its own process group, so the npm -> tsx -> host chain dies with it
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    try {
      const deadline = Date.now() + 50_000;
      while (!/http:\/\/127\.0\.0\.1:\d+/.test(out) && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 200));
      const all = out + err;
      expect(out).toMatch(
        /^The desktop shell is not available here; opening in your browser at http:\/\/127\.0\.0\.1:\d+\/\S*\n$/,
      );
      expect(all).not.toMatch(/TypeError|install-electron|Downloading Electron|at \S+ \(|chunks are larger/);
      expect(err.trim()).toBe('');
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    }
  }, 60_000);
});
