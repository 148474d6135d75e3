import { describe, expect, it } from 'vitest';
import { parseAmount, parseDuration, parsePhone, parseTimestamp } from '../../src-main/import/values';
import { callContribution, change, kpiValues, emptyCounts } from '../../src-shared/kpi';
import { formatCount, formatDuration, formatMoney, formatPercent } from '../../src-shared/i18n';

describe('reading values', () => {
  it('reads durations in every form call logs use', () => {
    expect(parseDuration('205')).toBe(205);
    expect(parseDuration('3:25')).toBe(205);
    expect(parseDuration('00:03:25')).toBe(205);
    expect(parseDuration('3分25秒')).toBe(205);
    expect(parseDuration('1时2分3秒')).toBe(3723);
    expect(parseDuration('1小时2分')).toBe(3720);
    expect(parseDuration('25秒')).toBe(25);
    expect(parseDuration('')).toBe(0);
    expect(() => parseDuration('abc')).toThrow(/cannot read "abc" as a duration/);
  });

  it('reads timestamps as local wall time or as instants with an offset', () => {
    const sh = (s: string) => new Date(parseTimestamp(s, 'Asia/Shanghai')).toISOString();
    expect(sh('2026-11-03 09:15:02')).toBe('2026-11-03T01:15:02.000Z');
    expect(sh('2026/11/3 9:15')).toBe('2026-11-03T01:15:00.000Z');
    expect(sh('2026-11-03T09:15:02+08:00')).toBe('2026-11-03T01:15:02.000Z');
    expect(sh('2026-11-03T01:15:02Z')).toBe('2026-11-03T01:15:02.000Z');
    expect(sh('1793668502')).toBe('2026-11-03T01:15:02.000Z');
    expect(() => parseTimestamp('2026-02-30 10:00:00', 'Asia/Shanghai')).toThrow(/not a valid date/);
    expect(() => parseTimestamp('yesterday', 'Asia/Shanghai')).toThrow(/cannot read "yesterday"/);
  });

  it('reads amounts into minor units', () => {
    expect(parseAmount('1,999.00')).toBe(199_900);
    expect(parseAmount('￥599')).toBe(59_900);
    expect(parseAmount('¥12.5')).toBe(1250);
    expect(parseAmount('1999元')).toBe(199_900);
    expect(parseAmount('')).toBe(0);
    expect(() => parseAmount('12.345')).toThrow(/cannot read "12.345" as an amount/);
  });

  it('flags phone numbers that Excel turned into scientific notation', () => {
    expect(parsePhone('138-0013-8000')).toEqual({ digits: '13800138000', damaged: false });
    expect(parsePhone('1.38E+10')).toEqual({ digits: null, damaged: true });
  });
});

describe('KPI formulas', () => {
  it('gives "no data" (null), never 0 or NaN, when a denominator is 0', () => {
    const v = kpiValues(emptyCounts());
    expect([
      v.connectRate,
      v.avgTalkSeconds,
      v.intentRate,
      v.leadConversion,
      v.conversionRate,
      v.avgOrderValue,
    ]).toEqual([null, null, null, null, null, null]);
    expect(change(5, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
  });

  it('counts a connect only with talk above 0 s, and effective from the threshold up', () => {
    const base = { intent: false, sale: false, saleAmount: 0 };
    expect(callContribution({ ...base, disposition: 'connected', talkSeconds: 0 }, 30)).toMatchObject({
      dials: 1,
      connects: 0,
    });
    expect(callContribution({ ...base, disposition: 'voicemail', talkSeconds: 40 }, 30)).toMatchObject({
      connects: 0,
    });
    expect(callContribution({ ...base, disposition: 'connected', talkSeconds: 30 }, 30)).toMatchObject({
      connects: 1,
      effective: 1,
      effectiveTalkSeconds: 30,
    });
    expect(callContribution({ ...base, disposition: 'connected', talkSeconds: 29 }, 30)).toMatchObject({
      connects: 1,
      effective: 0,
      talkSeconds: 29,
    });
  });

  it('derives rates from counts', () => {
    const v = kpiValues({
      ...emptyCounts(),
      dials: 200,
      connects: 70,
      talkSeconds: 7000,
      intents: 14,
      sales: 7,
      revenue: 700_000,
    });
    expect(v).toMatchObject({
      connectRate: 0.35,
      avgTalkSeconds: 100,
      intentRate: 0.2,
      leadConversion: 0.5,
      conversionRate: 0.1,
      avgOrderValue: 100_000,
    });
  });
});

describe('formatting for people', () => {
  it('formats per language, with 万 for large zh-CN numbers', () => {
    expect(formatCount('en', 123456)).toBe('123,456');
    expect(formatCount('zh-CN', 123456)).toBe('12.3万');
    expect(formatPercent('en', 0.3512)).toBe('35.1%');
    expect(formatPercent('en', null)).toBeNull();
    expect(formatDuration('zh-CN', 205)).toBe('3分25秒');
    expect(formatDuration('en', 3723)).toBe('1h 02m');
    expect(formatMoney('zh-CN', 1_234_567_800, 'CNY')).toBe('¥1,234.57万');
    expect(formatMoney('en', 59_900, 'CNY')).toBe('CN¥599');
    expect(formatMoney('en', 59_950, 'CNY')).toBe('CN¥599.50');
    expect(formatMoney('en', 0, 'CNY')).toBe('CN¥0');
  });
});
