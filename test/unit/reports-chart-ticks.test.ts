/** The PDF charts' count axes: whole numbers, rising, no label twice (read from the SVG itself). */
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src-main/reports/charts-svg';

/** The labels of the axis whose text elements sit at `x`, bottom to top. */
function axisLabels(svg: string, x: string): string[] {
  const labels = [...svg.matchAll(new RegExp(`<text x="${x}" y="([\\d.]+)"[^>]*>([^<]*)</text>`, 'g'))];
  return labels.sort((a, b) => Number(b[1]) - Number(a[1])).map((m) => m[2] ?? '');
}

function auditTrend(audits: number[]) {
  return chartSvg(
    {
      kind: 'auditTrend',
      title: 'QA',
      weeks: audits.map((n, i) => ({ label: `W${i + 1}`, audits: n, mean: n > 0 ? 80 : null })),
      passMark: 80,
      labels: { score: 'score', audits: 'audits', passMark: 'pass' },
      empty: null,
    },
    'en',
    'CNY',
  );
}

describe('audit trend count axis (right, x=950)', () => {
  it('one audit a week: 0, 1, 2, 3, 4, not "0, 0, 1, 1, 1"', () => {
    expect(axisLabels(auditTrend([1, 1, 0]), '950')).toEqual(['0', '1', '2', '3', '4']);
  });

  it('six audits: steps of 2', () => {
    expect(axisLabels(auditTrend([6, 3]), '950')).toEqual(['0', '2', '4', '6', '8']);
  });

  it('37 audits: steps of 10', () => {
    expect(axisLabels(auditTrend([37]), '950')).toEqual(['0', '10', '20', '30', '40']);
  });
});

describe('daily trend count axis (left)', () => {
  it('two dials a day: whole numbers', () => {
    const svg = chartSvg(
      {
        kind: 'trend',
        title: 'Dials',
        days: ['2026-11-02', '2026-11-03'],
        bars: { label: 'dials', values: [2, 1] },
        line: { label: 'connect rate', values: [0.5, 1] },
      },
      'en',
      'CNY',
    );
    const left = [...svg.matchAll(/<text x="50" y="([\d.]+)" text-anchor="end"[^>]*>([^<]*)<\/text>/g)]
      .sort((a, b) => Number(b[1]) - Number(a[1]))
      .map((m) => m[2]);
    expect(left).toEqual(['0', '1', '2', '3', '4']);
  });
});
