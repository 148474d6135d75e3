import { describe, expect, it } from 'vitest';
import {
  assumeUtc,
  parseAmount,
  parseDuration,
  parsePhone,
  parseTimestamp,
} from '../../src-main/import/values';
import {
  addCallContribution,
  change,
  kpiValues,
  emptyCounts,
  emptyRollupCounts,
  rollupContribution,
} from '../../src-shared/kpi';
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

  it('reads clock durations with fractions, English units and 分钟', () => {
    expect(parseDuration('1:02:03.5')).toBe(3724); // fractions round like plain seconds do
    expect(parseDuration('0:00')).toBe(0);
    expect(parseDuration('1h 2m 3s')).toBe(3723);
    expect(parseDuration('1h2m3s')).toBe(3723);
    expect(parseDuration('2m 3s')).toBe(123);
    expect(parseDuration('45s')).toBe(45);
    expect(parseDuration('2 min 3 sec')).toBe(123);
    expect(parseDuration('3 minutes')).toBe(180);
    expect(parseDuration('1小时2分钟3秒')).toBe(3723);
    expect(parseDuration('2分钟')).toBe(120);
    expect(parseDuration('１２５')).toBe(125);
    expect(() => parseDuration('2 weeks')).toThrow(/cannot read "2 weeks" as a duration/);
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

  it('reads exact instants from a Shanghai wall time and from times with a zone', () => {
    // 2026-11-03 09:15:02 in Shanghai (UTC+8, no DST) is 01:15:02 UTC
    expect(parseTimestamp('2026-11-03 09:15:02', 'Asia/Shanghai')).toBe(1_793_668_502_000);
    expect(parseTimestamp('2026-11-03T09:15:02+08:00', 'America/New_York')).toBe(1_793_668_502_000);
    expect(parseTimestamp('Tue, 03 Nov 2026 01:15:02 GMT', 'Asia/Shanghai')).toBe(1_793_668_502_000);
    expect(parseTimestamp('02 Nov 2026 20:15:02 -0500', 'Asia/Shanghai')).toBe(1_793_668_502_000);
    expect(parseTimestamp('2026-11-03 01:15:02 UTC', 'Asia/Shanghai')).toBe(1_793_668_502_000);
  });

  it('reads RFC-style, US and 12-hour timestamps as wall time unless a zone is given', () => {
    const sh = (s: string) => new Date(parseTimestamp(s, 'Asia/Shanghai')).toISOString();
    expect(sh('Thu, 01 Oct 2026 17:08:37')).toBe('2026-10-01T09:08:37.000Z');
    expect(sh('01 Oct 2026 17:08:37')).toBe('2026-10-01T09:08:37.000Z');
    expect(sh('Thu, 01 Oct 2026 17:08:37 GMT')).toBe('2026-10-01T17:08:37.000Z');
    expect(sh('Thu, 01 Oct 2026 17:08:37 +0000')).toBe('2026-10-01T17:08:37.000Z');
    expect(sh('27 Oct 2016 14:51:34')).toBe('2016-10-27T06:51:34.000Z');
    // slash with the 4-digit year last is month/day/year (US exports)
    expect(sh('10/27/2016 2:51:34 PM')).toBe('2016-10-27T06:51:34.000Z');
    expect(sh('10/27/2016 14:51')).toBe('2016-10-27T06:51:00.000Z');
    expect(sh('11/3/2026 12:05 AM')).toBe('2026-11-02T16:05:00.000Z');
    expect(sh('11/3/2026 12:05 PM')).toBe('2026-11-03T04:05:00.000Z');
    // year first stays year/month/day (Chinese exports)
    expect(sh('2026/11/3 下午 2:15:00')).toBe('2026-11-03T06:15:00.000Z');
    expect(sh('2026/11/3 2:15:00 下午')).toBe('2026-11-03T06:15:00.000Z');
    expect(sh('2026/11/3 上午 9:15')).toBe('2026-11-03T01:15:00.000Z');
    expect(sh('2026年11月3日 9:15')).toBe('2026-11-03T01:15:00.000Z');
    expect(sh('１７９３６６８５０２')).toBe('2026-11-03T01:15:02.000Z');
    expect(() => parseTimestamp('13/27/2016 1:00', 'Asia/Shanghai')).toThrow(/not a valid date/);
    expect(() => parseTimestamp('10/27/2016 13:00 PM', 'Asia/Shanghai')).toThrow(/12-hour marker/);
  });

  it('reads Excel serial numbers as wall time, minding the 1900 leap-year bug', () => {
    const sh = (s: string) => new Date(parseTimestamp(s, 'Asia/Shanghai')).toISOString();
    // serial 46329 = 2026-11-03 (days since 1899-12-30); .385439815 of a day = 09:15:02
    expect(sh('46329')).toBe('2026-11-02T16:00:00.000Z');
    expect(sh('46329.385439815')).toBe('2026-11-03T01:15:02.000Z');
    expect(() => parseTimestamp('60', 'Asia/Shanghai')).toThrow(/1900-02-29/);
  });

  it('reads a zone-less ISO time as UTC only for layouts documented to write UTC', () => {
    expect(assumeUtc('2026-11-03 17:30:00')).toBe('2026-11-03 17:30:00 UTC');
    expect(assumeUtc('2026-11-03T17:30:00Z')).toBe('2026-11-03T17:30:00Z');
    expect(assumeUtc('2026-11-03T17:30:00+08:00')).toBe('2026-11-03T17:30:00+08:00');
    expect(parseTimestamp(assumeUtc('2026-11-03 17:30:00'), 'Asia/Shanghai')).toBe(
      Date.parse('2026-11-03T17:30:00Z'),
    );
  });

  it('refuses dates before 1990 or after 2100 as a misread column', () => {
    expect(() => parseTimestamp('2026', 'Asia/Shanghai')).toThrow(/between 1990 and 2100/);
    expect(() => parseTimestamp('1985-01-01 10:00', 'Asia/Shanghai')).toThrow(/between 1990 and 2100/);
    expect(parseTimestamp('4102444800', 'Asia/Shanghai')).toBe(Date.UTC(2100, 0, 1));
    expect(() => parseTimestamp('4133980800', 'Asia/Shanghai')).toThrow(/between 1990 and 2100/); // 2101-01-01
  });

  it('reads amounts into minor units', () => {
    expect(parseAmount('1,999.00')).toBe(199_900);
    expect(parseAmount('￥599')).toBe(59_900);
    expect(parseAmount('¥12.5')).toBe(1250);
    expect(parseAmount('1999元')).toBe(199_900);
    expect(parseAmount('')).toBe(0);
    expect(() => parseAmount('12.345')).toThrow(/cannot read "12.345" as an amount/);
  });

  it('reads currency codes, accounting negatives, 元 and full-width digits', () => {
    expect(parseAmount('USD 12.50')).toBe(1250);
    expect(parseAmount('12.50 USD')).toBe(1250);
    expect(parseAmount('(12.00)')).toBe(-1200);
    expect(parseAmount('-$12.50')).toBe(-1250);
    expect(parseAmount('1999.5元')).toBe(199_950);
    expect(parseAmount('１９９９')).toBe(199_900);
    expect(parseAmount('￥１，９９９．００')).toBe(199_900);
    // a comma is always a thousands separator: a decimal comma is refused, not misread
    expect(() => parseAmount('€1.234,56')).toThrow(/cannot read "€1.234,56" as an amount/);
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
    const PARAMS = { threshold: 30, short: 10 };
    expect(rollupContribution({ ...base, disposition: 'connected', talkSeconds: 0 }, PARAMS)).toMatchObject({
      dials: 1,
      connects: 0,
    });
    expect(rollupContribution({ ...base, disposition: 'voicemail', talkSeconds: 40 }, PARAMS)).toMatchObject({
      connects: 0,
    });
    expect(rollupContribution({ ...base, disposition: 'connected', talkSeconds: 30 }, PARAMS)).toMatchObject({
      connects: 1,
      effective: 1,
      effectiveTalkSeconds: 30,
    });
    expect(rollupContribution({ ...base, disposition: 'connected', talkSeconds: 29 }, PARAMS)).toMatchObject({
      connects: 1,
      effective: 0,
      talkSeconds: 29,
    });
  });

  it('counts a short connect under the short seconds, and a sale under the threshold as without talk', () => {
    const base = { intent: true, sale: true, saleAmount: 100 };
    const PARAMS = { threshold: 30, short: 10 };
    expect(rollupContribution({ ...base, disposition: 'connected', talkSeconds: 9 }, PARAMS)).toMatchObject({
      shortConnects: 1,
      shortTalkSeconds: 9,
      salesWithoutTalk: 1,
    });
    expect(rollupContribution({ ...base, disposition: 'connected', talkSeconds: 10 }, PARAMS)).toMatchObject({
      shortConnects: 0,
      shortTalkSeconds: 0,
      salesWithoutTalk: 1,
    });
    // no talk: not a connect, so not a short one; the sale still had no talk
    expect(rollupContribution({ ...base, disposition: 'connected', talkSeconds: 0 }, PARAMS)).toMatchObject({
      shortConnects: 0,
      salesWithoutTalk: 1,
    });
    expect(rollupContribution({ ...base, disposition: 'connected', talkSeconds: 30 }, PARAMS)).toMatchObject({
      salesWithoutTalk: 0,
    });
    expect(
      rollupContribution({ ...base, sale: false, disposition: 'connected', talkSeconds: 5 }, PARAMS),
    ).toMatchObject({ salesWithoutTalk: 0, shortConnects: 1 });
  });

  it('adds a call in place as rollupContribution counts it, over every kind of call', () => {
    const into = emptyRollupCounts();
    const expected = emptyRollupCounts();
    for (const disposition of ['connected', 'no_answer', 'voicemail'] as const)
      for (const talkSeconds of [0, 9, 10, 29, 30, 31])
        for (const [intent, sale, saleAmount] of [
          [false, false, 0],
          [true, false, 0],
          [true, true, 1999],
        ] as const) {
          const call = { disposition, talkSeconds, intent, sale, saleAmount };
          addCallContribution(into, call, { threshold: 30, short: 10 });
          // by hand: a connect is connected with talk > 0; effective adds talk >= 30, short talk < 10
          const connect = disposition === 'connected' && talkSeconds > 0;
          const effective = connect && talkSeconds >= 30;
          expected.dials += 1;
          expected.connects += connect ? 1 : 0;
          expected.effective += effective ? 1 : 0;
          expected.talkSeconds += connect ? talkSeconds : 0;
          expected.effectiveTalkSeconds += effective ? talkSeconds : 0;
          expected.intents += intent ? 1 : 0;
          expected.sales += sale ? 1 : 0;
          expected.revenue += sale ? saleAmount : 0;
          expected.shortConnects += connect && talkSeconds < 10 ? 1 : 0;
          expected.shortTalkSeconds += connect && talkSeconds < 10 ? talkSeconds : 0;
          expected.salesWithoutTalk += sale && talkSeconds < 30 ? 1 : 0;
          expect(rollupContribution(call, { threshold: 30, short: 10 })).toEqual(
            addCallContribution(emptyRollupCounts(), call, { threshold: 30, short: 10 }),
          );
        }
    expect(into).toEqual(expected);
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
