#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is available, else browser mode (`npm run web`).
// Extra arguments pass through to either (e.g. `npm start -- --db ./team.sqlite`).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

/** Electron's package returns the binary's path, downloading it on first use; it throws if it can't. */
function findElectron() {
  try {
    return { binary: require('electron') };
  } catch (err) {
    return { reason: err instanceof Error ? err.message : String(err) };
  }
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
  const web = ['run', 'web', '--', ...args];
  // Under `npm start`, npm_execpath is npm's own CLI: run it with this Node, no shell needed.
  if (process.env.npm_execpath) return run(process.execPath, [process.env.npm_execpath, ...web]);
  return run('npm', web, { shell: process.platform === 'win32' });
}

const electron = findElectron();
if (electron.binary) {
  process.exitCode = await desktop(electron.binary);
} else {
  console.error(`callscope: Electron is not available (${electron.reason}); starting browser mode instead.`);
  process.exitCode = await browser();
}
