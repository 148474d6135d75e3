/**
 * The scorecard editor's rules: editing steps keep item keys (analytics follow items by key), the
 * live shares add up to 100 % under both scorings, and every problem names its section and item.
 * The last case edits a built-in template and saves it through the real API on a real workspace.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src-main/audits/templates';

import { allItems, type ScorecardDefinition } from '../../src-shared/scorecard';
import {
  addItem,
  addSection,
  blankScorecard,
  draftProblems,
  finishDraft,
  freshKey,
  moveItem,
  moveSection,
  removeItem,
  removeSection,
  sameDefinition,
  updateItem,
  updateSection,
  weightSummary,
} from '../../src-shared/scorecard-edit';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

const card: ScorecardDefinition = {
  name: 'Short check',
  description: '',
  scoring: 'points',
  passMark: 80,
  sections: [
    {
      key: 'open',
      title: 'Opening',
      weight: 1,
      items: [
        {
          key: 'greet',
          label: 'Greets',
          type: 'yesno',
          points: 2,
          critical: false,
          allowNA: false,
          guidance: '',
        },
        {
          key: 'name',
          label: 'Says the company',
          type: 'yesno',
          points: 3,
          critical: true,
          allowNA: false,
          guidance: '',
        },
      ],
    },
    {
      key: 'close',
      title: 'Close',
      weight: 3,
      items: [
        {
          key: 'ask',
          label: 'Asks for the order',
          type: 'scale',
          points: 5,
          critical: false,
          allowNA: true,
          guidance: '',
        },
      ],
    },
  ],
};

describe('weights while editing', () => {
  it('points scoring: item points over all points (2 + 3 + 5 = 10)', () => {
    const w = weightSummary(card);
    expect(w.total).toBe(10);
    expect(w.sections).toEqual([50, 50]);
    expect(w.items).toEqual([[20, 30], [50]]);
  });

  it('section weights: 1 : 3, points split each section', () => {
    const w = weightSummary({ ...card, scoring: 'weights' });
    expect(w.total).toBe(4);
    expect(w.sections).toEqual([25, 75]);
    expect(w.items[0]![0]).toBeCloseTo(10, 12); // 25 % × 2/5
    expect(w.items[0]![1]).toBeCloseTo(15, 12);
    expect(w.items[1]).toEqual([75]);
  });

  it('an invalid number counts as 0 until fixed', () => {
    const w = weightSummary(updateItem(card, 0, 1, { points: Number.NaN }));
    expect(w.total).toBe(7);
    expect(w.items[0]![1]).toBe(0);
  });
});

describe('editing steps', () => {
  it('moves, adds and removes without touching the kept items’ keys', () => {
    const moved = moveItem(card, 0, 0, 1);
    expect(moved.sections[0]!.items.map((i) => i.key)).toEqual(['name', 'greet']);
    expect(moveItem(card, 0, 0, -1)).toEqual(card); // already first
    expect(moveSection(card, 1, -1).sections.map((s) => s.key)).toEqual(['close', 'open']);

    const added = addItem(card, 1);
    const newKey = added.sections[1]!.items[1]!.key;
    expect(newKey).toBe('close-1');
    expect(allItems(added).map((i) => i.key)).toEqual(['greet', 'name', 'ask', 'close-1']);
    expect(removeItem(added, 1, 0).sections[1]!.items.map((i) => i.key)).toEqual(['close-1']);

    const withSection = addSection(card, 'Compliance');
    expect(withSection.sections[2]!.key).toBe('section-1');
    expect(withSection.sections[2]!.items).toHaveLength(1);
    expect(removeSection(withSection, 0).sections.map((s) => s.key)).toEqual(['close', 'section-1']);
    expect(freshKey(addItem(added, 1), 'close')).toBe('close-3');
  });

  it('a scale item cannot stay critical', () => {
    const scale = updateItem(card, 0, 1, { type: 'scale' });
    expect(scale.sections[0]!.items[1]).toMatchObject({ type: 'scale', critical: false });
  });

  it('knows when nothing changed', () => {
    expect(sameDefinition(card, structuredClone(card))).toBe(true);
    expect(sameDefinition(card, updateSection(card, 0, { title: 'Opening ' }))).toBe(false);
  });
});

describe('problems name where they are', () => {
  it('a valid card has none and finishes trimmed', () => {
    expect(draftProblems(card)).toEqual([]);
    const finished = finishDraft(updateItem(card, 0, 0, { label: '  Greets warmly ' }));
    expect(finished.ok && finished.definition.sections[0]!.items[0]!.label).toBe('Greets warmly');
  });

  it('lists each problem with its section and item position', () => {
    let bad = updateItem(card, 1, 0, { label: '   ', points: 0 });
    bad = updateItem(bad, 0, 1, { points: Number.NaN });
    bad = { ...bad, name: ' ', passMark: 120 };
    bad = addSection(bad); // empty title, one empty item
    bad = updateSection(bad, 2, { weight: -1 }); // only counted under weights scoring
    expect(draftProblems(bad)).toEqual([
      { code: 'name.empty' },
      { code: 'passMark.range' },
      { code: 'item.points', section: 0, item: 1 },
      { code: 'item.label', section: 1, item: 0 },
      { code: 'item.points', section: 1, item: 0 },
      { code: 'section.title', section: 2 },
      { code: 'item.label', section: 2, item: 0 },
    ]);
    expect(draftProblems({ ...bad, scoring: 'weights' })).toContainEqual({
      code: 'section.weight',
      section: 2,
    });
    expect(draftProblems(removeItem(card, 1, 0))).toEqual([{ code: 'section.noItems', section: 1 }]);
    expect(draftProblems({ ...card, sections: [] })).toEqual([{ code: 'sections.none' }]);
    expect(finishDraft(bad).ok).toBe(false);
  });

  it('a blank scorecard needs its section title and first item', () => {
    const blank = blankScorecard('New', '');
    expect(draftProblems(blank).map((p) => p.code)).toEqual(['section.title', 'item.label']);
  });
});

describe('saving an edited template through the API', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  it('adds version 2 of the scorecard; version 1 stays as it was', async () => {
    const listed = await t.call('scorecards.list', { language: 'en' });
    const templates = await t.call('scorecards.templates', { language: 'zh-CN' });
    expect(templates.map((x) => x.id)).toEqual(['outbound-sales', 'compliance-check']);
    expect(templates[0]!.definition).toEqual(loadTemplate('outbound-sales', 'zh-CN'));

    const v1 = listed.find((c) => c.template === 'compliance-check')!;
    let draft = updateItem(v1.definition, 0, 0, { points: 7 });
    draft = addItem(draft, 0);
    const newSection = draft.sections[0]!;
    draft = updateItem(draft, 0, newSection.items.length - 1, { label: 'Offers the opt-out' });
    const finished = finishDraft(draft);
    if (!finished.ok) throw new Error(finished.error);
    const v2 = await t.call('scorecards.save', {
      scorecardId: v1.scorecardId,
      definition: finished.definition,
    });
    expect(v2).toMatchObject({ scorecardId: v1.scorecardId, version: 2 });
    expect(v2.definition.sections[0]!.items[0]!.points).toBe(7);
    const again = await t.call('scorecards.version', { versionId: v1.versionId });
    expect(again.definition).toEqual(v1.definition);
    const latest = await t.call('scorecards.list', { language: 'en' });
    expect(latest.find((c) => c.scorecardId === v1.scorecardId)).toMatchObject({
      version: 2,
      versionId: v2.versionId,
    });
  });
});
