/**
 * Reading a table from its content, piece by piece: where it starts, whether its first row is a
 * header, the hints in header brackets, agents written with their code, day-first or month-first.
 */
import { describe, expect, it } from 'vitest';
import {
  durationIn,
  findDateOrder,
  findTableStart,
  inferColumns,
  splitAgent,
  splitHeader,
  usualDateOrder,
  zoneFromHint,
} from '../../src-main/import/infer-columns';

const rows = (cells: string[][]) => cells.map((c, i) => ({ line: i + 1, cells: c }));

describe('where the table starts', () => {
  it('skips a merged title, an "exported by/at" line and a query line above the header', () => {
    const start = findTableStart(
      rows([
        ['通话记录导出（2026-11-01 至 2026-11-30）', '', '', ''],
        ['导出人：王主管', '', '导出时间：2026-12-01 09:30:00', ''],
        ['查询条件：全部坐席', '', '', ''],
        ['坐席工号', '呼叫时间', '通话状态', '通话时长'],
        ['1001', '2026-11-03 09:00:00', '已接通', '65'],
        ['1002', '2026-11-03 09:05:00', '未接通', '0'],
      ]),
    );
    expect(start).toEqual({
      index: 3,
      hasHeader: true,
      skipped: [
        { line: 1, text: '通话记录导出（2026-11-01 至 2026-11-30）' },
        { line: 2, text: '导出人：王主管 导出时间：2026-12-01 09:30:00' },
        { line: 3, text: '查询条件：全部坐席' },
      ],
    });
  });

  it('a file whose first row is data has no header', () => {
    const start = findTableStart(
      rows([
        ['1001', '2026-11-03 09:00:00', 'ANSWERED', '65'],
        ['1002', '2026-11-03 09:05:00', 'NO ANSWER', '0'],
        ['1001', '2026-11-03 09:07:00', 'ANSWERED', '12'],
      ]),
    );
    expect(start).toEqual({ index: 0, hasHeader: false, skipped: [] });
  });

  it('a first data row with several empty fields is data, not a title', () => {
    const start = findTableStart(
      rows([
        ['', '201', '', '', '2026-11-03 09:00:00', '', '0', 'NO ANSWER'],
        [
          '"Ann" <201>',
          '201',
          '13800138001',
          'from-internal',
          '2026-11-03 09:05:00',
          'SIP/201-0001',
          '65',
          'ANSWERED',
        ],
        [
          '"Bob" <202>',
          '202',
          '13800138002',
          'from-internal',
          '2026-11-03 09:07:00',
          'SIP/202-0002',
          '12',
          'ANSWERED',
        ],
      ]),
    );
    expect(start).toEqual({ index: 0, hasHeader: false, skipped: [] });
  });
});

describe('header hints', () => {
  it('reads units, zones and formats from brackets and dashes', () => {
    expect(splitHeader('通话时长(秒)')).toEqual({ name: '通话时长', hint: '秒' });
    expect(splitHeader('通话时长（毫秒）')).toEqual({ name: '通话时长', hint: '毫秒' });
    expect(splitHeader('Talk Time - HH:MM:SS')).toEqual({ name: 'Talk Time', hint: 'HH:MM:SS' });
    expect(splitHeader('开始时间【北京时间】')).toEqual({ name: '开始时间', hint: '北京时间' });
    expect(zoneFromHint('UTC')).toBe('UTC');
    expect(zoneFromHint('GMT+8')).toBe('Etc/GMT-8');
    expect(zoneFromHint('UTC-5')).toBe('Etc/GMT+5');
    expect(zoneFromHint('北京时间')).toBe('Asia/Shanghai');
    expect(durationIn('ms')('65000')).toBe(65);
    expect(durationIn('min')('2.5')).toBe(150);
    expect(durationIn('min')('00:02:30')).toBe(150);
  });

  it('a start column whose header names a zone and a talk column in minutes convert', () => {
    const { columns, readings } = inferColumns(
      ['坐席工号', '开始时间(UTC)', '通话状态', '通话时长(分钟)'],
      [
        ['1001', '2026-11-03 01:00:00', '已接通', '1.5'],
        ['1002', '2026-11-03 01:05:00', '未接通', '0'],
        ['1001', '2026-11-03 01:07:00', '已接通', '3'],
        ['1002', '2026-11-03 01:09:00', '已接通', '0.5'],
      ],
    );
    expect(columns).toMatchObject({ agentCode: 0, startedAt: 1, disposition: 2, talkSeconds: 3 });
    expect(readings).toMatchObject({ startZone: 'UTC', talkUnit: 'min' });
  });
});

describe('agents written with their code', () => {
  it('gives code and name', () => {
    expect(splitAgent('Zhang Wei (1001)')).toEqual({ code: '1001', name: 'Zhang Wei' });
    expect(splitAgent('1001 张伟')).toEqual({ code: '1001', name: '张伟' });
    expect(splitAgent('Dana 4453')).toEqual({ code: '4453', name: 'Dana' });
    expect(splitAgent('Caller (Dana 4453)')).toEqual({ code: '4453', name: 'Dana' });
    expect(splitAgent('张伟（1001）')).toEqual({ code: '1001', name: '张伟' });
    expect(splitAgent('Dana')).toBeNull();
    expect(splitAgent('x'.repeat(1_000_000) + ' 1001')).toBeNull();
  });
});

describe('day-first or month-first, over the whole column', () => {
  it('a first number over 12 settles day-first; a second one month-first; both is a conflict naming lines', () => {
    const col = (dates: string[]) => rows(dates.map((d) => [d]));
    expect(findDateOrder(col(['03/11/2026 09:00', '24/11/2026 10:00']), 0)).toMatchObject({
      kind: 'decided',
      order: 'dmy',
      line: 2,
    });
    expect(findDateOrder(col(['11/03/2026', '11/24/2026']), 0)).toMatchObject({
      kind: 'decided',
      order: 'mdy',
    });
    expect(findDateOrder(col(['03/11/2026', '05/11/2026']), 0)).toMatchObject({ kind: 'ambiguous' });
    expect(findDateOrder(col(['13/11/2026', '01/02/2026', '11/14/2026']), 0)).toEqual({
      kind: 'conflict',
      dayFirst: { line: 1, text: '13/11/2026' },
      monthFirst: { line: 3, text: '11/14/2026' },
    });
    expect(findDateOrder(col(['2026-11-03 09:00']), 0)).toEqual({ kind: 'none' });
  });

  it('preselects the order the workspace zone’s people write', () => {
    expect(usualDateOrder('America/New_York')).toBe('mdy');
    expect(usualDateOrder('Europe/London')).toBe('dmy');
    expect(usualDateOrder('Asia/Shanghai')).toBe('dmy');
  });
});
