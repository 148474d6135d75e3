/**
 * The report model: what a monthly summary is, independent of its format. A report is an ordered
 * list of tables with typed columns (plus the charts the PDF draws); the XLSX, CSV and PDF writers
 * each render every table from this one definition, so a section added here (audits, targets,
 * coaching) appears in all three formats without format code of its own.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from './domain';
import type { MessageKey } from './i18n';
import { type RATE_KEYS, type KpiCounts, type KpiRates } from './kpi';
import { addMonths, endOfMonth, isDay, type Day } from './time';
import { endOfQuarter, startOfQuarter, type DayRange } from './periods';

/** How a column's values are stored and shown. */
export const COLUMN_TYPES = ['count', 'percent', 'duration', 'money', 'day', 'text'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/**
 * A cell's value in the model's units: count a number, percent a fraction (0.42), duration
 * seconds, money integer minor units, day `YYYY-MM-DD`, text a string. `null` is "no data".
 */
export type CellValue = number | string | null;

/** What a column's totals row holds. */
export type ColumnTotal =
  /** the label ("Total") */
  | { kind: 'label' }
  /** the sum of the column (counts, seconds, money) */
  | { kind: 'sum' }
  /** numerator ÷ denominator of two summed columns of the same table (rates, averages) */
  | { kind: 'ratio'; numerator: string; denominator: string }
  | { kind: 'none' };

export interface ReportColumn {
  key: string;
  header: string;
  /** `unit` columns take the type the row names in its `unit` cell (the Summary's value columns). */
  type: ColumnType | 'unit';
  /** digits after the point for count columns that are averages (dials per agent-day) */
  decimals?: number;
  total: ColumnTotal;
}

export type ReportRow = Record<string, CellValue>;

export interface ReportTable {
  /** stable id: sheet order, CSV file name, PDF section anchor */
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** whether a totals row follows the rows */
  totals: boolean;
  /** a line under the title (e.g. how the rank is decided) */
  note?: string;
  /** what the table says when it has no rows (default: no calls in the period) */
  empty?: string;
}

/** A chart of the PDF, drawn from numbers the tables hold too. */
export type ReportChart =
  | {
      kind: 'trend';
      title: string;
      days: Day[];
      /** bars (left axis, counts) */
      bars: { label: string; values: number[] };
      /** line (right axis, a rate 0..1; null = no data that day) */
      line: { label: string; values: (number | null)[] };
    }
  | { kind: 'funnel'; title: string; steps: { label: string; value: number }[] }
  | {
      kind: 'leaderboard';
      title: string;
      valueType: 'money' | 'count';
      bars: { label: string; value: number }[];
    }
  | {
      kind: 'auditTrend';
      title: string;
      /** each week of the period: the number of audits (bars) and their mean score 0–100 (line) */
      weeks: { label: string; audits: number; mean: number | null }[];
      /** the scorecard's pass mark 0–100 (a dashed line), null when there is none */
      passMark: number | null;
      labels: { score: string; audits: string; passMark: string };
      /** printed instead of the chart when the period has no audits */
      empty: string | null;
    };

export interface ReportClose {
  closedAt: number;
  checksum: string;
  changedSince: boolean;
  /** which parts moved since the close: `calls`, `targets`, `scores`, `audits`, `followUps`, `orders` */
  changedSections: string[];
  /** a close made before every section was frozen: only the call numbers are frozen */
  callsOnly: boolean;
}

/** The changed parts of a close as the notice lists them ("call numbers, orders" / "通话数据、订单"). */
export function changedSectionsList(t: (key: MessageKey) => string, parts: readonly string[]): string {
  return parts.map((part) => t(`reports.part.${part}` as MessageKey)).join(t('reports.listSeparator'));
}

export interface Report {
  title: string;
  /** e.g. "2026-03" / "2026-Q1" / "2026-03-01 – 2026-03-15" */
  periodLabel: string;
  range: DayRange;
  scopeLabel: string;
  language: Language;
  currency: string;
  generatedAt: number;
  timeZone: string;
  /** set when the numbers come from a month close (and whether the live data moved since) */
  close: ReportClose | null;
  /** the line printed under the title: period, scope, generation time, close notice */
  lines: string[];
  tables: ReportTable[];
  charts: ReportChart[];
}

export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
export type Month = string;

export const ReportPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), month: MonthSchema }),
  z.object({
    kind: z.literal('quarter'),
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
  }),
  z.object({ kind: z.literal('year'), year: z.number().int().min(2000).max(2100) }),
  z
    .object({ kind: z.literal('custom'), from: z.string().refine(isDay), to: z.string().refine(isDay) })
    .refine((p) => p.from <= p.to, 'from is after to'),
]);
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;

export const ReportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('floor') }),
  z.object({ kind: z.literal('team'), teamId: z.number().int().positive() }),
  z.object({ kind: z.literal('agent'), agentId: z.number().int().positive() }),
  /** several teams at once: a lead of several teams (src-main/auth/scope.ts) */
  z.object({ kind: z.literal('teams'), teamIds: z.array(z.number().int().positive()).min(1).max(100) }),
]);
export type ReportScope = z.infer<typeof ReportScopeSchema>;

export const ReportSpecSchema = z.object({
  period: ReportPeriodSchema,
  scope: ReportScopeSchema.default({ kind: 'floor' }),
  language: z.enum(LANGUAGES),
});
export type ReportSpec = z.infer<typeof ReportSpecSchema>;

export function isMonth(value: string): boolean {
  return MonthSchema.safeParse(value).success;
}

/** The month before the one `today` falls in: the builder's default. */
export function lastMonth(today: Day): Month {
  return addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

export function periodRange(period: ReportPeriod): DayRange {
  switch (period.kind) {
    case 'month': {
      const from = `${period.month}-01`;
      return { from, to: endOfMonth(from) };
    }
    case 'quarter': {
      const from = startOfQuarter(`${period.year}-${String(period.quarter * 3).padStart(2, '0')}-01`);
      return { from, to: endOfQuarter(from) };
    }
    case 'year':
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
    case 'custom':
      return { from: period.from, to: period.to };
  }
}

export function periodLabel(period: ReportPeriod): string {
  switch (period.kind) {
    case 'month':
      return period.month;
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'year':
      return String(period.year);
    case 'custom':
      return `${period.from} – ${period.to}`;
  }
}

/** A file name safe on every system: `callscope-report-2026-03-team-3.xlsx`. */
export function reportFileName(spec: ReportSpec, format: ReportFormat): string {
  const period =
    spec.period.kind === 'custom' ? `${spec.period.from}_${spec.period.to}` : periodLabel(spec.period);
  const scope =
    spec.scope.kind === 'floor'
      ? ''
      : `-${spec.scope.kind}-${spec.scope.kind === 'team' ? spec.scope.teamId : spec.scope.kind === 'teams' ? spec.scope.teamIds.join('-') : spec.scope.agentId}`;
  const ext = format === 'csv' ? 'zip' : format;
  return `callscope-report-${period}${scope}-${spec.language}.${ext}`;
}

/**
 * Each rate of kpi.ts as numerator ÷ denominator of two counts, so a totals row can recompute a
 * rate from the summed counts (a ratio of sums, never an average of rates). A unit test holds this
 * equal to `rates()` of kpi.ts, the one formula.
 */
export const RATE_PARTS = {
  connectRate: ['connects', 'dials'],
  avgTalkSeconds: ['talkSeconds', 'connects'],
  intentRate: ['intents', 'connects'],
  leadConversion: ['sales', 'intents'],
  conversionRate: ['sales', 'connects'],
  avgOrderValue: ['revenue', 'sales'],
} as const satisfies Record<keyof KpiRates, readonly [keyof KpiCounts, keyof KpiCounts]>;

export function rateTotal(key: (typeof RATE_KEYS)[number]): ColumnTotal {
  const [numerator, denominator] = RATE_PARTS[key];
  return { kind: 'ratio', numerator, denominator };
}
