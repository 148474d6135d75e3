#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is available, else browser mode (`npm run web`).
// Extra arguments pass through to either (e.g. `npm start -- --db ./team.sqlite`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

/**
 * The Electron binary's path when it is on disk and can open a window here, else why not. We read
 * the package's own `path.txt` instead of `require('electron')`: that call tries to download the
 * binary and prints a stack trace and install advice when it cannot, which is noise on a machine
 * where browser mode is the intended way in.
 */
function findElectron() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'the Electron binary was not downloaded' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  const binary = path.join(distDir, relative);
  if (!existsSync(binary)) return { reason: 'the Electron binary is missing' };
  // Linux without a display server (a container, an SSH session) cannot open a window.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { reason: 'there is no display' };
  return { binary };
}

/** Runs a child with our terminal and resolves with its exit code (a signal counts as failure). */
function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`callscope: could not run ${command}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** The local electron-vite's CLI, run with this Node (no shell, so paths with spaces work on Windows). */
function electronViteCli() {
  const pkgFile = require.resolve('electron-vite/package.json');
  const bin = JSON.parse(readFileSync(pkgFile, 'utf8')).bin['electron-vite'];
  return path.join(path.dirname(pkgFile), bin);
}

async function desktop(electron) {
  const built = spawnSync(process.execPath, [electronViteCli(), 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) return built.status ?? 1;
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
  // The repo root: package.json `main` is out/main/index.js.
  return run(electron, [root, ...args], { env });
}

async function browser() {
  const web = ['run', '--silent', 'web', '--', ...args];
  // The web host prints the one line that says why the browser, with its address.
  const env = { ...process.env, CALLSCOPE_DESKTOP_UNAVAILABLE: '1' };
  // Under `npm start`, npm_execpath is npm's own CLI: run it with this Node, no shell needed.
  if (process.env.npm_execpath) return run(process.execPath, [process.env.npm_execpath, ...web], { env });
  return run('npm', web, { env, shell: process.platform === 'win32' });
}

const electron = findElectron();
if (electron.binary) {
  process.exitCode = await desktop(electron.binary);
} else {
  // Why is for whoever debugs it (CALLSCOPE_DEBUG=1); a user needs only the address.
  if (process.env.CALLSCOPE_DEBUG) console.error(`callscope: no desktop shell: ${electron.reason}`);
  process.exitCode = await browser();
}
