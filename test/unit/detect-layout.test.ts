import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericColumnNames, rankLayouts } from '../../src-main/import/detect-layout';
import { CsvReader } from '../../src-main/import/csv';
import type { CallPreset } from '../../src-main/import/preset';
import { PRESETS } from '../../src-main/import/presets';
import { FIXTURES } from '../helpers';

const options = { timeZone: 'Asia/Shanghai', salt: 'test-salt' };

function rowsOf(text: string): string[][] {
  const csv = new CsvReader(',');
  return [...csv.push(text), ...csv.end()].map((r) => r.cells);
}

function fixture(name: string): string[][] {
  return rowsOf(fs.readFileSync(path.join(FIXTURES, 'calls', name), 'utf8').replace(/^\uFEFF/, ''));
}

const best = (sample: string[][], extra: Partial<Parameters<typeof rankLayouts>[1]> = {}) =>
  rankLayouts(sample, { ...options, ...extra })[0];

describe('choosing a layout by what the first rows read', () => {
  it('picks each header-less PBX layout from its content, with the first row as data', () => {
    for (const [file, id, width] of [
      ['asterisk-cdr-csv-18.csv', 'asterisk-cdr-csv', 18],
      ['asterisk-cdr-csv-21.csv', 'asterisk-cdr-csv', 21],
      ['asterisk-cdr-custom.csv', 'asterisk-cdr-custom', 19],
      ['freeswitch-cdr-csv-13.csv', 'freeswitch-cdr-csv', 13],
      ['freeswitch-cdr-csv-15.csv', 'freeswitch-cdr-csv', 15],
    ] as const) {
      const layout = best(fixture(file));
      expect(layout?.preset.id, file).toBe(id);
      expect(layout?.hasHeader, file).toBe(false);
      expect(layout?.columnNames, file).toHaveLength(width);
      expect(layout?.confidence, file).toBeGreaterThan(0.7);
    }
  });

  it('tells cdr_csv and cdr_custom apart at the same width: the wrong one cannot read start or disposition', () => {
    // A cdr_custom mapping with two site columns appended (callid, rtcpinfo) is 21 wide, like a
    // cdr_csv file with every optional column.
    const custom21 = fixture('asterisk-cdr-custom.csv').map((r) => [...r, 'abc@10.0.0.1', 'ssrc=1;']);
    const ranked = rankLayouts(custom21, options);
    expect(ranked.map((c) => [c.preset.id, c.confidence])).toEqual(
      expect.arrayContaining([
        ['asterisk-cdr-custom', 5 / 6],
        ['asterisk-cdr-csv', 0],
      ]),
    );
    expect(ranked[0]!.preset.id).toBe('asterisk-cdr-custom');
    expect(ranked[0]!.columnNames.slice(17)).toEqual(['userfield', 'sequence', 'Column 20', 'Column 21']);

    const csv21 = fixture('asterisk-cdr-csv-21.csv');
    const forCsv = rankLayouts(csv21, options);
    expect(forCsv[0]!.preset.id).toBe('asterisk-cdr-csv');
    expect(forCsv.find((c) => c.preset.id === 'asterisk-cdr-custom')?.confidence).toBe(0);
  });

  it('reads a header layout from its header, the share of following rows it reads as confidence', () => {
    const sample = fixture('3cx-call-log.csv');
    const layout = best(sample)!;
    expect(layout.preset.id).toBe('3cx');
    expect(layout.hasHeader).toBe(true);
    expect(layout.missing).toEqual([]);
    expect(layout.columnNames[0]).toBe('Call Time');
    expect(layout.confidence).toBeCloseTo(8 / 9); // one row's Talking is "--:--"

    const callscope = best(fixture('callscope-basic.csv'))!;
    expect(callscope.preset.id).toBe('callscope');
    expect(callscope.confidence).toBeGreaterThan(0.7);
  });

  it('honours a forced header choice', () => {
    const sample = fixture('asterisk-cdr-csv-18.csv');
    const withHeader = rankLayouts(sample, { ...options, hasHeader: true });
    expect(withHeader.every((c) => c.hasHeader && c.confidence === 0)).toBe(true);
    const noHeader = rankLayouts(fixture('3cx-call-log.csv'), { ...options, hasHeader: false });
    expect(noHeader.every((c) => !c.hasHeader)).toBe(true);
  });

  it('does not offer a header-less layout for rows of another width', () => {
    const ranked = rankLayouts([Array.from({ length: 14 }, () => 'x')], { ...options, presets: PRESETS });
    expect(ranked.some((c) => c.preset.headerless)).toBe(false);
  });

  it('puts the closest header layout first when nothing reads the rows, to name the missing column', () => {
    // 13 columns, as wide as a FreeSWITCH file: still a Callscope header that lacks disposition.
    const header = ['call_id', 'agent_code', 'agent_name', 'team', 'campaign', 'started_at', 'phone'].concat([
      'direction',
      'ring_seconds',
      'talk_seconds',
      'outcome',
      'sale_amount',
      'recording',
    ]);
    const row = [
      'C1',
      '8001',
      '王伟',
      '',
      '',
      '2026-11-03 09:15:02',
      '13800138001',
      'outbound',
      '5',
      '125',
      '',
      '',
      '',
    ];
    const layout = best([header, row])!;
    expect([layout.preset.id, layout.hasHeader, layout.missing]).toEqual([
      'callscope',
      true,
      ['disposition'],
    ]);
  });

  it('names the columns of a header-less file no layout reads', () => {
    const sample = [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ];
    expect(rankLayouts(sample, options).every((c) => c.confidence === 0)).toBe(true);
    expect(genericColumnNames(3)).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(genericColumnNames(2, 3)).toEqual([]);
  });

  it('breaks ties between header layouts by the number of fields they match', () => {
    const base: CallPreset = {
      id: 'narrow',
      name: 'narrow',
      columns: { agentCode: ['agent'], startedAt: ['start'], disposition: ['result'] },
      required: ['agentCode', 'startedAt', 'disposition'],
      sourceKeyPrefix: 'n',
      dispositions: { ok: 'connected' },
      outcomes: { '': 'none' },
      directions: { '': 'outbound' },
    };
    const wide: CallPreset = {
      ...base,
      id: 'wide',
      columns: { ...base.columns, talkSeconds: ['talk'] },
    };
    const sample = [
      ['agent', 'start', 'result', 'talk'],
      ['1001', '2026-11-03 09:00:00', 'ok', '30'],
    ];
    const ranked = rankLayouts(sample, { ...options, presets: [base, wide] });
    expect(ranked.map((c) => [c.preset.id, c.confidence])).toEqual([
      ['wide', 1],
      ['narrow', 1],
    ]);
  });
});
