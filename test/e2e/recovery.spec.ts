/**
 * A workspace file that cannot be opened still gets a page: the reason, the file, and the ways
 * out. Damaged → restore a backup (the damaged file is kept aside); newer schema → read-only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { startWebHost } from '../browser-mode';
import { runCli } from '../helpers';
import { adminUrl } from '../pg-admin';
import { expect, screenshot, test, tileValue } from './fixtures';

function cli(args: string[]): void {
  const r = runCli(args);
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
}

let dir: string;
let host: ChildProcess | null = null;
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-recovery-'));
});
test.afterEach(async () => {
  if (host) {
    host.kill('SIGTERM');
    await new Promise((resolve) => host!.once('exit', resolve));
    host = null;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A demo workspace with one verified manual backup beside it. */
function workspaceWithBackup(): string {
  const db = path.join(dir, 'workspace.sqlite');
  cli(['demo', '--agents', '5', '--days', '14', '--db', db]);
  cli([
    'backup',
    '--db',
    db,
    '--out',
    path.join(dir, 'backups/workspace.manual.2026-11-20T08-00-00-000Z.sqlite'),
  ]);
  return db;
}

test('a damaged workspace: the recovery page restores a backup and the dashboard comes back', async ({
  page,
}) => {
  const db = workspaceWithBackup();
  fs.writeFileSync(db, 'Agent,Calls\n8001,120\n'); // someone saved a CSV over it
  for (const suffix of ['-wal', '-shm']) fs.rmSync(db + suffix, { force: true });

  const started = await startWebHost(db);
  host = started.child;
  await page.goto(started.url);
  const recovery = page.getByTestId('recovery');
  await expect(recovery).toHaveAttribute('data-kind', 'corrupt');
  await expect(recovery).toContainText('This workspace file is damaged');
  await expect(recovery).toContainText(db);
  await expect(page.getByTestId('recovery-read-only')).toHaveCount(0); // nothing to read
  await expect(page.getByTestId('backups-table').locator('tbody tr')).toHaveCount(1);
  await screenshot(page, 'recovery-corrupt-en');

  await page.getByTestId('restore').click();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restored-notice')).toContainText('workspace.set-aside.');
  await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /^[1-9]\d*$/, {
    timeout: 30_000,
  });
  // The damaged file was moved aside, not deleted.
  const aside = fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('.set-aside.'));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(dir, 'backups', aside[0]!), 'utf8')).toBe('Agent,Calls\n8001,120\n');
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('a workspace from a newer Callscope opens read-only and says so above every page', async ({
    page,
  }) => {
    const db = workspaceWithBackup();
    const raw = new BetterSqlite3(db);
    const version = raw.pragma('user_version', { simple: true }) as number;
    raw.pragma(`user_version = ${version + 1}`);
    raw.close();

    const started = await startWebHost(db);
    host = started.child;
    await page.goto(started.url);
    await expect(page.getByTestId('recovery')).toHaveAttribute('data-kind', 'newer_schema');
    await expect(page.getByTestId('recovery')).toContainText('此工作区由更新版本的 Callscope 保存');
    await screenshot(page, 'recovery-newer-zh-CN');

    await page.getByTestId('recovery-read-only').click();
    await expect(page.getByTestId('read-only-notice')).toContainText('只读');
    await expect(page.getByTestId('kpi-dials')).toHaveAttribute('data-value', /^[1-9]\d*$/, {
      timeout: 30_000,
    });
    expect(await tileValue(page, 'dials')).toBeGreaterThan(0);
    await screenshot(page, 'recovery-read-only-zh-CN');

    // It can still be backed up; a change is refused with the reason; the file keeps its schema.
    await page.goto(`${started.url.split('#')[0]}#/settings`);
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backups-status')).toContainText('.manual.');
    await page.getByTestId('settings-currency').selectOption('USD');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-form').getByRole('alert')).toContainText('read-only');
    const check = new BetterSqlite3(db, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(version + 1);
    check.close();
  });
});

test('a team workspace that cannot be reached says so: the server, not a file, and no file backups', async ({
  page,
}) => {
  // A database that does not exist on the test server: the login is refused.
  const url = new URL(adminUrl());
  url.pathname = '/callscope_no_such_database';
  const started = await startWebHost(url.toString());
  host = started.child;
  await page.goto(started.url);
  const recovery = page.getByTestId('recovery');
  await expect(recovery).toHaveAttribute('data-kind', 'unreadable');
  await expect(recovery.locator('h1')).toHaveText('This team workspace cannot be opened');
  await expect(recovery).toContainText('PostgreSQL server can be reached');
  await expect(recovery.locator('dt').first()).toHaveText('Team workspace');
  await expect(recovery).toContainText('callscope_no_such_database');
  await expect(page.locator('.recovery__backups')).toContainText('backed up by its database server');
  await expect(page.locator('.recovery__backups')).not.toContainText('No backups were found');
  await screenshot(page, 'recovery-team-unreachable-en');
});
