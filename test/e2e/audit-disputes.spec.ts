/**
 * The audit dispute loop in browser mode on a local SQLite workspace (one user: the team lead
 * records the agent's side too): two submitted audits; one is disputed on its page with a reason
 * and answered as upheld, the other answered in Chinese with a revised scoring; the state shows
 * on the audit page, the Disputes queue counts them and empties.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { apiCall, expect, REPO, screenshot, test } from './fixtures';
import { chooseLanguage } from './raw-db';

const FIXTURE = path.join(REPO, 'test/fixtures/calls/callscope-basic.csv');

/** Three yes/no checks of one point each: all yes is 100 %, one no is 2 ÷ 3. */
async function submittedAudit(
  page: Page,
  callId: number,
  versionId: number,
  close: 'yes' | 'no',
): Promise<number> {
  const draft = await apiCall(page, 'audits.open', { callId, versionId, reviewer: 'Lin QA' });
  await apiCall(page, 'audits.submit', {
    auditId: draft.id,
    answers: { greet: 'yes', needs: 'yes', close },
    notes: [],
    comment: 'Clean call.',
  });
  return draft.id;
}

async function openAudit(page: Page, auditId: number) {
  await page.evaluate((id) => (window.location.hash = `/audits/${id}`), auditId);
  await expect(page.getByTestId('audit-submitted')).toBeVisible();
}

test('an agent disputes an audit, the reviewer answers: upheld, then revised; the queue empties', async ({
  appPage: page,
  app,
}) => {
  app.cli(['import', FIXTURE, '--preset', 'callscope']);
  await page.reload();
  const card = await apiCall(page, 'scorecards.save', {
    definition: {
      name: 'Three checks',
      sections: [
        {
          key: 'main',
          title: 'Main',
          items: [
            { key: 'greet', label: 'Greets the customer', type: 'yesno' },
            { key: 'needs', label: 'Asks about needs', type: 'yesno' },
            { key: 'close', label: 'Asks for the sale', type: 'yesno' },
          ],
        },
      ],
    },
  });
  const { rows: calls } = await apiCall(page, 'calls.list', {
    filter: { from: '2026-11-01', to: '2026-11-30' },
    dispositions: ['connected'],
    sort: 'startedAt',
    order: 'asc',
  });
  const first = await submittedAudit(page, calls[0]!.id, card.versionId, 'yes');
  const second = await submittedAudit(page, calls[1]!.id, card.versionId, 'no');
  await apiCall(page, 'audits.dispute', {
    auditId: second,
    reason: '录音 2 分 10 秒处我已经提出成交，质检漏听了。',
  });

  // The agent's side, on the audit page: pending, then disputed with a reason and an item.
  await openAudit(page, first);
  await expect(page.getByTestId('audit-response-state')).toHaveAttribute('data-state', 'pending');
  await page.getByTestId('audit-dispute').click();
  await page
    .getByTestId('audit-dispute-reason-input')
    .fill('The customer hung up before I could ask for the sale.');
  await page.getByRole('checkbox', { name: 'Asks for the sale' }).check();
  await page.getByTestId('audit-dispute-send').click();
  await expect(page.getByTestId('audit-response-state')).toHaveAttribute('data-state', 'disputed');
  await expect(page.getByTestId('audit-dispute-reason')).toHaveText(
    'The customer hung up before I could ask for the sale.',
  );
  await expect(page.getByTestId('audit-response')).toContainText('Items: Asks for the sale');
  await page.getByTestId('audit-answer-input').fill('The recording shows 40 more seconds after the offer.');
  await page.getByTestId('audit-response').scrollIntoViewIfNeeded();
  await screenshot(page, 'audit-dispute-en');

  // The queue lists both, oldest first, with the open count.
  await page.evaluate(() => (window.location.hash = '/audits'));
  const queue = page.getByTestId('audits-disputes');
  await expect(queue.getByTestId('dispute-row')).toHaveCount(2);
  await expect(queue.getByTestId('disputes-open-badge')).toHaveText('2');
  await expect(queue.getByTestId('dispute-row').first()).toContainText('< 1 h');
  expect(
    await queue.getByTestId('dispute-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-audit'))),
  ).toEqual([String(second), String(first)]);
  await queue.scrollIntoViewIfNeeded();
  await screenshot(page, 'audit-disputes-queue-en');

  // The reviewer upholds the first.
  await openAudit(page, first);
  await page.getByTestId('audit-answer-input').fill('The recording shows 40 more seconds after the offer.');
  await page.getByTestId('audit-answer-send').click();
  await expect(page.getByTestId('audit-response-state')).toHaveAttribute('data-state', 'answered');
  await expect(page.getByTestId('audit-dispute-answer')).toHaveAttribute('data-outcome', 'upheld');
  await expect(page.getByTestId('audit-dispute-answer')).toContainText('Upheld: the score stands');
  expect(Number(await page.getByTestId('audit-score').getAttribute('data-score'))).toBe(100);
  await expect(page.getByTestId('audit-dispute')).toHaveCount(0); // final: no new dispute

  // In Chinese, the second is revised: "asks for the sale" becomes a yes → 2 of 3 becomes 3 of 3.
  await chooseLanguage(page, 'zh-CN', `#/audits/${second}`);
  await expect(page.getByTestId('audit-response-state')).toHaveText('申诉中');
  await page.getByTestId('audit-outcome-revised').click();
  expect(Number(await page.getByTestId('audit-score').getAttribute('data-score'))).toBeCloseTo(
    (100 * 2) / 3,
    6,
  );
  await page
    .locator('[data-testid="scorecard-item"][data-key="close"] button.segmented__item')
    .first()
    .click();
  await expect
    .poll(async () => Number(await page.getByTestId('audit-score').getAttribute('data-score')))
    .toBe(100);
  await page.getByTestId('audit-answer-input').fill('复听确认：2 分 10 秒处有促成交，该项改为“是”。');
  await page.getByTestId('audit-response').scrollIntoViewIfNeeded();
  await screenshot(page, 'audit-dispute-zh-CN');
  await page.getByTestId('audit-answer-send').click();
  await expect(page.getByTestId('audit-response-state')).toHaveText('申诉已处理');
  await expect(page.getByTestId('audit-dispute-answer')).toHaveAttribute('data-outcome', 'revised');
  await expect(page.getByTestId('audit-dispute-answer')).toContainText('改判：66.7% → 100.0%');
  expect(Number(await page.getByTestId('audit-score').getAttribute('data-score'))).toBe(100);
  await screenshot(page, 'audit-dispute-answered-zh-CN');

  // The queue is empty; the answered tab has both.
  await page.evaluate(() => (window.location.hash = '/audits'));
  await expect(queue.getByTestId('disputes-empty')).toHaveText('没有待处理的申诉。');
  await expect(queue.getByTestId('disputes-open-badge')).toHaveCount(0);
  await queue.getByTestId('disputes-tab-answered').click();
  await expect(queue.getByTestId('dispute-row')).toHaveCount(2);
  await queue.scrollIntoViewIfNeeded();
  await screenshot(page, 'audit-disputes-queue-zh-CN');
  expect((await apiCall(page, 'audits.disputes', { status: 'open' })).open).toBe(0);
});
