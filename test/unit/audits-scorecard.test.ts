/**
 * The scoring rules of scorecards, pinned with values computed by hand (see each comment), and the
 * workspace side: built-in templates, versions, JSON import/export on a real SQLite file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exportScorecard,
  getScorecardVersion,
  importScorecard,
  listScorecards,
  saveScorecard,
  seedBuiltInScorecards,
} from '../../src-main/audits/scorecards';
import { loadTemplate, TEMPLATE_IDS } from '../../src-main/audits/templates';
import {
  allItems,
  parseScorecardJson,
  ScorecardDefinitionSchema,
  scoreAudit,
  sectionShares,
  type Answers,
  type ScorecardDefinitionInput,
} from '../../src-shared/scorecard';
import { openTestWorkspace, REPO, type TestWorkspace } from '../helpers';

const CARD: ScorecardDefinitionInput = {
  name: 'Test card',
  scoring: 'points',
  sections: [
    {
      key: 's1',
      title: 'One',
      weight: 30,
      items: [
        { key: 'a', label: 'A', type: 'yesno', points: 2 },
        { key: 'b', label: 'B', type: 'yesno', points: 1 },
        { key: 'c', label: 'C', type: 'scale', points: 1 },
      ],
    },
    {
      key: 's2',
      title: 'Two',
      weight: 70,
      items: [
        { key: 'd', label: 'D', type: 'yesno', critical: true },
        { key: 'e', label: 'E', type: 'scale', points: 3 },
      ],
    },
  ],
};
const points = ScorecardDefinitionSchema.parse(CARD);
const weights = ScorecardDefinitionSchema.parse({ ...CARD, scoring: 'weights' });
const ANSWERS: Answers = { a: 'yes', b: 'no', c: '4', d: 'yes', e: '3' };

describe('scoring', () => {
  it('points: Σ points × item score / Σ points', () => {
    // a 2×1 + b 1×0 + c 1×0.75 + d 1×1 + e 3×0.5 = 5.25 of 8 = 65.625 %
    const score = scoreAudit(points, ANSWERS);
    expect(score.percent).toBeCloseTo(65.625, 10);
    expect(score.failed).toBe(false);
    expect(score.missing).toEqual([]);
    // sections: s1 2.75/4 = 68.75 %, s2 2.5/4 = 62.5 %
    expect(score.sections.map((s) => s.percent)).toEqual([68.75, 62.5]);
  });

  it('N/A leaves the denominator', () => {
    // without c: 4.5 of 7 = 64.2857… %
    expect(scoreAudit(points, { ...ANSWERS, c: 'na' }).percent).toBeCloseTo(450 / 7, 10);
  });

  it('weights: the weighted mean of section scores, weights normalised', () => {
    // 30 × 0.6875 + 70 × 0.625 = 64.375 of 100
    expect(scoreAudit(weights, ANSWERS).percent).toBeCloseTo(64.375, 10);
    // weights 3 and 7 give the same result as 30 and 70
    const scaled = ScorecardDefinitionSchema.parse({
      ...CARD,
      scoring: 'weights',
      sections: CARD.sections.map((s) => ({ ...s, weight: (s.weight ?? 1) / 10 })),
    });
    expect(scoreAudit(scaled, ANSWERS).percent).toBeCloseTo(64.375, 10);
    expect(sectionShares(weights)).toEqual({ s1: 30, s2: 70 });
  });

  it('weights: a section that is all N/A drops out and the others are normalised again', () => {
    // s1 all N/A: the audit is s2 alone, 2.5 / 4 = 62.5 %
    const score = scoreAudit(weights, { a: 'na', b: 'na', c: 'na', d: 'yes', e: '3' });
    expect(score.percent).toBeCloseTo(62.5, 10);
    expect(score.sections[0]!.percent).toBeNull();
  });

  it('a critical item answered "no" scores 0 % and fails the audit', () => {
    for (const card of [points, weights]) {
      const score = scoreAudit(card, { ...ANSWERS, d: 'no' });
      expect(score.percent).toBe(0);
      expect(score.failed).toBe(true);
      expect(score.criticalFails).toEqual(['d']);
    }
  });

  it('below the pass mark fails; all N/A has no score; missing and invalid answers are listed', () => {
    const withPassMark = ScorecardDefinitionSchema.parse({ ...CARD, passMark: 70 });
    expect(scoreAudit(withPassMark, ANSWERS)).toMatchObject({ percent: 65.625, failed: true });
    const allNa = scoreAudit(points, { a: 'na', b: 'na', c: 'na', d: 'na', e: 'na' });
    expect(allNa).toMatchObject({ percent: null, failed: false });
    // e is unanswered, c has a yes/no answer to a 1–5 item
    expect(scoreAudit(points, { a: 'yes', b: 'yes', c: 'yes', d: 'yes' }).missing).toEqual(['c', 'e']);
  });

  it('an item that does not allow N/A counts N/A as missing', () => {
    const strict = ScorecardDefinitionSchema.parse({
      name: 'x',
      sections: [{ key: 's', title: 'S', items: [{ key: 'q', label: 'Q', type: 'yesno', allowNA: false }] }],
    });
    expect(scoreAudit(strict, { q: 'na' }).missing).toEqual(['q']);
  });
});

describe('scorecard JSON', () => {
  it('names the field that is wrong', () => {
    const bad = structuredClone(CARD) as { sections: { items: { type: string }[] }[] };
    bad.sections[1]!.items[1]!.type = 'stars';
    const result = parseScorecardJson(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^sections\.1\.items\.1\.type: /);

    const critical = parseScorecardJson(
      JSON.stringify({
        name: 'x',
        sections: [
          { key: 's', title: 'S', items: [{ key: 'q', label: 'Q', type: 'scale', critical: true }] },
        ],
      }),
    );
    expect(critical).toEqual({
      ok: false,
      error: 'sections.0.items.0.critical: only yes/no items can be critical',
    });
    const twice = parseScorecardJson(
      JSON.stringify({
        name: 'x',
        sections: [
          { key: 's', title: 'S', items: [{ key: 'q', label: 'Q', type: 'yesno' }] },
          { key: 't', title: 'T', items: [{ key: 'q', label: 'Q2', type: 'yesno' }] },
        ],
      }),
    );
    expect(twice.ok === false && twice.error).toBe('sections.1.items.0.key: item key "q" is used twice');
    expect(parseScorecardJson('{').ok).toBe(false);
  });

  it('ships both templates in both languages with the same items', () => {
    for (const id of TEMPLATE_IDS) {
      const en = loadTemplate(id, 'en');
      const zh = loadTemplate(id, 'zh-CN');
      expect(allItems(zh).map((i) => [i.key, i.type, i.critical, i.points])).toEqual(
        allItems(en).map((i) => [i.key, i.type, i.critical, i.points]),
      );
      expect(zh.sections.map((s) => s.weight)).toEqual(en.sections.map((s) => s.weight));
      expect(allItems(en).every((i) => i.guidance.length > 0)).toBe(true);
    }
    const sales = loadTemplate('outbound-sales', 'en');
    expect(sales.sections.reduce((sum, s) => sum + s.weight, 0)).toBe(100);
    expect(
      allItems(sales)
        .filter((i) => i.critical)
        .map((i) => i.key),
    ).toEqual(['compliance.consent', 'compliance.no_misleading_claims', 'compliance.dnc']);
    expect(fs.existsSync(path.join(REPO, 'resources/scorecards/compliance-check.zh-CN.json'))).toBe(true);
  });
});

describe('scorecards in a workspace', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  it('seeds the built-in scorecards once, in the language asked', async () => {
    await seedBuiltInScorecards(t.ws.kysely, 'zh-CN');
    await seedBuiltInScorecards(t.ws.kysely, 'en');
    expect((await listScorecards(t.ws.kysely)).map((s) => [s.template, s.name, s.version])).toEqual([
      ['outbound-sales', '外呼销售通话', 1],
      ['compliance-check', '合规检查', 1],
    ]);
  });

  it('editing adds a version and the old version stays as it was', async () => {
    const v1 = await saveScorecard(t.ws.kysely, points);
    const v2 = await saveScorecard(
      t.ws.kysely,
      { ...points, name: 'Test card, stricter', passMark: 80 },
      v1.scorecardId,
    );
    expect(v2).toMatchObject({ scorecardId: v1.scorecardId, version: 2, name: 'Test card, stricter' });
    expect(v2.versionId).not.toBe(v1.versionId);
    expect((await getScorecardVersion(t.ws.kysely, v1.versionId)).definition.passMark).toBeNull();
    expect((await listScorecards(t.ws.kysely)).map((s) => s.versionId)).toEqual([v2.versionId]);
  });

  it('exports and imports a scorecard as JSON; a bad file is refused naming the field', async () => {
    const v1 = await saveScorecard(t.ws.kysely, weights);
    const exported = await exportScorecard(t.ws.kysely, v1.versionId);
    expect(exported.fileName).toBe('Test-card-v1.json');
    const again = await importScorecard(t.ws.kysely, exported.json);
    expect(again.definition).toEqual(v1.definition);
    expect(again.scorecardId).not.toBe(v1.scorecardId);
    // Edit = export, change, import as the next version of the same scorecard.
    const edited = JSON.parse(exported.json) as { passMark: number | null };
    edited.passMark = 75;
    const v2 = await t.call('scorecards.import', {
      json: JSON.stringify(edited),
      scorecardId: v1.scorecardId,
    });
    expect(v2).toMatchObject({ scorecardId: v1.scorecardId, version: 2 });
    expect((await getScorecardVersion(t.ws.kysely, v1.versionId)).definition.passMark).toBeNull();

    await expect(t.call('scorecards.import', { json: '{"name":"x","sections":[]}' })).rejects.toThrow(
      /bad_input: this scorecard file cannot be imported: sections: /,
    );
  });
});
