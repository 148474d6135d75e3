/**
 * Targets on the report: target and attainment beside the Summary's KPIs (the targets feature's
 * pacing), composite score, grade and variable pay beside each agent (its bonus sheet). Both are
 * monthly: any other range leaves the columns out and says why in the table's note.
 */
import type { CellValue, Month, ReportColumn, ReportRow } from '../../src-shared/reports-model';
import type { ConversionSource } from '../../src-shared/orders';
import { TARGET_KIND, type TargetKpi } from '../../src-shared/targets';
import { endOfMonth, type Day } from '../../src-shared/time';
import type { DayRange } from '../../src-shared/periods';
import { bonus, pacingOfTeams, pacingWithParts, type PacingParts } from '../targets/month';
import { emptyActuals } from '../targets/actuals';
import type { PaceRow } from '../../src-shared/api';
import type { ColumnExtension, SectionContext } from './sections';
import type { SectionSource } from './sources';

/** The calendar month a range covers exactly, else null. */
export function monthOfRange(range: DayRange): Month | null {
  const month = range.from.slice(0, 7);
  return range.from === `${month}-01` && range.to === endOfMonth(range.from) ? month : null;
}

/**
 * The pacing figures the Summary prints; null: not a month, or no targets apply. A team's value
 * keeps what its pacing is made of (`parts`), so a set of teams' can be made of its teams' at a
 * closed month; a team without targets but with figures is kept for them (with no KPIs).
 */
export type TargetsInput = {
  asOf: Day | null;
  workingDays: number;
  /** source: whether sales and revenue were measured on orders or on call outcomes (other KPIs: null) */
  kpis: { kpi: TargetKpi; target: number; pace: number | null; source: ConversionSource | null }[];
  parts?: PacingParts;
} | null;

const hasFigures = (p: PacingParts) =>
  Object.values(p.calls).some((v) => v !== null && v !== 0) || p.auditScored > 0 || p.orders !== null;

const kpisOf = (rows: PaceRow[]): NonNullable<TargetsInput>['kpis'] =>
  rows.map((p) => ({ kpi: p.kpi, target: p.target, pace: p.pace, source: p.source ?? null }));

export const targetsSource: SectionSource<TargetsInput> = {
  id: 'targets',
  perScope: true,
  empty: null,
  async read({ ws, filter, month }) {
    if (!month) return null;
    const { out, parts } = await pacingWithParts(ws, filter, filter.teamId !== undefined);
    // No targets for the scope reads as none at all (as a scope the close did not hold).
    if (!out.applies || (out.kpis.length === 0 && !(parts && hasFigures(parts)))) return null;
    return {
      asOf: out.asOf,
      workingDays: out.workingDays,
      kpis: kpisOf(out.kpis),
      ...(parts && { parts }),
    };
  },
  mergeTeams(teams, floor) {
    const known = teams.find((t) => t?.parts);
    // A close made before teams kept their parts cannot make a set's pacing: none rather than a wrong one.
    if (!known?.parts || teams.some((t) => t !== null && !t.parts)) return null;
    const { setting, workspaceDays } = known.parts;
    // A team without a value had no targets and no figures.
    const none: PacingParts = {
      targets: {},
      calls: emptyActuals(),
      auditScoreSum: 0,
      auditScored: 0,
      orders: null,
      setting,
      workspaceDays,
    };
    // Everyone's rate targets: the floor's (a rate's floor target is everyone's own).
    const allRates = Object.fromEntries(
      (floor?.kpis ?? []).filter((k) => TARGET_KIND[k.kpi] === 'rate').map((k) => [k.kpi, k.target]),
    );
    const merged = pacingOfTeams(
      teams.map((t) => t?.parts ?? none),
      allRates,
    );
    if (!merged || merged.kpis.length === 0) return null;
    return { asOf: known.asOf, workingDays: merged.workingDays, kpis: kpisOf(merged.kpis) };
  },
  printed: (v) =>
    v && v.kpis.length > 0 ? { asOf: v.asOf, workingDays: v.workingDays, kpis: v.kpis } : null,
};

/** Each agent's composite score, grade and variable pay of the month; null: not a month. */
export type ScoresInput =
  | {
      agentId: number;
      score: number | null;
      grade: string | null;
      pay: number | null;
    }[]
  | null;

export const scoresSource: SectionSource<ScoresInput> = {
  id: 'scores',
  perScope: false,
  empty: null,
  async read({ ws, month }) {
    if (!month) return null;
    return (await bonus(ws, month)).rows.map((r) => ({
      agentId: r.agentId,
      score: r.score,
      grade: r.grade,
      pay: r.pay,
    }));
  },
};

/** The Summary row each target KPI sits beside (the audit score has its own sheet). */
const SUMMARY_ROW_OF: Partial<Record<TargetKpi, string>> = {
  dialsPerDay: 'dials',
  connectRate: 'connectRate',
  effectiveTalkPerDay: 'effectiveTalkSeconds',
  intents: 'intents',
  sales: 'sales',
  revenue: 'revenue',
};

const pacingOf = (ctx: SectionContext) => ctx.input(targetsSource);

export const targetsOnSummary: ColumnExtension = {
  table: 'summary',
  async columns(ctx) {
    // No targets this month: no empty columns (the note says so).
    if (!(await pacingOf(ctx))?.kpis.length) return [];
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
    const out = await pacingOf(ctx);
    if (!out?.kpis.length) return {};
    const kpi = row['kpi'];
    const p = typeof kpi === 'string' ? out.kpis.find((x) => SUMMARY_ROW_OF[x.kpi] === kpi) : undefined;
    if (!p) return { target: null, attainment: null };
    // A per-working-day target is shown for the period, beside the period's total.
    const perDay = TARGET_KIND[p.kpi] === 'perDay';
    return { target: perDay ? p.target * out.workingDays : p.target, attainment: p.pace };
  },
  async note(ctx) {
    if (!ctx.month) return ctx.t('reports.note.targetsMonthOnly');
    const out = await pacingOf(ctx);
    if (!out || out.kpis.length === 0) return ctx.t('reports.note.noTargets');
    const note = ctx.t('reports.note.targets', { days: String(out.workingDays), asOf: out.asOf ?? '' });
    // Sales and revenue follow orders where the workspace counts them (the targets page says the same).
    const source = out.kpis.find((p) => p.source)?.source;
    return source
      ? `${note} ${ctx.t('reports.note.salesSource', { source: ctx.t(`orders.source.${source}`) })}`
      : note;
  },
};

async function scoresOf(ctx: SectionContext) {
  return new Map(((await ctx.input(scoresSource)) ?? []).map((r) => [r.agentId, r]));
}

/** Scores need targets: a month without any leaves the score columns out. */
async function isScored(ctx: SectionContext): Promise<boolean> {
  return ctx.month !== null && [...(await scoresOf(ctx)).values()].some((r) => r.score !== null);
}

export const scoresOnAgents: ColumnExtension = {
  table: 'agents',
  async columns(ctx): Promise<ReportColumn[]> {
    if (!(await isScored(ctx))) return [];
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
    if (!(await isScored(ctx))) return {};
    const agentId = row['agentId'];
    const r = typeof agentId === 'number' ? (await scoresOf(ctx)).get(agentId) : undefined;
    return { score: r?.score ?? null, grade: r?.grade ?? null, variablePay: r?.pay ?? null };
  },
  async note(ctx) {
    if (!ctx.month) return ctx.t('reports.note.targetsMonthOnly');
    return ctx.t((await isScored(ctx)) ? 'reports.note.scores' : 'reports.note.noTargets');
  },
};
