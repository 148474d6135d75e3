/**
 * Temp folders that name their owner: each holds `owner.pid`, so whoever starts next can tell the
 * folders a killed process left behind (owner gone) from those a running one still uses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { now as clockNow } from './clock';

export const OWNER_FILE = 'owner.pid';
/** A folder without its owner file yet may be one being made right now: left alone this long. */
const UNOWNED_GRACE_MS = 60_000;

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A killed process whose parent has not reaped it still answers signal 0; on Linux its state says
 * it is dead (a container's init may never reap it, and its lock must not hold writers forever).
 */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S …": the state follows the last ")" (comm may itself hold parentheses).
    if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z') return false;
    // A multi-threaded process's main thread turns Z first; its files (and SQLite's locks on them)
    // are closed only when its last thread (an import's worker) has exited too.
    return fs.readdirSync(`/proc/${pid}/task`).length <= 1;
  } catch {
    return false; // no /proc (macOS, Windows): signal 0 is all there is
  }
}

/** Makes `<tmp>/<prefix>XXXXXX` owned by this process. */
export function makeOwnedTempDir(prefix: string, tmp = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(tmp, prefix));
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  return dir;
}

/**
 * Removes the `<prefix>*` folders whose owner is gone; `beforeRemoving` may first end what the
 * dead owner started from there (a Chromium it spawned). Returns the folders removed.
 */
export function sweepOwnedTempDirs(
  prefix: string,
  tmp = os.tmpdir(),
  beforeRemoving: (dir: string) => void = () => undefined,
): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(tmp).filter((n) => n.startsWith(prefix));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = path.join(tmp, name);
    let owner = 0;
    try {
      owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
    } catch {
      const age = clockNow() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? clockNow());
      if (age < UNOWNED_GRACE_MS) continue;
    }
    if (processAlive(owner)) continue;
    try {
      beforeRemoving(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    removed.push(dir);
  }
  return removed;
}
