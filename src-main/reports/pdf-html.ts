/**
 * The printable report: one self-contained HTML page (A4 landscape, no script, no external
 * resource) that Chromium prints to PDF. Page numbers, the period and the generation time sit in
 * the page margins (CSS margin boxes), so every page says what it is.
 */
import type { Report, ReportChart, ReportTable } from '../../src-shared/reports-model';
import { translate } from '../../src-shared/i18n';
import { cellDecimals, cellType, displayText, totalsRow } from './cells';
import { chartSvg, escapeXml } from './charts-svg';
import { visibleText } from '../../src-shared/visible-text';

/** A CSS string literal of any text (a team name may hold quotes or `</style>`). */
function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} .,:·–()/-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

function tableHtml(report: Report, table: ReportTable): string {
  const head = table.columns
    .map((c) => `<th class="${c.type === 'text' ? 'text' : 'num'}">${escapeXml(c.header)}</th>`)
    .join('');
  const rows = [...table.rows.map((row) => ({ row, total: false }))];
  if (table.totals && table.rows.length > 0)
    rows.push({ row: totalsRow(table, translate(report.language, 'reports.total')), total: true });
  const body = rows
    .map(({ row, total }) => {
      const cells = table.columns
        .map((c) => {
          const type = cellType(c, row);
          const text = displayText(
            type,
            row[c.key] ?? null,
            report.language,
            report.currency,
            cellDecimals(c, row),
          );
          return `<td class="${type === 'text' ? 'text' : 'num'}">${escapeXml(text)}</td>`;
        })
        .join('');
      return `<tr${total ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('');
  const empty =
    table.rows.length === 0
      ? `<p class="empty">${escapeXml(table.empty ?? translate(report.language, 'reports.empty'))}</p>`
      : `<table class="t-${table.id}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  const note = table.note ? `<p class="note">${escapeXml(table.note)}</p>` : '';
  return `<section class="table-section s-${table.id}" id="${table.id}"><h2>${escapeXml(table.title)}</h2>${note}${empty}</section>`;
}

function chartHtml(report: Report, chart: ReportChart): string {
  // A chart with nothing to draw says so instead of showing empty axes.
  const empty = chart.kind === 'auditTrend' ? chart.empty : null;
  const body =
    empty !== null
      ? `<p class="empty">${escapeXml(empty)}</p>`
      : chartSvg(chart, report.language, report.currency);
  return `<figure class="chart c-${chart.kind}"><figcaption>${escapeXml(chart.title)}</figcaption>${body}</figure>`;
}

const FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", "DejaVu Sans", sans-serif';
// Margin boxes do not inherit the body's font.
const MARGIN_TEXT = `font-family: ${FONTS}; font-size: 7.5pt; color: #5b6472;`;

const STYLE = `
  * { box-sizing: border-box; }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-family: ${FONTS}; font-size: 9pt; color: #1f2733; }
  h1 { font-size: 18pt; margin: 0 0 4px; }
  h2 { font-size: 12pt; margin: 14px 0 4px; }
  .lines p { margin: 1px 0; color: #5b6472; }
  .lines p.notice { color: #8a4b00; font-weight: 600; }
  .overview { display: flex; gap: 18px; align-items: flex-start; }
  .overview > .table-section { flex: 1 1 50%; }
  .overview > .side { flex: 0 0 490px; }
  figure { margin: 8px 0 0; break-inside: avoid; }
  figcaption { font-weight: 600; font-size: 10pt; margin-bottom: 2px; }
  svg { display: block; max-width: 100%; height: auto; }
  svg text { font-family: inherit; }
  .note { margin: 0 0 4px; color: #5b6472; font-size: 8pt; }
  .empty { color: #5b6472; }
  table { border-collapse: collapse; width: 100%; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { background: #e8edf3; font-weight: 600; padding: 3px 4px; border-bottom: 1px solid #8a94a6;
    vertical-align: bottom; }
  td { padding: 2px 4px; border-bottom: 1px solid #eef1f5; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  th.num { white-space: normal; }
  .text { text-align: left; }
  tr.total td { font-weight: 700; border-top: 1px solid #8a94a6; border-bottom: none; }
  .wide { font-size: 7.2pt; }
  .wide th, .wide td { padding: 2px 3px; }
  .wide td.text { white-space: nowrap; }
`;

export function reportHtml(report: Report): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(report.language, key);
  const [summary, ...rest] = report.tables;
  const charts = (kind: ReportChart['kind']) =>
    report.charts
      .filter((c) => c.kind === kind)
      .map((c) => chartHtml(report, c))
      .join('');
  const lines = report.lines
    .map((line, i) => `<p${i >= 2 ? ' class="notice"' : ''}>${escapeXml(line)}</p>`)
    .join('');
  const footer = `${report.title} · ${report.periodLabel} · ${report.scopeLabel} · ${report.lines[1] ?? ''}`;
  const page = `
    @page { size: A4 landscape; margin: 11mm 10mm 13mm;
      @bottom-left { content: ${cssString(visibleText(footer))}; ${MARGIN_TEXT} }
      @bottom-right { content: counter(page) " / " counter(pages); ${MARGIN_TEXT} } }`;
  const detail = rest.map((table) => `<div class="wide">${tableHtml(report, table)}</div>`).join('');
  return `<!doctype html>
<html lang="${report.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeXml(`${report.title} ${report.periodLabel}`)}</title>
<style>${page}${STYLE}</style></head>
<body>
<header><h1>${escapeXml(report.title)} · ${escapeXml(report.periodLabel)}</h1><div class="lines">${lines}</div></header>
<div class="overview">${summary ? tableHtml(report, summary) : ''}<div class="side">${charts('funnel')}${charts('leaderboard')}</div></div>
${charts('trend')}
${charts('auditTrend')}
${detail}
<p class="note">${escapeXml(t('reports.pdf.source'))}</p>
</body></html>`;
}
