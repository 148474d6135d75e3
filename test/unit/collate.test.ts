/** The shared list order: 工号 numeric-aware, Chinese names by pinyin (expected orders written by hand). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAgents, compareText } from '../../src-shared/collate';
import { openTestWorkspace } from '../helpers';

describe('compareText', () => {
  it('orders codes by their number, not character by character', () => {
    expect(['A10', 'A2', 'A1', '1001', '999'].sort(compareText)).toEqual(['999', '1001', 'A1', 'A2', 'A10']);
  });

  it('orders Chinese names by pinyin: chen, li, wang, zhang, zhao', () => {
    expect(['张伟', '赵敏', '李娜', '王芳', '陈静'].sort(compareText)).toEqual([
      '陈静',
      '李娜',
      '王芳',
      '张伟',
      '赵敏',
    ]);
  });
});

describe('compareAgents', () => {
  it('by name, unnamed by code, equal names by code', () => {
    const agents = [
      { code: '8010', name: '张伟' },
      { code: '8002', name: '张伟' },
      { code: '8003', name: null },
      { code: '8001', name: '李娜' },
    ];
    expect(agents.sort(compareAgents).map((a) => a.code)).toEqual(['8003', '8001', '8002', '8010']);
  });
});

describe('the comparator serves the lists', () => {
  it('agents.list returns pinyin order from a real workspace', async () => {
    const t = await openTestWorkspace();
    try {
      const csv = [
        'call_id,agent_code,agent_name,started_at,disposition,talk_seconds',
        'C1,A10,张伟,2026-11-03 09:00:00,connected,60',
        'C2,A2,王芳,2026-11-03 09:05:00,busy,0',
        'C3,A1,李娜,2026-11-03 09:07:00,connected,31',
      ].join('\n');
      const file = path.join(t.dir, 'names.csv');
      fs.writeFileSync(file, csv);
      expect((await t.importFile(file)).status).toBe('done');
      const agents = await t.call('agents.list');
      expect(agents.map((a) => a.name)).toEqual(['李娜', '王芳', '张伟']);
    } finally {
      await t.close();
    }
  });
});
