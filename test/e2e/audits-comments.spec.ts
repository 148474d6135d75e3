/**
 * What a QA supervisor expects of an audit (as in MaestroQA / Zendesk QA): an overall comment and
 * a comment per item, stored and shown read-only after submitting; a pass/fail badge on the audit
 * and in the list; submitting with items unanswered asks first, naming how many; QA analytics with
 * a period of its own. Screenshots at 1366×768 in English and Chinese.
 */
import { CALLSCOPE_COLUMNS } from '../call-log';
import { importCsv } from './call-files';
import { expect, screenshot, test, type App } from './fixtures';
import { chooseLanguage, chooseRange, openRaw } from './raw-db';

const FROM = '2026-11-16';
const TO = '2026-11-20';

/** Three agents, a week of connected calls each. */
function importCalls(app: App): void {
  const lines = [CALLSCOPE_COLUMNS];
  ['A001,Alice Wang', 'A002,Ben Li', 'A003,Chen Yu'].forEach((agent, a) => {
    for (let d = 0; d < 5; d++)
      lines.push(`Q${a}${d},${agent},North,2026-11-${16 + d} 1${a}:00:00,connected,${90 + 20 * d},none,`);
  });
  importCsv(app, 'calls.csv', lines, '--preset', 'callscope');
}

test('an audit with comments, a pass badge and a confirmation for unanswered items; QA has its own period', async ({
  appPage: page,
  app,
}) => {
  importCalls(app);
  await page.reload();
  await page.getByTestId('nav-audits').click();
  await page.getByTestId('audits-reviewer').fill('Lin');
  await page.getByTestId('sample-from').fill(FROM);
  await page.getByTestId('sample-to').fill(TO);
  await page.getByTestId('sample-per-agent').fill('1');
  await page.getByTestId('sample-build').click();
  await expect(page.getByTestId('sample-row')).toHaveCount(3);

  await page.getByTestId('sample-row').first().getByTestId('sample-open').click();
  await expect(page.getByTestId('scorecard-item')).toHaveCount(15);
  const auditId = Number(/#\/audits\/(\d+)$/.exec(page.url())![1]);
  // The first three items (the opening two and the right-party check) answered yes, by keyboard.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of ['y', 'y', 'y']) await page.keyboard.press(key);
  const second = page.getByTestId('scorecard-item').nth(1);
  await second.getByTestId('item-comment-add').click();
  await second.getByTestId('item-comment-input').fill('Said the company name twice.');
  await page.getByTestId('audit-comment-input').fill('Good opening; keep going to the needs questions.');
  await expect(page.getByTestId('audit-save')).toHaveAttribute('data-state', 'saved');

  // Submit asks: 12 of 15 unanswered. "Keep scoring" goes back to the first open item.
  await page.getByTestId('audit-submit').click();
  const confirm = page.getByTestId('audit-unanswered-confirm');
  await expect(confirm).toContainText('12 of 15 items are not answered');
  await screenshot(page, 'audit-unanswered-confirm-en');
  await page.getByTestId('audit-keep-scoring').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('scorecard-item').nth(3)).toHaveClass(/is-focused/);
  await page.getByTestId('audit-submit').click();
  await page.getByTestId('audit-submit-anyway').click();
  await expect(page.getByTestId('audit-submitted')).toContainText('Lin');

  // All answered items yes: 100 %, above the template's pass mark of 70 → passed.
  await expect(page.getByTestId('audit-score')).toHaveAttribute('data-score', '100');
  await expect(page.getByTestId('audit-score').getByTestId('pass-badge')).toHaveAttribute(
    'data-result',
    'pass',
  );
  await expect(page.getByTestId('audit-comment-text')).toHaveText(
    'Good opening; keep going to the needs questions.',
  );
  await expect(second.getByTestId('item-comment')).toHaveText('Said the company name twice.');
  await screenshot(page, 'audit-comments-en');
  const raw = openRaw(app.db);
  expect(raw.prepare('SELECT comment, status FROM audits WHERE id = ?').get(auditId)).toEqual({
    comment: 'Good opening; keep going to the needs questions.',
    status: 'submitted',
  });
  expect(
    raw.prepare('SELECT item_key, text FROM audit_item_comments WHERE audit_id = ?').all(auditId),
  ).toEqual([{ item_key: 'opening.company', text: 'Said the company name twice.' }]);
  expect(raw.prepare('SELECT count(*) AS n FROM audit_answers WHERE audit_id = ?').get(auditId)).toEqual({
    n: 3,
  });
  const { agent_id: agentId } = raw.prepare('SELECT agent_id FROM audits WHERE id = ?').get(auditId) as {
    agent_id: number;
  };
  raw.close();

  // The list shows the badge.
  await page.getByTestId('audit-back').click();
  await expect(page.getByTestId('sample-row').first().getByTestId('pass-badge')).toHaveAttribute(
    'data-result',
    'pass',
  );

  // QA analytics keeps its own period: set to the audit's week, it shows the audit whatever the
  // dashboard shows, also after a visit to the dashboard with a day without audits.
  const qa = page.getByTestId('audits-qa');
  await page.getByTestId('qa-from').fill(FROM);
  await page.getByTestId('qa-to').fill(TO);
  await expect(page.getByTestId('qa-period')).toHaveValue('custom');
  await expect(qa).not.toContainText('No submitted audits');
  await expect(qa).toContainText('n=1');
  await page.getByTestId('nav-dashboard').click();
  await chooseRange(page, '2026-11-02', '2026-11-02');
  await page.getByTestId('nav-audits').click();
  await expect(page.getByTestId('qa-from')).toHaveValue(FROM);
  await expect(qa).toContainText('n=1');
  await qa.scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-qa-period-en');

  // Chinese: the submitted audit, and the question on a second draft.
  await chooseLanguage(page, 'zh-CN', `#/audits/${auditId}`);
  await expect(page.getByTestId('audit-comment')).toContainText('总体评语');
  await expect(page.getByTestId('pass-badge').first()).toHaveText('合格');
  await screenshot(page, 'audit-comments-zh-CN');
  await page.getByTestId('audit-back').click();
  await page.getByTestId('audits-reviewer').fill('Lin');
  await page.getByTestId('sample-row').nth(1).getByTestId('sample-open').click();
  // The draft's form is open (its keys answer only then): a key pressed while the list was still
  // on screen was lost, and the submit button stayed disabled with nothing answered.
  await expect(page.getByTestId('audit-submit')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('y');
  await expect(page.getByTestId('audit-submit')).toBeEnabled();
  await page.getByTestId('audit-submit').click();
  await expect(page.getByTestId('audit-unanswered-confirm')).toContainText('还有 14 / 15 项未作答');
  await screenshot(page, 'audit-unanswered-confirm-zh-CN');
  await page.getByTestId('audit-back').click();
  await page.getByTestId('audits-qa').scrollIntoViewIfNeeded();
  await screenshot(page, 'audits-qa-period-zh-CN');

  // Coaching: a note about the agent lists the audit with the reviewer's comment.
  await page.evaluate((id) => (window.location.hash = `#/coaching?agent=${id}&note=new`), agentId);
  await page.getByTestId('note-day').fill('2026-11-25');
  await expect(page.getByTestId('note-audit-comment')).toHaveText(
    '“Good opening; keep going to the needs questions.”',
  );
  await expect(page.getByTestId('note-audits').getByTestId('pass-badge')).toHaveText('合格');
  await page.getByTestId('note-audits').scrollIntoViewIfNeeded();
  await screenshot(page, 'coaching-audit-comment-zh-CN');
});
