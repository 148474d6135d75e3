/**
 * Backups of a workspace, made with SQLite's online backup API (consistent while the app reads
 * and writes) into `backups/` beside the file, and verified (opened, integrity-checked) before
 * they count. Daily backups are automatic, kept for the last 7 days plus the newest of each of
 * the last 4 weeks; manual ones and the copy made before a restore are kept until deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays, isDay, todayIn, weekdayOf, type Day } from '../src-shared/time';
import {
  checkDatabaseFile,
  copyDatabase,
  copyDatabaseFileOver,
  fileSchemaVersion,
  restoreWorkspaceFrom,
  type CopySource,
} from './db/sqlite-backup';
import { LATEST_VERSION } from './db/migrations';
import { ApiError, notFound } from './errors';
import type { Workspace } from './workspace';
import { now as clockNow } from './clock';

export type BackupKind = 'daily' | 'manual' | 'before-restore' | 'before-migration';

export interface BackupFile {
  name: string;
  kind: BackupKind;
  size: number;
  createdAt: number;
}

const DAILY_KEEP = 7;
const WEEKLY_KEEP = 4;
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first check waits: copying a large workspace must not compete with the first dashboard load. */
const FIRST_CHECK_AFTER_MS = 90 * 1000;

export const TEAM_BACKUP_REFUSAL =
  "A team workspace lives in PostgreSQL and is backed up there, with pg_dump (ask whoever runs the server). Callscope's own backups are for workspace files.";

/** A team workspace's backups are PostgreSQL's (pg_dump): every backup method says so. */
export function refuseTeamBackups(ws: Pick<Workspace, 'engine'>): void {
  if (ws.engine === 'postgres') throw new ApiError('conflict', TEAM_BACKUP_REFUSAL);
}

export function backupDir(workspaceFile: string): string {
  return path.join(path.dirname(path.resolve(workspaceFile)), 'backups');
}

function baseName(workspaceFile: string): string {
  return path.basename(workspaceFile, path.extname(workspaceFile));
}

function stamp(now = clockNow()): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/** Opens a backup read-only and checks it; throws with the reason when it is not a sound workspace. */
export function verifyBackup(file: string): void {
  try {
    checkDatabaseFile(file);
  } catch (err) {
    throw new ApiError('internal', `the backup ${file} is not usable: ${(err as Error).message}`);
  }
}

const PARTIAL = '.partial';

/**
 * Writes a verified copy of `source` (the open workspace, or a workspace file) to `out`; a copy
 * that fails verification is deleted, never kept.
 */
export async function writeVerifiedBackup(source: CopySource, out: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const partial = `${out}${PARTIAL}`;
  try {
    await copyDatabase(source, partial);
    verifyBackup(partial);
    fs.renameSync(partial, out);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
  }
}

/**
 * At start, under the write lock: what a backup killed midway left in `backups/` (its `.partial`
 * and the `-wal`/`-shm` reading one made). No backup of this workspace runs meanwhile.
 */
export function sweepBackupLeftovers(workspaceFile: string): string[] {
  const dir = backupDir(workspaceFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const left = names.filter((n) => /\.partial(-wal|-shm|-journal)?$/.test(n));
  for (const name of left) fs.rmSync(path.join(dir, name), { force: true });
  return left;
}

function kindOf(name: string, base: string): { kind: BackupKind; day: Day | null } | null {
  if (!name.startsWith(`${base}.`) || !name.endsWith('.sqlite')) return null;
  const middle = name.slice(base.length + 1, -'.sqlite'.length);
  const daily = /^daily\.(\d{4}-\d{2}-\d{2})$/.exec(middle);
  if (daily && isDay(daily[1]!)) return { kind: 'daily', day: daily[1]! };
  if (middle.startsWith('manual.')) return { kind: 'manual', day: null };
  if (middle.startsWith('before-restore.')) return { kind: 'before-restore', day: null };
  if (/^before-v\d+\./.test(middle)) return { kind: 'before-migration', day: null };
  return null;
}

export function listBackups(workspaceFile: string): BackupFile[] {
  const dir = backupDir(workspaceFile);
  if (!fs.existsSync(dir)) return [];
  const base = baseName(workspaceFile);
  const found: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const kind = kindOf(name, base);
    if (!kind) continue;
    const stat = fs.statSync(path.join(dir, name));
    found.push({ name, kind: kind.kind, size: stat.size, createdAt: stat.mtimeMs });
  }
  return found.sort((a, b) => b.createdAt - a.createdAt);
}

/** The daily backups to keep: the newest DAILY_KEEP days, and the newest day of each of the newest WEEKLY_KEEP weeks. */
export function dailyBackupsToKeep(days: readonly Day[]): Set<Day> {
  const newestFirst = [...new Set(days)].sort().reverse();
  const keep = new Set(newestFirst.slice(0, DAILY_KEEP));
  const weeks = new Set<Day>();
  for (const day of newestFirst) {
    const monday = addDays(day, 1 - weekdayOf(day));
    if (weeks.has(monday)) continue;
    if (weeks.size === WEEKLY_KEEP) break;
    weeks.add(monday);
    keep.add(day);
  }
  return keep;
}

/** Makes today's daily backup if there is none yet, then applies the retention. Returns the file made, if any. */
export async function dailyBackup(ws: Workspace, now = clockNow()): Promise<string | null> {
  refuseTeamBackups(ws);
  const today = todayIn((await ws.settings()).timeZone, now);
  const dir = backupDir(ws.path);
  const base = baseName(ws.path);
  const file = path.join(dir, `${base}.daily.${today}.sqlite`);
  let made: string | null = null;
  if (!fs.existsSync(file)) {
    await writeVerifiedBackup(ws, file);
    made = file;
  }
  const daily = listBackups(ws.path).flatMap((b) => {
    const day = kindOf(b.name, base)?.day;
    return day ? [{ name: b.name, day }] : [];
  });
  const keep = dailyBackupsToKeep(daily.map((b) => b.day));
  for (const b of daily) if (!keep.has(b.day)) fs.rmSync(path.join(dir, b.name), { force: true });
  return made;
}

/** Daily backups while the app runs: shortly after start (if today has none), then a check every hour. */
export function scheduleDailyBackups(ws: Workspace, onError: (err: unknown) => void): () => void {
  if (ws.engine === 'postgres') return () => undefined; // pg_dump's job (refuseTeamBackups)
  // Under the write queue: a backup never copies a half-written import.
  const run = () => void ws.writes.run(() => dailyBackup(ws)).catch(onError);
  const first = setTimeout(run, FIRST_CHECK_AFTER_MS);
  const timer = setInterval(run, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

export async function manualBackup(ws: Workspace): Promise<BackupFile> {
  refuseTeamBackups(ws);
  const name = `${baseName(ws.path)}.manual.${stamp()}.sqlite`;
  await writeVerifiedBackup(ws, path.join(backupDir(ws.path), name));
  return listBackups(ws.path).find((b) => b.name === name)!;
}

/**
 * Replaces the workspace's content with a backup's, after backing up the current state. The copy
 * goes through SQLite's backup API into the open file, so every connection sees the restored data.
 * Run it in the write queue: no import may be writing meanwhile.
 */
export async function restoreBackup(ws: Workspace, name: string): Promise<{ safetyCopy: string }> {
  refuseTeamBackups(ws);
  const backup = listBackups(ws.path).find((b) => b.name === name);
  if (!backup) throw notFound(`backup ${name}`);
  const source = path.join(backupDir(ws.path), backup.name);
  verifyBackup(source);
  refuseNewer(source, name);
  const safetyCopy = `${baseName(ws.path)}.before-restore.${stamp()}.sqlite`;
  await writeVerifiedBackup(ws, path.join(backupDir(ws.path), safetyCopy));
  // A backup from before a migration comes back at its old schema: brought up to date.
  await restoreWorkspaceFrom(ws, source);
  return { safetyCopy };
}

function refuseNewer(source: string, name: string): void {
  if (fileSchemaVersion(source) > LATEST_VERSION) {
    throw new ApiError('conflict', `${name} was written by a newer Callscope: update before restoring it`);
  }
}

/**
 * Restores a backup over a workspace file that could not be opened. The file (with its -wal and
 * -shm) is moved aside into `backups/` first, never deleted: a damaged file cannot be copied
 * through SQLite, and what it still holds may matter later.
 */
export async function restoreOverFailedFile(
  file: string,
  name: string,
): Promise<{ setAside: string | null }> {
  const backup = listBackups(file).find((b) => b.name === name);
  if (!backup) throw notFound(`backup ${name}`);
  const source = path.join(backupDir(file), backup.name);
  verifyBackup(source);
  refuseNewer(source, name);
  let setAside: string | null = null;
  if (fs.existsSync(file)) {
    setAside = path.join(backupDir(file), `${baseName(file)}.set-aside.${stamp()}.sqlite`);
    fs.renameSync(file, setAside);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, setAside + suffix);
    }
  }
  await copyDatabaseFileOver(source, file);
  return { setAside };
}
