/**
 * The PDF's charts as inline SVG, drawn here on the server: crisp at any zoom, no canvas, no script
 * in the printed page. Sizes are in CSS pixels of an A4 landscape page (about 1050 px wide).
 */
import type { Language } from '../../src-shared/domain';
import type { ReportChart } from '../../src-shared/reports-model';
import { displayText } from './cells';
import { visibleText } from '../../src-shared/visible-text';

/** Escapes text for the report's HTML and SVG, bidirectional controls shown as what they are. */
export function escapeXml(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const INK = '#1f2733';
const MUTED = '#5b6472';
const GRID = '#d9dee6';
const BAR = '#3b6fd8';
const LINE = '#d9822b';
const PASS = '#c0392b';

/**
 * A round axis maximum above `max` (1, 2, 2.5 or 5 times a power of ten), split in four. A count
 * axis (`integer`) steps by whole numbers, so its four labels never read "1, 1, 1, 0, 0".
 */
function niceMax(max: number, integer = false): number {
  if (max <= 0) return integer ? 4 : 1;
  // four gridlines: the step (a quarter of the axis) is the round number
  const quarter = max / 4;
  const power = Math.max(integer ? 1 : 0, 10 ** Math.floor(Math.log10(quarter)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (integer && !Number.isInteger(step * power)) continue;
    if (step * power >= quarter) return 4 * step * power;
  }
  return 40 * power;
}

function trendSvg(chart: Extract<ReportChart, { kind: 'trend' }>, language: Language): string {
  const width = 1000;
  const height = 260;
  const left = 56;
  const right = 56;
  const top = 28;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = Math.max(1, chart.days.length);
  const barMax = niceMax(Math.max(0, ...chart.bars.values), true);
  const rates = chart.line.values.filter((v): v is number => v !== null);
  const rateMax = Math.min(1, niceMax(Math.max(0.01, ...rates)));
  const slot = plotW / n;
  const x = (i: number) => left + slot * i + slot / 2;
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const y = top + plotH - (plotH * k) / 4;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="${GRID}" />`);
    parts.push(
      `<text x="${left - 6}" y="${y + 4}" text-anchor="end" fill="${MUTED}">${escapeXml(displayText('count', (barMax * k) / 4, language, 'CNY', 0))}</text>`,
    );
    parts.push(
      `<text x="${width - right + 6}" y="${y + 4}" fill="${LINE}">${escapeXml(displayText('percent', (rateMax * k) / 4, language, 'CNY', 0))}</text>`,
    );
  }
  const barW = Math.max(1, Math.min(24, slot * 0.7));
  chart.bars.values.forEach((v, i) => {
    const h = (plotH * v) / barMax;
    parts.push(
      `<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${BAR}" opacity="0.8" />`,
    );
  });
  // The rate line breaks where a day has no data instead of dropping to 0.
  let path = '';
  chart.line.values.forEach((v, i) => {
    if (v === null) return;
    const y = top + plotH - (plotH * Math.min(v, rateMax)) / rateMax;
    path += `${path === '' || chart.line.values[i - 1] === null ? 'M' : 'L'}${x(i).toFixed(1)},${y.toFixed(1)} `;
  });
  if (path) parts.push(`<path d="${path}" fill="none" stroke="${LINE}" stroke-width="2.2" />`);
  chart.line.values.forEach((v, i) => {
    if (v === null) return;
    const y = top + plotH - (plotH * Math.min(v, rateMax)) / rateMax;
    parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y.toFixed(1)}" r="2.4" fill="${LINE}" />`);
  });
  // Day labels: at most ~16, always the first and last.
  const every = Math.max(1, Math.ceil(n / 16));
  chart.days.forEach((d, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    parts.push(
      `<text x="${x(i).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle" fill="${MUTED}">${escapeXml(n > 62 ? d.slice(2) : d.slice(5))}</text>`,
    );
  });
  const legend =
    `<rect x="${left}" y="6" width="12" height="10" fill="${BAR}" opacity="0.8" />` +
    `<text x="${left + 18}" y="15" fill="${INK}">${escapeXml(chart.bars.label)}</text>` +
    `<line x1="${left + 140}" x2="${left + 160}" y1="11" y2="11" stroke="${LINE}" stroke-width="2.2" />` +
    `<text x="${left + 166}" y="15" fill="${INK}">${escapeXml(chart.line.label)}</text>`;
  return svg(width, height, legend + parts.join(''));
}

function funnelSvg(chart: Extract<ReportChart, { kind: 'funnel' }>, language: Language): string {
  const width = 490;
  const rowH = 40;
  const height = chart.steps.length * rowH + 10;
  const labelW = 150;
  const barArea = width - labelW - 10;
  const first = chart.steps[0]?.value ?? 0;
  const parts = chart.steps.map((step, i) => {
    const w = first > 0 ? Math.max(2, (barArea * step.value) / first) : 2;
    const y = 5 + i * rowH;
    const share = first > 0 ? displayText('percent', step.value / first, language, 'CNY', 0) : '–';
    const value = `${displayText('count', step.value, language, 'CNY', 0)} · ${share}`;
    // The value sits inside a wide bar, and beside a narrow one (never half on it).
    const inside = w > 150;
    const valueText = inside
      ? `<text x="${labelW + barArea / 2}" y="${y + 24}" text-anchor="middle" fill="#fff" font-weight="600">${escapeXml(value)}</text>`
      : `<text x="${labelW + (barArea + w) / 2 + 8}" y="${y + 24}" fill="${INK}" font-weight="600">${escapeXml(value)}</text>`;
    return (
      `<text x="${labelW - 8}" y="${y + 24}" text-anchor="end" fill="${INK}">${escapeXml(step.label)}</text>` +
      `<rect x="${labelW + (barArea - w) / 2}" y="${y + 6}" width="${w}" height="${rowH - 12}" rx="3" fill="${BAR}" opacity="${1 - i * 0.13}" />` +
      valueText
    );
  });
  return svg(width, height, parts.join(''));
}

function leaderboardSvg(
  chart: Extract<ReportChart, { kind: 'leaderboard' }>,
  language: Language,
  currency: string,
): string {
  const width = 490;
  const rowH = 24;
  const height = Math.max(1, chart.bars.length) * rowH + 10;
  const labelW = 130;
  const valueW = 110;
  const barArea = width - labelW - valueW;
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const parts = chart.bars.map((bar, i) => {
    const y = 5 + i * rowH;
    const w = Math.max(1, (barArea * bar.value) / max);
    const label = bar.label.length > 14 ? `${bar.label.slice(0, 13)}…` : bar.label;
    return (
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" fill="${INK}">${escapeXml(`${i + 1}. ${label}`)}</text>` +
      `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" rx="2" fill="${BAR}" />` +
      `<text x="${labelW + w + 6}" y="${y + 16}" fill="${INK}">${escapeXml(displayText(chart.valueType, bar.value, language, currency, 0))}</text>`
    );
  });
  return svg(width, height, parts.join(''));
}

/**
 * The audit trend: per week the number of audits (bars, right axis) and their mean score (line on
 * a fixed 0–100 axis, each point labelled), with the scorecard's pass mark as a dashed line.
 */
function auditTrendSvg(chart: Extract<ReportChart, { kind: 'auditTrend' }>, language: Language): string {
  const width = 1000;
  const height = 250;
  const left = 56;
  const right = 56;
  const top = 30;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = Math.max(1, chart.weeks.length);
  const countMax = niceMax(Math.max(0, ...chart.weeks.map((w) => w.audits)), true);
  const slot = plotW / n;
  const x = (i: number) => left + slot * i + slot / 2;
  const yScore = (score: number) => top + plotH - (plotH * Math.max(0, Math.min(100, score))) / 100;
  const number = (v: number, decimals: number) => displayText('count', v, language, 'CNY', decimals);
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const y = top + plotH - (plotH * k) / 4;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="${GRID}" />`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" fill="${LINE}">${25 * k}</text>`);
    parts.push(
      `<text x="${width - right + 6}" y="${y + 4}" fill="${MUTED}">${escapeXml(number((countMax * k) / 4, 0))}</text>`,
    );
  }
  const barW = Math.min(56, slot * 0.5);
  chart.weeks.forEach((w, i) => {
    const h = (plotH * w.audits) / countMax;
    const y = top + plotH - h;
    parts.push(
      `<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${BAR}" opacity="0.3" />`,
      `<text x="${x(i).toFixed(1)}" y="${(top + plotH - 4).toFixed(1)}" text-anchor="middle" fill="${BAR}" font-weight="600">${escapeXml(number(w.audits, 0))}</text>`,
      `<text x="${x(i).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle" fill="${MUTED}">${escapeXml(w.label)}</text>`,
    );
  });
  if (chart.passMark !== null) {
    const y = yScore(chart.passMark).toFixed(1);
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="${PASS}" stroke-width="1.5" stroke-dasharray="6 4" />`,
    );
  }
  // The score line breaks across a week without audits instead of dropping to 0.
  let path = '';
  chart.weeks.forEach((w, i) => {
    if (w.mean === null) return;
    const gap = path === '' || chart.weeks[i - 1]?.mean === null;
    path += `${gap ? 'M' : 'L'}${x(i).toFixed(1)},${yScore(w.mean).toFixed(1)} `;
  });
  if (path) parts.push(`<path d="${path}" fill="none" stroke="${LINE}" stroke-width="2.2" />`);
  chart.weeks.forEach((w, i) => {
    if (w.mean === null) return;
    const y = yScore(w.mean);
    // The label goes below a point near the top, so it never leaves the plot.
    const labelY = y < top + 18 ? y + 16 : y - 8;
    // A week below the pass mark stands out in the pass line's red.
    const below = chart.passMark !== null && w.mean < chart.passMark;
    parts.push(
      `<circle cx="${x(i).toFixed(1)}" cy="${y.toFixed(1)}" r="${below ? 4 : 3.2}" fill="${below ? PASS : LINE}" />`,
      `<text x="${x(i).toFixed(1)}" y="${labelY.toFixed(1)}" text-anchor="middle" fill="${below ? PASS : INK}" font-weight="600">${escapeXml(number(w.mean, 1))}</text>`,
    );
  });
  let legend =
    `<line x1="${left}" x2="${left + 20}" y1="11" y2="11" stroke="${LINE}" stroke-width="2.2" />` +
    `<text x="${left + 26}" y="15" fill="${INK}">${escapeXml(chart.labels.score)}</text>` +
    `<rect x="${left + 200}" y="6" width="12" height="10" fill="${BAR}" opacity="0.3" />` +
    `<text x="${left + 218}" y="15" fill="${INK}">${escapeXml(chart.labels.audits)}</text>`;
  if (chart.passMark !== null)
    legend +=
      `<line x1="${left + 360}" x2="${left + 384}" y1="11" y2="11" stroke="${PASS}" stroke-width="1.5" stroke-dasharray="6 4" />` +
      `<text x="${left + 390}" y="15" fill="${INK}">${escapeXml(chart.labels.passMark)}</text>`;
  return svg(width, height, legend + parts.join(''));
}

function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="12" role="img">${body}</svg>`;
}

export function chartSvg(chart: ReportChart, language: Language, currency: string): string {
  switch (chart.kind) {
    case 'trend':
      return trendSvg(chart, language);
    case 'funnel':
      return funnelSvg(chart, language);
    case 'leaderboard':
      return leaderboardSvg(chart, language, currency);
    case 'auditTrend':
      return auditTrendSvg(chart, language);
  }
}
