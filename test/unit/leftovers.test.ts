/**
 * Backups and PDF exports leave nothing behind when they end or are killed; the next start
 * cleans what a killed one left (kills are real SIGKILLs of child processes).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { backupDir, dailyBackup } from '../../src-main/backups';
import { processAlive } from '../../src-main/owned-temp';
import { sweepAbandonedPdfRuns } from '../../src-main/reports/pdf-render';
import { openWorkspace } from '../../src-main/workspace';
import { FIXTURES, openTestWorkspace, REPO, tempDir } from '../helpers';

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The workspace's own backup copies a SQLite file (a team workspace is backed up with pg_dump).
describe('backups', () => {
  it('leave only the backup file: no .partial, -wal or -shm', async () => {
    const t = await openTestWorkspace(undefined, { engine: 'sqlite' });
    await t.importFile(path.join(FIXTURES, 'calls/callscope-basic.csv'));
    const manual = await t.call('backups.create');
    const daily = await dailyBackup(t.ws, Date.parse('2026-11-05T04:00:00Z'));
    expect(fs.readdirSync(backupDir(t.file)).sort()).toEqual([manual.name, path.basename(daily!)].sort());
    // Listing and restoring read the backups: still nothing beside them.
    await t.call('backups.list');
    await t.call('backups.restore', { name: manual.name });
    const names = fs.readdirSync(backupDir(t.file));
    expect(names.filter((n) => /partial|-wal$|-shm$/.test(n))).toEqual([]);
    await t.close();
  });

  it('cut off midway leave files the next start removes', async () => {
    const t = await openTestWorkspace(undefined, { engine: 'sqlite' });
    const made = await t.call('backups.create');
    await t.api.close();
    await t.ws.close();
    // What a backup killed between its copy and its rename leaves.
    const dir = backupDir(t.file);
    const cut = path.join(dir, 'workspace.manual.2026-11-05T04-00-00-000Z.sqlite.partial');
    for (const suffix of ['', '-wal', '-shm']) fs.writeFileSync(cut + suffix, Buffer.alloc(4096, 1));
    const ws = await openWorkspace(t.file);
    expect(fs.readdirSync(dir)).toEqual([made.name]);
    await ws.close();
    fs.rmSync(t.dir, { recursive: true, force: true });
  });
});

describe('a PDF export whose process is killed', () => {
  it('leaves a Chromium and a folder that the next start ends and removes', async () => {
    const tmp = tempDir('callscope-pdf-kill-');
    const script = path.join(tmp, 'export.mts');
    // A page heavy enough that Chromium is still printing when its parent dies.
    fs.writeFileSync(
      script,
      `import { chromiumCliPdf } from ${JSON.stringify(path.join(REPO, 'src-main/reports/pdf-render.ts'))};\n` +
        `const rows = Array.from({ length: 40000 }, (_, i) => '<tr><td>' + i + '</td><td>row</td></tr>').join('');\n` +
        `await chromiumCliPdf('<table>' + rows + '</table>', new AbortController().signal);\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => {
      if (code !== null) stderr += `\n(exited ${code})`;
    });
    let runDir = '';
    let chromiumPid = 0;
    await until(() => {
      if (stderr.includes('exited')) throw new Error(`the export stopped before it was killed: ${stderr}`);
      const found = fs.readdirSync(tmp).find((n) => n.startsWith('callscope-pdf-'));
      if (!found) return false;
      runDir = path.join(tmp, found);
      const pidFile = path.join(runDir, 'chromium.pid');
      if (!fs.existsSync(pidFile)) return false;
      chromiumPid = Number(fs.readFileSync(pidFile, 'utf8'));
      return chromiumPid > 0;
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(processAlive(chromiumPid)).toBe(true); // orphaned, still printing
    expect(sweepAbandonedPdfRuns(tmp)).toEqual([runDir]);
    await until(() => !processAlive(chromiumPid), 10_000); // a zombie counts as gone
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('callscope-pdf-'))).toEqual([]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 120_000);
});

describe('whether a process that holds a lock or a temp folder is alive', () => {
  it('a killed process nobody has reaped (a zombie) is not', async () => {
    // A parent that forks a child which exits at once, and never waits for it (perl is in every
    // Debian; a shell may reap its child before it execs).
    const parent = spawn(
      'perl',
      ['-e', '$| = 1; my $pid = fork(); if ($pid == 0) { exit 0 } print "$pid\n"; sleep 30;'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const zombie = await new Promise<number>((resolve) =>
      parent.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    try {
      await until(() => fs.readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z'), 10_000);
      expect(processAlive(zombie)).toBe(false);
      expect(processAlive(parent.pid!)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
