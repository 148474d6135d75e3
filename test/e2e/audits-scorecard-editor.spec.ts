/**
 * The scorecard editor end to end: edit the built-in compliance check in the app (points, a new
 * 1–5 item moved into place, a problem that names its item), save it as version 2, see it listed
 * with its new weights, audit a call with it and read the score computed by hand; then build a new
 * scorecard from a blank card in Chinese. Version 1 stays in the workspace unchanged. A scorecard
 * exported as JSON comes back through the panel's import buttons.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CALLSCOPE_COLUMNS } from '../call-log';
import { importCsv } from './call-files';
import { expect, screenshot, test, type App } from './fixtures';
import { chooseLanguage, openRaw } from './raw-db';

/** Two agents, three connected calls each, in one week. */
function importCalls(app: App): void {
  const lines = [CALLSCOPE_COLUMNS];
  ['A001,Alice Wang', 'A002,Ben Li'].forEach((agent, a) =>
    [60, 140, 220].forEach((talk, i) =>
      lines.push(`C${a}${i},${agent},North,2026-11-1${6 + i} 10:0${a}:00,connected,${talk},none,`),
    ),
  );
  importCsv(app, 'calls.csv', lines, '--preset', 'callscope');
}

const card = (page: Page, name: string) => page.getByTestId('scorecard-card').filter({ hasText: name });
const item = (page: Page, n: number) => page.getByTestId('editor-item').nth(n);

test('edit a scorecard in the app, save version 2 and audit a call with it', async ({
  appPage: page,
  app,
}) => {
  importCalls(app);
  await page.reload();
  await page.getByTestId('nav-audits').click();
  await expect(card(page, 'Compliance check')).toHaveAttribute('data-version', '1');
  await card(page, 'Compliance check').getByTestId('scorecard-edit').click();
  await expect(page).toHaveURL(/#\/audits\?scorecard=\d+$/);

  const editor = page.getByTestId('scorecard-editor');
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Edit scorecard “Compliance check”');
  await expect(page.getByTestId('editor-item')).toHaveCount(5);
  await expect(page.getByTestId('editor-total')).toHaveText('Total: 5 points = 100 %');
  await expect(page.getByTestId('editor-save')).toBeDisabled(); // nothing changed yet

  // The first item weighs 4 points; a new 1–5 item of 2 points goes before the last one.
  await item(page, 0).getByTestId('editor-item-points').fill('4');
  await page.getByTestId('editor-add-item').click();
  await expect(page.getByTestId('editor-item')).toHaveCount(6);
  // A new item without text is a problem that names it.
  await expect(page.getByTestId('editor-problem')).toHaveText(['item 6 in “Compliance” has no text.']);
  await expect(page.getByTestId('editor-save')).toBeDisabled();
  await item(page, 5).getByTestId('editor-item-label').fill('Offers to send the terms in writing');
  await item(page, 5).getByTestId('editor-item-type').selectOption('scale');
  await expect(item(page, 5).getByTestId('editor-item-critical')).toBeDisabled();
  await item(page, 5).getByTestId('editor-item-points').fill('2');
  await item(page, 5).getByTestId('editor-item-up').click();
  await expect(item(page, 4).getByTestId('editor-item-label')).toHaveValue(
    'Offers to send the terms in writing',
  );

  // Live total: 4 + 1 + 1 + 1 + 2 + 1 = 10 points; each item's share follows.
  await expect(page.getByTestId('editor-total')).toHaveText('Total: 10 points = 100 %');
  await expect(page.getByTestId('editor-item-share')).toHaveText([
    '40.0%',
    '10.0%',
    '10.0%',
    '10.0%',
    '20.0%',
    '10.0%',
  ]);

  // A points value of 0 is named by the item's own text.
  await item(page, 1).getByTestId('editor-item-points').fill('0');
  await expect(page.getByTestId('editor-problem')).toHaveText([
    'The points of “Recording notice given” in “Compliance” must be a number above 0 (at most 1000).',
  ]);
  await expect(item(page, 1).getByTestId('editor-item-points')).toHaveClass(/is-invalid/);
  await screenshot(page, 'audits-editor-problem-en');
  await page.getByTestId('editor-problem').getByRole('button').click();
  await expect(item(page, 1).getByTestId('editor-item-points')).toBeFocused();
  await page.keyboard.type('1');
  await expect(page.getByTestId('editor-problems')).toHaveAttribute('data-count', '0');
  await page.getByTestId('editor-pass-mark').fill('80');
  await screenshot(page, 'audits-editor-en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'audits-editor-en-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The sidebar does not drop the draft silently: it asks, and "Keep editing" keeps everything.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('editor-leave')).toContainText('Discard');
  await expect(page.getByTestId('editor-leave')).toBeInViewport();
  await expect(page).toHaveURL(/#\/audits\?scorecard=\d+$/);
  await screenshot(page, 'audits-editor-leave-en');
  await page.getByTestId('editor-leave').getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByTestId('editor-leave')).toHaveCount(0);
  await expect(page.getByTestId('editor-total')).toHaveText('Total: 10 points = 100 %');

  await expect(page.getByTestId('editor-save')).toHaveText('Save as version 2');
  await page.getByTestId('editor-save').click();
  await expect(page).toHaveURL(/#\/audits$/);
  await expect(page.getByTestId('scorecard-saved')).toContainText('Saved “Compliance check” as v2');
  await expect(card(page, 'Compliance check')).toHaveAttribute('data-version', '2');
  await expect(card(page, 'Compliance check').getByTestId('scorecard-shares')).toHaveText('Compliance 100%');
  await expect(card(page, 'Compliance check')).toContainText('6 items');
  await screenshot(page, 'audits-editor-saved-en');

  // Both versions are stored; the new one is what the next audit uses.
  const db = openRaw(app.db);
  const versions = db
    .prepare(
      `SELECT v.version, v.definition FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id
       WHERE s.template = 'compliance-check' ORDER BY v.version`,
    )
    .all() as { version: number; definition: string }[];
  db.close();
  expect(versions.map((v) => v.version)).toEqual([1, 2]);
  const [v1, v2] = versions.map(
    (v) => JSON.parse(v.definition) as { sections: { items: { points: number }[] }[] },
  );
  expect(v1!.sections[0]!.items.map((i) => i.points)).toEqual([1, 1, 1, 1, 1]);
  expect(v2!.sections[0]!.items.map((i) => i.points)).toEqual([4, 1, 1, 1, 2, 1]);

  await expect(page.getByTestId('audits-scorecard')).toHaveValue(/\d+/);
  await expect(page.getByTestId('audits-scorecard').locator('option:checked')).toHaveText(
    'Compliance check · v2',
  );
  await page.getByTestId('audits-reviewer').fill('Lin Supervisor');
  await page.getByTestId('sample-from').fill('2026-11-16');
  await page.getByTestId('sample-to').fill('2026-11-20');
  await page.getByTestId('sample-per-agent').fill('1');
  await page.getByTestId('sample-build').click();
  await expect(page.getByTestId('sample-row')).toHaveCount(2);
  await page.getByTestId('sample-row').first().getByTestId('sample-open').click();
  await expect(page.getByTestId('scorecard-item')).toHaveCount(6);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of ['y', 'y', 'y', 'y', '4', 'n']) await page.keyboard.press(key);
  // By hand: 4 + 1 + 1 + 1 + 2 × (4 − 1) / 4 + 0 = 8.5 of 10 points.
  await expect
    .poll(async () => Number(await page.getByTestId('audit-score').getAttribute('data-score')))
    .toBeCloseTo(85, 9);
  await page.getByTestId('audit-submit').click();
  await expect(page.getByTestId('audit-submitted')).toBeVisible();
  const stored = openRaw(app.db);
  const audit = stored
    .prepare(
      `SELECT au.score, v.version FROM audits au JOIN scorecard_versions v ON v.id = au.scorecard_version_id
       WHERE au.status = 'submitted'`,
    )
    .get() as { score: number; version: number };
  stored.close();
  expect(audit.version).toBe(2);
  expect(audit.score).toBeCloseTo(85, 9);

  // A changed draft left through the sidebar and discarded: the link's page opens, nothing is saved.
  await page.getByTestId('nav-audits').click();
  await card(page, 'Compliance check').getByTestId('scorecard-edit').click();
  await page.getByTestId('editor-pass-mark').fill('90');
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('editor-leave').getByRole('button', { name: 'Discard' }).click();
  await expect(page).toHaveURL(/#\/dashboard$/);
  await page.getByTestId('nav-audits').click();
  await expect(card(page, 'Compliance check')).toHaveAttribute('data-version', '2');
});

test('zh-CN: a new scorecard from a blank card, problems in Chinese, saved as version 1', async ({
  appPage: page,
}) => {
  await chooseLanguage(page, 'zh-CN', '#/audits');
  await page.getByTestId('scorecard-new').click();
  await expect(page.getByTestId('scorecard-editor').getByRole('heading', { level: 1 })).toHaveText(
    '新建评分表',
  );
  // The starting points: copies of the workspace's scorecards, the built-in templates, a blank card.
  await expect(page.getByTestId('editor-source').locator('optgroup[label="内置模板"] option')).toHaveText([
    '外呼销售通话',
    '合规检查',
  ]);
  await expect(page.getByTestId('editor-name')).toHaveValue('外呼销售通话（副本）');
  await page.getByTestId('editor-source').selectOption('blank');
  await expect(page.getByTestId('editor-problem')).toHaveText([
    '第 1 组的名称为空。',
    '第 1 组的第 1 项没有内容。',
  ]);
  await page.getByTestId('editor-name').fill('开场白抽检');
  await page.getByTestId('editor-section-title').fill('开场');
  await item(page, 0).getByTestId('editor-item-label').fill('礼貌问候并报出公司名称');
  await page.getByTestId('editor-add-item').click();
  await item(page, 1).getByTestId('editor-item-label').fill('告知客户通话录音');
  await item(page, 1).getByTestId('editor-item-critical').check();
  await item(page, 1).getByTestId('editor-item-na').uncheck();
  await page.getByTestId('editor-add-section').click();
  await page.getByTestId('editor-section-title').nth(1).fill('需求挖掘');
  await item(page, 2).getByTestId('editor-item-label').fill('了解客户预算');
  await item(page, 2).getByTestId('editor-item-type').selectOption('scale');
  await page.getByTestId('editor-scoring').selectOption('weights');
  await page.getByTestId('editor-section-weight').nth(1).fill('3');
  await expect(page.getByTestId('editor-section-share')).toHaveText(['占总分 25%', '占总分 75%']);
  await expect(page.getByTestId('editor-total')).toHaveText('分组权重合计：4 = 100%');
  await expect(page.getByTestId('editor-problems')).toHaveAttribute('data-count', '0');
  await screenshot(page, 'audits-editor-zh-CN');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'audits-editor-zh-CN-dark-1920');
  await page.getByTestId('editor-save').click();
  await expect(page).toHaveURL(/#\/audits$/);
  await expect(card(page, '开场白抽检')).toHaveAttribute('data-version', '1');
  await expect(card(page, '开场白抽检').getByTestId('scorecard-shares')).toHaveText(
    '开场 25% · 需求挖掘 75%',
  );
});

test('a scorecard exported as JSON comes back through the import buttons: as its next version, and as a new scorecard', async ({
  appPage: page,
  app,
}) => {
  await page.goto(`${app.url}#/audits`);
  const compliance = card(page, 'Compliance check');
  await expect(compliance).toHaveAttribute('data-version', '1');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    compliance.getByTestId('scorecard-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { passMark: number | null };
  const file = path.join(app.dir, 'compliance-stricter.json');
  fs.writeFileSync(file, JSON.stringify({ ...exported, passMark: 75 }));

  // "Import new version…" on the card: the file becomes the card's version 2.
  const [versionChooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    compliance.getByTestId('scorecard-import-version').click(),
  ]);
  await versionChooser.setFiles(file);
  await expect(compliance).toHaveAttribute('data-version', '2');
  await expect(page.getByTestId('audits-scorecards')).toContainText('Imported “Compliance check · v2”.');

  // "Import JSON…" in the panel's bar: the same file becomes a scorecard of its own.
  const [newChooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('audits-scorecards').getByRole('button', { name: 'Import JSON…' }).click(),
  ]);
  await newChooser.setFiles(file);
  await expect(page.getByTestId('audits-scorecards')).toContainText('Imported “Compliance check · v1”.');
  await expect(compliance).toHaveCount(2);
  await page.getByTestId('audits-scorecards').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-scorecards-imported-en');
  const db = openRaw(app.db);
  const passMarks = db
    .prepare(
      `SELECT version, json_extract(definition, '$.passMark') AS passMark FROM scorecard_versions
       WHERE name = 'Compliance check' ORDER BY scorecard_id, version`,
    )
    .all()
    .map((r) => {
      const row = r as { version: number; passMark: number | null };
      return [row.version, row.passMark];
    });
  db.close();
  expect(passMarks).toEqual([
    [1, exported.passMark ?? null],
    [2, 75],
    [1, 75],
  ]);
});
