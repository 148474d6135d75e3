/**
 * What the host's bounds look like on screen: a file and an agent named with a right-to-left
 * override shown visibly, Undo running as a job, and the upload limit in Settings — in both
 * languages.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CALLSCOPE_ALL_COLUMNS, writeCallLog } from '../call-log';
import { CLI_COMMAND } from '../entry-points';
import { importCsv } from './call-files';
import { expect, REPO, SCREENSHOTS, screenshot, test } from './fixtures';

const RLO = '\u202E';

test('bidi names show visibly, undo runs as a job, the upload limit is a setting', async ({
  appPage: page,
  app,
}) => {
  importCsv(
    app,
    `${RLO}gnp.exe.csv`,
    [
      CALLSCOPE_ALL_COLUMNS,
      `R1,9001,${RLO}gnp.exe,T1,C1,2026-11-03 09:15:02,13800138001,outbound,connected,5,125,intent,,`,
      `R2,9001,${RLO}gnp.exe,T1,C1,2026-11-03 09:25:02,13800138002,outbound,no_answer,25,0,,,`,
    ],
    '--tz',
    'Asia/Shanghai',
  );
  const base = page.url().split('#')[0];
  await page.reload();
  await page.goto(`${base}#/import`);
  const history = page.locator('.history__file').first();
  await expect(history).toHaveText(`[U+202E]gnp.exe.csv`);
  await screenshot(page, 'host-bounds-import-history-en');

  await page.getByTestId('undo-batch-1').click();
  await page.getByTestId('confirm-undo-1').click();
  await expect(page.locator('tr.is-undone')).toHaveCount(1);

  await page.goto(`${base}#/settings`);
  await page.getByTestId('settings-upload-limit').selectOption('1024');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('settings-upload-limit')).toHaveValue('1024');
  await screenshot(page, 'host-bounds-settings-en');

  await page.getByTestId('settings-language').selectOption('zh-CN');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('上传文件大小上限')).toBeVisible();
  await screenshot(page, 'host-bounds-settings-zh-CN');
  await page.goto(`${base}#/import`);
  await expect(page.locator('.history__file').first()).toHaveText(`[U+202E]gnp.exe.csv`);
  await screenshot(page, 'host-bounds-import-history-zh-CN');
});

test('an import started while the command line imports waits in line, saying for what', async ({
  appPage: page,
  app,
}) => {
  test.setTimeout(180_000);
  const big = path.join(app.dir, 'big.csv');
  writeCallLog(big, 'B', 120_000);
  const small = path.join(app.dir, 'small.csv');
  writeCallLog(small, 'S', 10);
  const [node, ...cliArgs] = CLI_COMMAND;
  const cli = spawn(node, [...cliArgs, 'import', big, '--db', app.db, '--tz', 'Asia/Shanghai'], {
    cwd: REPO,
    stdio: 'ignore',
  });
  const cliDone = new Promise((resolve) => cli.once('exit', resolve));
  // The lock of the import itself (a CLI import into a workspace without days first sets its zone,
  // a write of its own that ends at once).
  const lockNames = (file: string) => {
    try {
      return fs.readFileSync(`${app.db}.writer-lock`, 'utf8').includes(file);
    } catch {
      return false;
    }
  };
  await expect.poll(() => lockNames('big.csv'), { timeout: 60_000 }).toBe(true);
  // Pause the importing process while it holds the lock, so how fast this machine imports
  // 120,000 rows cannot end the wait before the app's import asks (a fast CI machine did).
  const holder = (JSON.parse(fs.readFileSync(`${app.db}.writer-lock`, 'utf8')) as { pid: number }).pid;
  process.kill(holder, 'SIGSTOP');
  try {
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(small);
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-waiting')).toHaveText(
      'Waiting for the import of big.csv to finish (started elsewhere, e.g. the command line)…',
      { timeout: 60_000 },
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'host-bounds-import-waiting-en.png') });
  } finally {
    process.kill(holder, 'SIGCONT');
  }
  await cliDone;
  // Then it runs: both batches land.
  await expect(page.locator('.history__file')).toHaveText(['small.csv', 'big.csv'], { timeout: 60_000 });
});

test('a file over the upload limit is refused before it is sent, in words', async ({
  appPage: page,
  app,
}) => {
  const url = new URL(app.url);
  const saved = await fetch(`${url.origin}/api/settings.update`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}` },
    body: JSON.stringify({ uploadLimitMb: 1 }),
  });
  expect(saved.status).toBe(200);
  await page.reload();
  const big = path.join(app.dir, 'two-megabytes.csv');
  fs.writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 0x41));
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(big);
  await expect(page.getByRole('alert')).toContainText(
    'two-megabytes.csv is larger than the upload limit of 1 MB. Raise the limit in Settings, or import the file with the command line.',
  );
  await screenshot(page, 'host-bounds-upload-too-large-en');
});
