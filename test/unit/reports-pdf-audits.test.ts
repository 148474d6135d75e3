/**
 * The PDF's audit trend on a real workspace: audits submitted through the API over the month, the
 * report printed by the system Chromium, read back with poppler. Its text holds the chart's title,
 * each week's mean score and number of audits as `audits.summary` gives them for that week, and the
 * scorecard's pass mark, in English and Chinese; the pages are kept as PNG screenshots to look at.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lastMonth, periodRange } from '../../src-shared/reports-model';
import { addDays, todayIn, weekdayOf } from '../../src-shared/time';
import { generateReport } from '../../src-main/reports/generate';
import { REPO, openTestWorkspace, type TestWorkspace, answersIn } from '../helpers';
import { now } from '../../src-main/clock';

const TZ = 'Asia/Shanghai';
const SCREENSHOTS = path.join(REPO, 'test-results/screenshots');

let t: TestWorkspace;
let month: string;
let from: string;
let to: string;

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: TZ });
  const { jobId } = await t.call('demo.load', { agents: 6, days: 75, seed: 9 });
  expect((await t.api.jobs.wait(jobId)).status).toBe('done');
  month = lastMonth(todayIn(TZ, now()));
  ({ from, to } = periodRange({ kind: 'month', month }));
  const card = (await t.call('scorecards.list', { language: 'en' })).find(
    (c) => c.template === 'outbound-sales',
  )!;
  const sample = await t.call('audits.buildSample', {
    from,
    to,
    perAgent: 3,
    seed: 4,
    strata: true,
    minimum: 1,
  });
  const items = card.definition.sections.flatMap((s) => s.items);
  // Scores that vary from audit to audit: some items fail, rated items from 2 to 5.
  for (const [i, call] of sample.calls.slice(0, 14).entries()) {
    const answers: Record<string, string> = {};
    for (const [k, item] of items.entries())
      answers[item.key] =
        item.type === 'yesno'
          ? item.critical || (i + k) % 4 !== 0
            ? 'yes'
            : 'no'
          : String(2 + ((i + k) % 4));
    const opened = await t.call('audits.open', {
      callId: call.callId,
      versionId: card.versionId,
      reviewer: 'Lin',
    });
    await t.call('audits.submit', { auditId: opened.id, answers: answersIn(answers), notes: [] });
  }
}, 180_000);

afterAll(async () => t?.close());

describe('the PDF audit trend', () => {
  it.each(['en', 'zh-CN'] as const)(
    'draws each week’s mean score and number of audits with the pass mark (%s)',
    async (language) => {
      const spec = { period: { kind: 'month', month }, scope: { kind: 'floor' }, language } as const;
      const signal = { progress: () => {}, signal: new AbortController().signal };
      const file = await generateReport(t.ws, spec, 'pdf', signal);
      const out = path.join(t.dir, `audits-${language}.pdf`);
      fs.writeFileSync(out, file.bytes);
      const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain(language === 'en' ? 'Recording spot-checks by week' : '录音抽检周趋势');
      expect(text).toContain(language === 'en' ? 'Pass mark 70' : '合格线 70');

      let audited = 0;
      for (let monday = addDays(from, 1 - weekdayOf(from)); monday <= to; monday = addDays(monday, 7)) {
        const week = {
          from: monday < from ? from : monday,
          to: addDays(monday, 6) > to ? to : addDays(monday, 6),
        };
        const s = await t.call('audits.summary', { filter: week });
        expect(text).toContain(`${week.from.slice(5)} – ${week.to.slice(5)}`);
        if (s.auditScore !== null) expect(text).toContain(s.auditScore.toFixed(1));
        audited += s.audits;
      }
      expect(audited).toBe(14);

      const prefix = path.join(t.dir, `audits-page-${language}`);
      expect(spawnSync('pdftoppm', ['-r', '70', '-png', out, prefix]).status).toBe(0);
      const pages = fs
        .readdirSync(t.dir)
        .filter((f) => f.startsWith(`audits-page-${language}`))
        .sort();
      expect(pages.length).toBeGreaterThanOrEqual(2);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [i, page] of pages.entries())
        fs.copyFileSync(
          path.join(t.dir, page),
          path.join(SCREENSHOTS, `reports-pdf-audits-${language}-${i + 1}.png`),
        );
    },
    120_000,
  );
});
