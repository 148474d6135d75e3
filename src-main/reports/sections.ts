/**
 * The report's sections, in order. Each turns the report's numbers into one table (and the charts
 * drawn from it); the writers know nothing about any section.
 *
 * Where other features plug in:
 * - extra columns on a core table: a `ColumnExtension` for 'summary' or 'agents' appended to
 *   `COLUMN_EXTENSIONS` (targets: attainment per KPI row; composite score, grade, variable pay);
 * - a table of their own: a `ReportSection` in `REPORT_SECTIONS` (audits, ratings, coaching).
 * Either reads its feature only through a `SectionSource` (sources.ts) with `ctx.input(source)`,
 * never the workspace directly: that is what lets a month close freeze it.
 */
import { compareCodes } from '../../src-shared/collate';
import type { Filter, MetricsRow } from '../../src-shared/api';
import type { Language } from '../../src-shared/domain';
import { translate, type MessageKey, type MessageParams } from '../../src-shared/i18n';
import {
  CALLS_PER_AGENT_DAY,
  KPI_DEFINITIONS,
  RATE_KEYS,
  callsPerAgentDay,
  change,
  type KpiKey,
  type KpiValues,
} from '../../src-shared/kpi';
import {
  rateTotal,
  type CellValue,
  type ColumnType,
  type ReportChart,
  type ReportColumn,
  type ReportRow,
  type Month,
  type ReportTable,
} from '../../src-shared/reports-model';
import { addDays, weekdayOf, type Day } from '../../src-shared/time';
import { auditCommentsSection, auditItemsSection, auditScoresSection } from './section-audits';
import { followUpsSection } from './section-coaching';
import { orderSummaryRows } from './section-orders';
import { ratingsSection } from './section-ratings';
import { monthOfRange, scoresOnAgents, targetsOnSummary } from './section-targets';
import type { ReportData } from './data';
import type { SourceReader } from './sources';

export interface SectionContext {
  data: ReportData;
  language: Language;
  t: (key: MessageKey, params?: MessageParams) => string;
  filter: Filter;
  /** the other features' figures: live, or as stored by the month close */
  input: SourceReader;
  /** the calendar month the range is exactly, or null (targets and scores exist only for months) */
  month: Month | null;
  /** the workspace's today, or the day of the close (what "overdue" is measured against) */
  today: Day;
}

export interface ReportSection {
  id: string;
  build(ctx: SectionContext): Promise<{ table: ReportTable | null; charts: ReportChart[] }>;
}

/** Extra columns for a core table (targets: attainment on Summary, score and grade on Agents). */
export interface ColumnExtension {
  table: 'summary' | 'agents';
  columns(ctx: SectionContext): Promise<ReportColumn[]>;
  /** the extra cells of one row (a Summary row carries `kpi`, an Agents row `agentId`) */
  values(ctx: SectionContext, row: ReportRow): Promise<Record<string, CellValue>>;
  /** a line added to the table's note (e.g. why the columns are missing for a quarter) */
  note?(ctx: SectionContext): Promise<string | null>;
}

export const COLUMN_EXTENSIONS: ColumnExtension[] = [targetsOnSummary, scoresOnAgents];

export function contextFor(
  data: ReportData,
  language: Language,
  filter: Filter,
  input: SourceReader,
  today: Day,
): SectionContext {
  return {
    data,
    language,
    filter,
    input,
    today,
    month: monthOfRange(data.range),
    t: (key, params) => translate(language, key, params),
  };
}

function columnType(key: KpiKey): ColumnType {
  const unit = KPI_DEFINITIONS[key].unit;
  return unit === 'rate' ? 'percent' : unit === 'seconds' ? 'duration' : unit;
}

/** The KPI columns in the order a team lead reads them: activity, quality, outcome. */
const KPI_ORDER: KpiKey[] = [
  'dials',
  'connects',
  'connectRate',
  'effective',
  'talkSeconds',
  'effectiveTalkSeconds',
  'avgTalkSeconds',
  'intents',
  'intentRate',
  'sales',
  'leadConversion',
  'conversionRate',
  'revenue',
  'avgOrderValue',
];

/** A KPI's column: its unit as the cell type, and a totals cell that sums or takes the ratio. */
export function kpiColumn(key: KpiKey, header: string): ReportColumn {
  return {
    key,
    header,
    type: columnType(key),
    total: (RATE_KEYS as readonly string[]).includes(key)
      ? rateTotal(key as (typeof RATE_KEYS)[number])
      : { kind: 'sum' },
  };
}

function kpiColumns(ctx: SectionContext): ReportColumn[] {
  return KPI_ORDER.map((key) => kpiColumn(key, ctx.t(`kpi.${key}`)));
}

function kpiCells(row: KpiValues): ReportRow {
  return Object.fromEntries(KPI_ORDER.map((key) => [key, row[key]]));
}

const labelColumn = (key: string, header: string): ReportColumn => ({
  key,
  header,
  type: 'text',
  total: { kind: 'label' },
});
const textColumn = (key: string, header: string): ReportColumn => ({
  key,
  header,
  type: 'text',
  total: { kind: 'none' },
});

async function extend(
  ctx: SectionContext,
  table: 'summary' | 'agents',
  columns: ReportColumn[],
  rows: ReportRow[],
  note: string,
): Promise<{ columns: ReportColumn[]; rows: ReportRow[]; note: string }> {
  for (const ext of COLUMN_EXTENSIONS.filter((e) => e.table === table)) {
    columns = [...columns, ...(await ext.columns(ctx))];
    rows = await Promise.all(rows.map(async (r) => ({ ...r, ...(await ext.values(ctx, r)) })));
    const more = ext.note ? await ext.note(ctx) : null;
    if (more) note = `${note} ${more}`;
  }
  return { columns, rows, note };
}

const summarySection: ReportSection = {
  id: 'summary',
  async build(ctx) {
    const s = ctx.data.summary;
    const rows: ReportRow[] = KPI_ORDER.map((key) => ({
      kpi: key,
      label: ctx.t(`kpi.${key}`),
      unit: columnType(key),
      current: s.current[key],
      previous: s.previous[key],
      change: change(s.current[key], s.previous[key]),
    }));
    const perDay = callsPerAgentDay(s.current.dials, s.agentDays);
    const perDayBefore = callsPerAgentDay(s.previous.dials, s.previousAgentDays);
    rows.push({
      kpi: CALLS_PER_AGENT_DAY.key,
      label: ctx.t('kpi.callsPerAgentDay'),
      unit: 'count',
      decimals: 1,
      current: perDay,
      previous: perDayBefore,
      change: change(perDay, perDayBefore),
    });
    rows.push(...(await orderSummaryRows(ctx)));
    const columns: ReportColumn[] = [
      textColumn('label', ctx.t('reports.col.kpi')),
      { key: 'current', header: ctx.t('reports.col.current'), type: 'unit', total: { kind: 'none' } },
      { key: 'previous', header: ctx.t('reports.col.previous'), type: 'unit', total: { kind: 'none' } },
      { key: 'change', header: ctx.t('reports.col.change'), type: 'percent', total: { kind: 'none' } },
    ];
    const extended = await extend(
      ctx,
      'summary',
      columns,
      rows,
      ctx.t('reports.note.previous', { from: s.previousRange.from, to: s.previousRange.to }),
    );
    const funnel: ReportChart = {
      kind: 'funnel',
      title: ctx.t('reports.chart.funnel'),
      steps: (['dials', 'connects', 'effective', 'intents', 'sales'] as const).map((key) => ({
        label: ctx.t(`kpi.${key}`),
        value: s.current[key],
      })),
    };
    return {
      table: {
        id: 'summary',
        title: ctx.t('reports.table.summary'),
        ...extended,
        totals: false,
      },
      charts: [funnel],
    };
  },
};

/** Rank: revenue, then sales, then dials (the order a sales floor's board is read in), then code. */
function rankAgents<T extends MetricsRow>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      b.revenue - a.revenue ||
      b.sales - a.sales ||
      b.dials - a.dials ||
      compareCodes(a.key ?? '', b.key ?? ''),
  );
}

const agentsSection: ReportSection = {
  id: 'agents',
  async build(ctx) {
    const ranked = rankAgents(ctx.data.agents);
    const rows: ReportRow[] = ranked.map((a, i) => {
      const activeDays = a.daily.dials.filter((d) => d > 0).length;
      return {
        agentId: a.id,
        rank: i + 1,
        code: a.key,
        // an agent of the roster without a call is listed with 0 and says so
        name: a.dials === 0 ? ctx.t('people.noCallsName', { name: a.label ?? a.key ?? '' }) : a.label,
        team: a.teamName ?? ctx.t('reports.noTeam'),
        activeDays,
        callsPerAgentDay: callsPerAgentDay(a.dials, activeDays),
        ...kpiCells(a),
      };
    });
    const columns: ReportColumn[] = [
      { key: 'rank', header: ctx.t('reports.col.rank'), type: 'count', total: { kind: 'none' } },
      labelColumn('code', ctx.t('reports.col.agentCode')),
      textColumn('name', ctx.t('reports.col.agent')),
      textColumn('team', ctx.t('reports.col.team')),
      { key: 'activeDays', header: ctx.t('reports.col.activeDays'), type: 'count', total: { kind: 'sum' } },
      {
        key: 'callsPerAgentDay',
        header: ctx.t('kpi.callsPerAgentDay'),
        type: 'count',
        decimals: 1,
        total: { kind: 'ratio', numerator: 'dials', denominator: 'activeDays' },
      },
      ...kpiColumns(ctx),
    ];
    const extended = await extend(ctx, 'agents', columns, rows, ctx.t('reports.note.rank'));
    const byRevenue = ranked.some((a) => a.revenue > 0);
    const top = ranked.slice(0, 10);
    const leaderboard: ReportChart = {
      kind: 'leaderboard',
      title: ctx.t(byRevenue ? 'reports.chart.leaderboardRevenue' : 'reports.chart.leaderboardSales'),
      valueType: byRevenue ? 'money' : 'count',
      bars: top.map((a) => ({ label: a.label ?? a.key ?? '', value: byRevenue ? a.revenue : a.sales })),
    };
    return {
      table: {
        id: 'agents',
        title: ctx.t('reports.table.agents'),
        ...extended,
        totals: true,
      },
      charts: ranked.length > 0 ? [leaderboard] : [],
    };
  },
};

const dailySection: ReportSection = {
  id: 'daily',
  async build(ctx) {
    const rows: ReportRow[] = ctx.data.days.map((d) => ({
      day: d.key,
      weekday: ctx.t(`weekday.${weekdayOf(d.key ?? '')}` as MessageKey),
      ...kpiCells(d),
    }));
    const byDay = new Map(ctx.data.days.map((d) => [d.key, d]));
    const days: Day[] = [];
    for (let d = ctx.data.range.from; d <= ctx.data.range.to; d = addDays(d, 1)) days.push(d);
    const trend: ReportChart = {
      kind: 'trend',
      title: ctx.t('reports.chart.trend'),
      days,
      bars: { label: ctx.t('kpi.dials'), values: days.map((d) => byDay.get(d)?.dials ?? 0) },
      line: { label: ctx.t('kpi.connectRate'), values: days.map((d) => byDay.get(d)?.connectRate ?? null) },
    };
    return {
      table: {
        id: 'daily',
        title: ctx.t('reports.table.daily'),
        columns: [
          { key: 'day', header: ctx.t('reports.col.day'), type: 'day', total: { kind: 'label' } },
          textColumn('weekday', ctx.t('reports.col.weekday')),
          ...kpiColumns(ctx),
        ],
        rows,
        totals: true,
      },
      charts: [trend],
    };
  },
};

function groupSection(id: 'teams' | 'campaigns'): ReportSection {
  return {
    id,
    async build(ctx) {
      const source = id === 'teams' ? ctx.data.teams : ctx.data.campaigns;
      const none = ctx.t(id === 'teams' ? 'reports.noTeam' : 'reports.noCampaign');
      return {
        table: {
          id,
          title: ctx.t(id === 'teams' ? 'reports.table.teams' : 'reports.table.campaigns'),
          columns: [
            labelColumn('name', ctx.t(id === 'teams' ? 'reports.col.team' : 'reports.col.campaign')),
            ...kpiColumns(ctx),
          ],
          rows: source.map((r) => ({ name: r.label ?? none, ...kpiCells(r) })),
          totals: true,
        },
        charts: [],
      };
    },
  };
}

/** The sections in report order. */
export const REPORT_SECTIONS: ReportSection[] = [
  summarySection,
  agentsSection,
  dailySection,
  groupSection('teams'),
  groupSection('campaigns'),
  auditScoresSection,
  auditItemsSection,
  auditCommentsSection,
  ratingsSection,
  followUpsSection,
];
