/** A table column is written in one unit and one precision (expected strings written by hand). */
import { describe, expect, it } from 'vitest';
import { columnStyle, formatAttainment, formatCount, formatMoney } from '../../src-shared/i18n';

function moneyColumn(language: 'en' | 'zh-CN', values: number[]): string[] {
  const style = columnStyle(language, values, 'money');
  return values.map((v) => formatMoney(language, v, 'CNY', style) ?? '');
}

describe('money columns', () => {
  it('the bonus column with ¥3,836 and ¥112.94 drops cents in both rows', () => {
    expect(moneyColumn('zh-CN', [383_600, 11_294])).toEqual(['¥3,836', '¥113']);
  });

  it('a column of small amounts with cents keeps two decimals in every row', () => {
    expect(moneyColumn('zh-CN', [11_294, 50_000, 0])).toEqual(['¥112.94', '¥500.00', '¥0.00']);
  });

  it('the team column with ¥10.11万 and ¥63,772 is all in 万 with two decimals', () => {
    expect(moneyColumn('zh-CN', [10_110_000, 6_377_200])).toEqual(['¥10.11万', '¥6.38万']);
  });

  it('English never uses 万 and follows the same cents rule', () => {
    expect(moneyColumn('en', [10_110_000, 6_377_250])).toEqual(['CN¥101,100', 'CN¥63,773']);
  });

  it('a lone value keeps its own style (tiles)', () => {
    expect(formatMoney('zh-CN', 11_294, 'CNY')).toBe('¥112.94');
    expect(formatMoney('zh-CN', 10_110_000, 'CNY')).toBe('¥10.11万');
    expect(formatMoney('zh-CN', 10_000_000, 'CNY')).toBe('¥10万');
  });

  it('nulls do not decide the style', () => {
    expect(columnStyle('zh-CN', [null, 11_294], 'money')).toEqual({ wan: false, cents: true });
  });
});

describe('count columns', () => {
  it('zh-CN: one count from 100,000 puts the whole column in 万 with one decimal', () => {
    const values = [123_456, 8_000];
    const style = columnStyle('zh-CN', values, 'count');
    expect(values.map((v) => formatCount('zh-CN', v, style))).toEqual(['12.3万', '0.8万']);
  });

  it('below 100,000 the column is grouped digits', () => {
    const style = columnStyle('zh-CN', [99_999, 12], 'count');
    expect([99_999, 12].map((v) => formatCount('zh-CN', v, style))).toEqual(['99,999', '12']);
  });
});

describe('attainment never rounds up to the goal', () => {
  it('99.96 % reads 99 %, 99.9 % at one decimal, and only a met goal reads 100 %', () => {
    expect(formatAttainment('en', 0.9996)).toBe('99%');
    expect(formatAttainment('en', 0.9996, 1)).toBe('99.9%');
    expect(formatAttainment('en', 1)).toBe('100%');
    expect(formatAttainment('zh-CN', 1.2349, 1)).toBe('123.4%');
  });

  it('float error does not floor an exact value down', () => {
    expect(formatAttainment('en', 0.29)).toBe('29%');
    expect(formatAttainment('en', 0.57)).toBe('57%');
    expect(formatAttainment('en', null)).toBeNull();
  });
});
