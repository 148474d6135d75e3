/**
 * Settings → Activity: the changes made in the app, by the command line and (in a team workspace)
 * by someone signed in on another machine, newest first, in both languages; a change made
 * elsewhere shows without a reload.
 */
import Database from 'better-sqlite3';
import { answersIn } from '../helpers';
import { CALLSCOPE_ALL_COLUMNS } from '../call-log';
import { importCsv } from './call-files';
import { apiCall, expect, screenshot, switchToChinese, test } from './fixtures';

test('the activity log lists who changed what, newest first, in English and Chinese', async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '4', '--days', '10', '--seed', '2']);
  await page.reload();
  await apiCall(page, 'teams.create', { name: '三组' });
  importCsv(app, 'calls-dec.csv', [
    CALLSCOPE_ALL_COLUMNS,
    'A001,9201,测试丙,三组,老客续费,2026-12-04 10:00:00,13700137101,outbound,connected,4,95,intent,,',
  ]);
  await page.getByTestId('nav-settings').click();
  const table = page.getByTestId('activity-table');
  await table.scrollIntoViewIfNeeded();
  // a local workspace: one user, so no "who" column
  await expect(table.locator('thead th')).toHaveText(['When', 'What']);
  await expect(table.locator('tbody tr').first()).toContainText('Imported a file · calls-dec.csv');
  await expect(table.locator('tbody tr').nth(1)).toContainText('Created a team · 三组');
  await expect(table.locator('tbody tr').nth(2)).toContainText('Loaded the demo data');
  await screenshot(page, 'activity-local-en');

  // A team workspace's rows name who signed in (written here as another Callscope would: the
  // sign-in itself is another part of the work); the open page picks them up without a reload.
  const raw = new Database(app.db);
  const insert = raw.prepare(
    'INSERT INTO activity_log (at, user_id, actor, method, subject, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  insert.run('2026-12-07T00:30:05.000Z', 3, 'qa.lin', 'audits.submit', '#41 · 王伟', null);
  insert.run('2026-12-07T00:30:07.000Z', 2, 'lead.zhang', 'coaching.createNote', '#7 · 8001 王伟', null);
  insert.run('2026-12-07T00:30:09.000Z', 2, 'lead.zhang', 'targets.set', '2026-12 · 三组', null);
  raw
    .prepare("UPDATE import_batches SET created_by = 'lead.zhang' WHERE file_name LIKE '%calls-dec.csv'")
    .run();
  raw.close();
  await expect(table.locator('thead th')).toHaveText(['When', 'Who', 'What'], { timeout: 10_000 });
  await expect(table.locator('tbody tr').first()).toContainText('lead.zhang');
  await expect(table.locator('tbody tr').first()).toContainText('Set targets · 2026-12 · 三组');
  await expect(table.locator('tbody tr').nth(2)).toContainText('Submitted a spot-check · #41 · 王伟');
  await expect(table.locator('tbody tr').nth(3)).toContainText('not signed in');
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'activity-team-en');

  await switchToChinese(page);
  await page.getByTestId('nav-settings').click();
  await table.scrollIntoViewIfNeeded();
  await expect(table.locator('thead th')).toHaveText(['时间', '操作人', '操作']);
  // switching the language was itself a change of settings
  await expect(table.locator('tbody tr').first()).toContainText('修改设置 · language');
  await expect(table.locator('tr[data-method="audits.submit"]')).toContainText(
    'qa.lin提交录音抽检 · #41 · 王伟',
  );
  await expect(table.locator('tr[data-method="import.start"]')).toContainText(
    '未登录导入文件 · calls-dec.csv',
  );
  await screenshot(page, 'activity-team-zh');

  // the import history says who imported a batch (a team workspace only)
  await page.getByTestId('nav-import').click();
  await expect(page.getByTestId('batch-by')).toHaveText(['操作人：lead.zhang']);
  await screenshot(page, 'import-history-by-zh');
});

test("an audit of a team workspace says which login submitted it, beside the reviewer's name", async ({
  appPage: page,
  app,
}) => {
  app.cli(['demo', '--agents', '3', '--days', '5', '--seed', '4']);
  await page.reload();
  const raw = new Database(app.db);
  const callId = raw
    .prepare("SELECT id FROM calls WHERE disposition = 'connected' AND talk_seconds > 0 ORDER BY id LIMIT 1")
    .pluck()
    .get() as number;
  const [card] = await apiCall(page, 'scorecards.list', { language: 'en' });
  const audit = await apiCall(page, 'audits.open', { callId, versionId: card!.versionId, reviewer: 'Lin' });
  const answers = Object.fromEntries(
    card!.definition.sections.flatMap((s) => s.items.map((i) => [i.key, i.type === 'yesno' ? 'yes' : '4'])),
  );
  await apiCall(page, 'audits.submit', { auditId: audit.id, answers: answersIn(answers), notes: [] });
  // as a QA supervisor signed in on another machine would have submitted it
  raw.prepare("UPDATE audits SET created_by = 'qa.lin' WHERE id = ?").run(audit.id);
  raw.close();
  await page.goto(`${new URL(page.url()).origin}/#/audits/${audit.id}`);
  await expect(page.getByTestId('audit-submitted')).toContainText('Lin');
  await expect(page.getByTestId('audit-submitted')).toContainText('by Lin (qa.lin)');
  await screenshot(page, 'audit-submitted-by-en');
});
