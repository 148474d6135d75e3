/**
 * Audit comments, the pass/fail result, submitting with unanswered items, the calibration's
 * reference audit and the report's comment sheet, on a real workspace (the basic fixture). The
 * scorecard is made here (three yes/no items of one point, pass mark 60), so every expected score
 * is worked out by hand: one yes and one no with the third left out is 1 ÷ 2 = 50 %, a fail.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardVersion } from '../../src-shared/api';
import { reportFor } from '../../src-main/reports/generate';
import { answersIn, callIdsBySourceKey, FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';

let t: TestWorkspace;
let card: ScorecardVersion;
let callId: number;
let callIdOf: (sourceKey: string) => number;

beforeAll(async () => {
  t = await openTestWorkspace();
  expect((await t.importFile(path.join(FIXTURES, 'calls/callscope-basic.csv'))).status).toBe('done');
  card = await t.call('scorecards.save', {
    definition: {
      name: 'Three checks',
      passMark: 60,
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
  // C001: agent 8001 (王伟), 2026-11-03, connected 125 s
  callIdOf = await callIdsBySourceKey(t);
  callId = callIdOf('cs:C001');
}, 60_000);

afterAll(async () => t?.close());

describe('an audit with comments', () => {
  let auditId: number;

  it('keeps the overall and item comments of a draft', async () => {
    const draft = await t.call('audits.open', {
      callId,
      versionId: card.versionId,
      reviewer: 'Lin',
    });
    auditId = draft.id;
    expect(draft.comment).toBe('');
    expect(draft.itemComments).toEqual({});
    await t.call('audits.saveDraft', {
      auditId,
      answers: { greet: 'yes', needs: 'no' },
      notes: [],
      comment: '  Friendly, but never asked what the customer needs.  ',
      itemComments: { needs: 'Went straight to the price.', greet: '   ' },
    });
    const again = await t.call('audits.get', { auditId });
    expect(again.comment).toBe('Friendly, but never asked what the customer needs.');
    expect(again.itemComments).toEqual({ needs: 'Went straight to the price.' }); // blank ones dropped
  });

  it('refuses an item comment on an item the scorecard does not have', async () => {
    await expect(
      t.call('audits.saveDraft', {
        auditId,
        answers: {},
        notes: [],
        comment: '',
        itemComments: { nope: 'x' },
      }),
    ).rejects.toThrow(/nope/);
  });

  it('submitting with an unanswered item needs the confirmation, then scores it as N/A', async () => {
    const write = {
      auditId,
      answers: answersIn({ greet: 'yes', needs: 'no' }),
      notes: [],
      comment: 'Friendly, but never asked what the customer needs.',
      itemComments: { needs: 'Went straight to the price.' },
    };
    await expect(t.call('audits.submit', write)).rejects.toThrow(/missing: close/);
    const done = await t.call('audits.submit', { ...write, allowUnanswered: true });
    expect(done.status).toBe('submitted');
    expect(done.score).toBe(50); // 1 of the 2 answered points
    expect(done.failed).toBe(true); // below the pass mark of 60
    expect(done.answers).toEqual({ greet: 'yes', needs: 'no' });
    expect(done.itemComments).toEqual({ needs: 'Went straight to the price.' });
  });

  it('an audit with nothing answered is refused even when confirmed', async () => {
    const other = callIdOf('cs:C004');
    const draft = await t.call('audits.open', {
      callId: other,
      versionId: card.versionId,
      reviewer: 'Lin',
    });
    await expect(
      t.call('audits.submit', { auditId: draft.id, answers: {}, notes: [], allowUnanswered: true }),
    ).rejects.toThrow(/at least one/);
  });

  it('the audit list carries the comment and the result', async () => {
    const { rows } = await t.call('audits.list', {
      filter: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(rows).toEqual([
      expect.objectContaining({
        id: auditId,
        score: 50,
        failed: true,
        comment: 'Friendly, but never asked what the customer needs.',
      }),
    ]);
  });

  it("the monthly report's comment sheet lists it with the item comment labelled", async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const report = await reportFor(
        t.ws,
        { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'floor' }, language },
        Date.UTC(2026, 11, 7),
      );
      const table = report.tables.find((x) => x.id === 'auditComments')!;
      expect(table.title).toBe(language === 'en' ? 'Audit comments' : '质检评语');
      expect(table.rows).toEqual([
        {
          day: '2026-11-03',
          code: '8001',
          name: '王伟',
          reviewer: 'Lin',
          auditScore: 50,
          result: language === 'en' ? 'Failed' : '不合格',
          comment: 'Friendly, but never asked what the customer needs.',
          itemComments: 'Asks about needs: Went straight to the price.',
        },
      ]);
    }
  });
});

describe('calibration against the original audit', () => {
  it('shows the original audit as the reference once the reviewer has submitted, not before', async () => {
    const { calibrationId } = await t.call('calibrations.create', {
      callId,
      versionId: card.versionId,
    });
    const blind = await t.call('calibrations.open', { calibrationId, reviewer: 'Zhou' });
    expect(blind.calibrationId).toBe(calibrationId);
    const before = await t.call('calibrations.report', {
      calibrationId,
      reviewer: 'Zhou',
    });
    expect(before.visible).toBe(false);
    expect(before.reference).toBeNull();

    await t.call('audits.submit', {
      auditId: blind.id,
      answers: { greet: 'yes', needs: 'yes', close: 'no' },
      notes: [],
    });
    const after = await t.call('calibrations.report', { calibrationId, reviewer: 'Zhou' });
    expect(after.reference).toEqual({
      auditId: expect.any(Number),
      reviewer: 'Lin',
      score: 50,
      failed: true,
      answers: { greet: 'yes', needs: 'no' },
      comment: 'Friendly, but never asked what the customer needs.',
    });
    // the calibration's own audit does not count as the call's audit
    const { rows } = await t.call('audits.list', {
      filter: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(rows.map((r) => r.reviewer)).toEqual(['Lin']);
  });
});
