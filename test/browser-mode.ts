/**
 * Browser mode as the end-to-end tests and the benchmarks run it: the real web host
 * (`src-main/web/main.ts`, bundled once per test run: test/entry-points.ts) over a workspace file,
 * and Debian's Chromium with the flags that keep it off the closed network (no browser download here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_HOST_COMMAND } from './entry-points';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Starts the web host over `db` and resolves with the tokened address it prints. */
export async function startWebHost(
  db: string,
  timeoutMs = 30_000,
): Promise<{ url: string; child: ChildProcess }> {
  const [node, ...host] = WEB_HOST_COMMAND;
  const child = spawn(node, [...host, '--db', db], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), timeoutMs);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.on('exit', (code) => reject(new Error(`web host exited (${code}): ${stderr}`)));
  });
  return { url, child };
}
