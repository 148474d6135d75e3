/**
 * Targets on the report: target and attainment beside the Summary's KPIs (the targets feature's
 * pacing), composite score, grade and variable pay beside each agent (its bonus sheet). Both are
 * monthly: any other range leaves the columns out and says why in the table's note.
 */
import type { Output, PaceRow } from '../../src-shared/api';
import type { CellValue, Month, ReportColumn, ReportRow } from '../../src-shared/reports-model';
import { TARGET_KIND, type TargetKpi } from '../../src-shared/targets';
import { endOfMonth } from '../../src-shared/time';
import type { DayRange } from '../../src-shared/periods';
import { bonus, pacing } from '../targets/month';
import type { ColumnExtension, SectionContext } from './sections';

/** The calendar month a range covers exactly, else null. */
export function monthOfRange(range: DayRange): Month | null {
  const month = range.from.slice(0, 7);
  return range.from === `${month}-01` && range.to === endOfMonth(range.from) ? month : null;
}

/** The Summary row each target KPI sits beside (the audit score has its own sheet). */
const SUMMARY_ROW_OF: Partial<Record<TargetKpi, string>> = {
  dialsPerDay: 'dials',
  connectRate: 'connectRate',
  effectiveTalkPerDay: 'effectiveTalkSeconds',
  intents: 'intents',
  sales: 'sales',
  revenue: 'revenue',
};

/** One pacing per report build (every Summary row asks). */
const pacingCache = new WeakMap<SectionContext, Output<'targets.pacing'> | null>();
function pacingOf(ctx: SectionContext): Output<'targets.pacing'> | null {
  if (!pacingCache.has(ctx)) {
    const out = ctx.month ? pacing(ctx.live, ctx.filter) : null;
    pacingCache.set(ctx, out && out.applies ? out : null);
  }
  return pacingCache.get(ctx) ?? null;
}

function paceForRow(ctx: SectionContext, kpi: unknown): PaceRow | null {
  const out = pacingOf(ctx);
  if (!out || typeof kpi !== 'string') return null;
  return out.kpis.find((p) => SUMMARY_ROW_OF[p.kpi] === kpi) ?? null;
}

export const targetsOnSummary: ColumnExtension = {
  table: 'summary',
  columns(ctx) {
    // No targets this month: no empty columns (the note says so).
    if (!pacingOf(ctx)?.kpis.length) return [];
    return [
      { key: 'target', header: ctx.t('reports.col.target'), type: 'unit', total: { kind: 'none' } },
      {
        key: 'attainment',
        header: ctx.t('reports.col.attainment'),
        type: 'percent',
        total: { kind: 'none' },
      },
    ];
  },
  async values(ctx, row): Promise<Record<string, CellValue>> {
    if (!pacingOf(ctx)?.kpis.length) return {};
    const p = paceForRow(ctx, row['kpi']);
    if (!p) return { target: null, attainment: null };
    // A per-working-day target is shown for the period, beside the period's total.
    const perDay = TARGET_KIND[p.kpi] === 'perDay';
    return {
      target: perDay ? p.target * (pacingOf(ctx)?.workingDays ?? 0) : p.target,
      attainment: p.pace,
    };
  },
  async note(ctx) {
    if (!ctx.month) return ctx.t('reports.note.targetsMonthOnly');
    const out = pacingOf(ctx);
    if (!out || out.kpis.length === 0) return ctx.t('reports.note.noTargets');
    return ctx.t('reports.note.targets', { days: String(out.workingDays), asOf: out.asOf ?? '' });
  },
};

const bonusCache = new WeakMap<SectionContext, Map<number, Output<'targets.bonus'>['rows'][number]>>();
function bonusOf(ctx: SectionContext, month: Month) {
  let rows = bonusCache.get(ctx);
  if (!rows) {
    rows = new Map(bonus(ctx.live, month).rows.map((r) => [r.agentId, r]));
    bonusCache.set(ctx, rows);
  }
  return rows;
}

/** Scores need targets: a month without any leaves the score columns out. */
function isScored(ctx: SectionContext): boolean {
  return ctx.month !== null && [...bonusOf(ctx, ctx.month).values()].some((r) => r.score !== null);
}

export const scoresOnAgents: ColumnExtension = {
  table: 'agents',
  columns(ctx): ReportColumn[] {
    if (!isScored(ctx)) return [];
    return [
      {
        key: 'score',
        header: ctx.t('reports.col.score'),
        type: 'count',
        decimals: 1,
        total: { kind: 'none' },
      },
      { key: 'grade', header: ctx.t('reports.col.grade'), type: 'text', total: { kind: 'none' } },
      { key: 'variablePay', header: ctx.t('reports.col.variablePay'), type: 'money', total: { kind: 'sum' } },
    ];
  },
  async values(ctx, row: ReportRow): Promise<Record<string, CellValue>> {
    if (!ctx.month || !isScored(ctx)) return {};
    const agentId = row['agentId'];
    const r = typeof agentId === 'number' ? bonusOf(ctx, ctx.month).get(agentId) : undefined;
    return { score: r?.score ?? null, grade: r?.grade ?? null, variablePay: r?.pay ?? null };
  },
  async note(ctx) {
    if (!ctx.month) return ctx.t('reports.note.targetsMonthOnly');
    return ctx.t(isScored(ctx) ? 'reports.note.scores' : 'reports.note.noTargets');
  },
};
