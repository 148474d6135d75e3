/**
 * What the dashboard's tables and the calls list show, as a workbook or a CSV. The tables become a
 * report table (reports-model) and go through the reports' own writers: the XLSX writer's number
 * formats and totals formulas, the CSV writer that neutralises formulas. The calls list is read
 * page by page through the explorer's keyset pages and stops at CALLS_EXPORT_CAP rows.
 */
import { LEADERBOARD_EXPORT_KPIS } from '../../src-shared/leaderboard-kpis';
import { CALLS_EXPORT_CAP, type Output, type ParsedInput } from '../../src-shared/api';
import type { Language } from '../../src-shared/domain';
import { translate, type MessageKey } from '../../src-shared/i18n';
import type { KpiKey } from '../../src-shared/kpi';
import type { Report, ReportColumn, ReportRow, ReportTable } from '../../src-shared/reports-model';
import { listCalls } from '../calls/explorer';
import { breakdown, leaderboard } from '../metrics/queries';
import { tableCsv } from '../reports/csv';
import { kpiColumn } from '../reports/sections';
import { writeXlsx } from '../reports/xlsx';
import type { Workspace } from '../workspace';
import { chosenTeamsLabel } from '../people/team-filter';
import { now } from '../clock';

const CALLS_PAGE = 500;

type ExportInput = ParsedInput<'review.export'>;

const text = (
  key: string,
  header: string,
  total: ReportColumn['total'] = { kind: 'none' },
): ReportColumn => ({
  key,
  header,
  type: 'text',
  total,
});

async function tableFor(
  ws: Workspace,
  input: ExportInput,
  t: (key: MessageKey) => string,
): Promise<{ table: ReportTable; capped: boolean }> {
  const kpis = LEADERBOARD_EXPORT_KPIS.map((k) => kpiColumn(k, t(`kpi.${k}`)));
  const kpiCells = (row: Record<KpiKey, number | null>): ReportRow =>
    Object.fromEntries(LEADERBOARD_EXPORT_KPIS.map((k) => [k, row[k]]));
  const filter = input.query.filter;
  if (input.table === 'leaderboard') {
    const { rows } = await leaderboard(ws.kysely, filter);
    // The leaderboard's first order: most dials first (then by 工号).
    const sorted = [...rows].sort(
      (a, b) => b.dials - a.dials || (a.key ?? '').localeCompare(b.key ?? '', 'en', { numeric: true }),
    );
    return {
      capped: false,
      table: {
        id: 'leaderboard',
        title: t('review.export.sheet.leaderboard'),
        columns: [
          { key: 'rank', header: t('review.export.col.rank'), type: 'count', total: { kind: 'none' } },
          text('agent', t('review.export.col.agent'), { kind: 'label' }),
          text('code', t('review.export.col.code')),
          text('team', t('review.export.col.team')),
          ...kpis,
        ],
        rows: sorted.map((r, i) => ({
          rank: i + 1,
          agent: r.label ?? r.key,
          code: r.key,
          team: r.teamName ?? t('review.export.noTeam'),
          ...kpiCells(r),
        })),
        totals: true,
      },
    };
  }
  if (input.table === 'teams') {
    const rows = await breakdown(ws.kysely, filter, 'team');
    return {
      capped: false,
      table: {
        id: 'teams',
        title: t('review.export.sheet.teams'),
        columns: [text('team', t('review.export.col.team'), { kind: 'label' }), ...kpis],
        rows: rows.map((r) => ({ team: r.label ?? t('review.export.noTeam'), ...kpiCells(r) })),
        totals: true,
      },
    };
  }
  return callsTable(ws, input, t);
}

async function callsTable(
  ws: Workspace,
  input: ExportInput,
  t: (key: MessageKey) => string,
): Promise<{ table: ReportTable; capped: boolean }> {
  const timeZone = (await ws.settings()).timeZone;
  const rows: ReportRow[] = [];
  let after: string | undefined;
  let capped = false;
  for (;;) {
    const page = await listCalls(
      ws.kysely,
      { ...input.query, sort: input.sort, order: input.order, after, limit: CALLS_PAGE },
      timeZone,
    );
    for (const c of page.rows) {
      if (rows.length === CALLS_EXPORT_CAP) {
        capped = true;
        break;
      }
      rows.push({
        day: c.day,
        time: c.time,
        agent: c.agentName ?? c.agentCode,
        code: c.agentCode,
        team: c.teamName ?? '',
        campaign: c.campaign ?? '',
        direction: t(`calls.direction.${c.direction}` as MessageKey),
        disposition: t(`import.disposition.${c.disposition}` as MessageKey),
        outcome: c.outcome === 'none' ? '' : t(`import.outcome.${c.outcome}` as MessageKey),
        ring: c.ringSeconds,
        talk: c.talkSeconds,
        amount: c.saleAmount,
        phone: c.phone ?? '',
      });
    }
    if (capped || page.next === null) break;
    if (rows.length === CALLS_EXPORT_CAP) {
      capped = true; // a full file and another page after it
      break;
    }
    after = page.next;
  }
  const num = (key: string, header: string, type: 'duration' | 'money'): ReportColumn => ({
    key,
    header,
    type,
    total: { kind: 'none' },
  });
  return {
    capped,
    table: {
      id: 'calls',
      title: t('review.export.sheet.calls'),
      columns: [
        { key: 'day', header: t('review.export.col.day'), type: 'day', total: { kind: 'none' } },
        text('time', t('review.export.col.time')),
        text('agent', t('review.export.col.agent')),
        text('code', t('review.export.col.code')),
        text('team', t('review.export.col.team')),
        text('campaign', t('review.export.col.campaign')),
        text('direction', t('review.export.col.direction')),
        text('disposition', t('review.export.col.disposition')),
        text('outcome', t('review.export.col.outcome')),
        num('ring', t('review.export.col.ring'), 'duration'),
        num('talk', t('review.export.col.talk'), 'duration'),
        num('amount', t('review.export.col.amount'), 'money'),
        text('phone', t('review.export.col.phone')),
      ],
      rows,
      totals: false,
    },
  };
}

export async function exportTable(ws: Workspace, input: ExportInput): Promise<Output<'review.export'>> {
  const language: Language = input.language;
  const t = (key: MessageKey) => translate(language, key);
  const { table, capped } = await tableFor(ws, input, t);
  const filter = input.query.filter;
  const period = filter.from === filter.to ? filter.from : `${filter.from} – ${filter.to}`;
  const report: Report = {
    title: table.title,
    periodLabel: period,
    range: { from: filter.from, to: filter.to },
    scopeLabel: (await chosenTeamsLabel(ws.kysely, filter, language)) ?? t('review.battle.floor'),
    language,
    currency: (await ws.settings()).currency,
    generatedAt: now(),
    timeZone: (await ws.settings()).timeZone,
    close: null,
    lines: [],
    tables: [table],
    charts: [],
  };
  const base = `${t(`review.export.file.${input.table}` as MessageKey)}-${filter.from}_${filter.to}`;
  const rows = table.rows.length;
  if (input.format === 'csv') {
    const csv = tableCsv(report, table);
    return {
      fileName: `${base}.csv`,
      mime: 'text/csv;charset=utf-8',
      base64: Buffer.from(csv, 'utf8').toString('base64'),
      rows,
      capped,
    };
  }
  const bytes = await writeXlsx(report);
  return {
    fileName: `${base}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
    rows,
    capped,
  };
}

/** The sheet title's scope: the team's name, or the whole floor. */
