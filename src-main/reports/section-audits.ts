/**
 * The recording spot-checks on the report: per agent the number of submitted audits and their mean
 * score (with its 95 % margin), and each scorecard item's failure rate — both from the audits
 * feature's QA analytics, for the report's period and scope.
 */
import type { AuditAnalytics } from '../../src-shared/api';
import type { ReportRow } from '../../src-shared/reports-model';
import { auditAnalytics } from '../audits/analytics';
import type { ReportSection, SectionContext } from './sections';

/** One analytics read per report build (both audit tables use it). */
const cache = new WeakMap<SectionContext, AuditAnalytics>();
function analyticsOf(ctx: SectionContext): AuditAnalytics {
  let out = cache.get(ctx);
  if (!out) {
    out = auditAnalytics(ctx.live.db, ctx.filter, 'agent');
    cache.set(ctx, out);
  }
  return out;
}

function agentCodes(ctx: SectionContext, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = ctx.live.db
    .prepare(`SELECT id, code FROM agents WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as { id: number; code: string }[];
  return new Map(rows.map((r) => [r.id, r.code]));
}

export const auditScoresSection: ReportSection = {
  id: 'audits',
  async build(ctx) {
    const a = analyticsOf(ctx);
    const codes = agentCodes(
      ctx,
      a.groups.map((g) => Number(g.key)),
    );
    // Lowest mean first, as the analytics order them: the agents to listen to first.
    const rows: ReportRow[] = a.groups.map((g) => ({
      code: codes.get(Number(g.key)) ?? '',
      name: g.name,
      audits: g.overall.n,
      meanScore: g.overall.mean,
      margin: g.overall.margin,
    }));
    return {
      table: {
        id: 'audits',
        title: ctx.t('reports.table.audits'),
        note: ctx.t('reports.note.audits'),
        empty: ctx.t('reports.note.noAudits'),
        columns: [
          { key: 'code', header: ctx.t('reports.col.agentCode'), type: 'text', total: { kind: 'label' } },
          { key: 'name', header: ctx.t('reports.col.agent'), type: 'text', total: { kind: 'none' } },
          { key: 'audits', header: ctx.t('reports.col.audits'), type: 'count', total: { kind: 'sum' } },
          {
            key: 'meanScore',
            header: ctx.t('reports.col.meanScore'),
            type: 'count',
            decimals: 1,
            total: { kind: 'none' },
          },
          {
            key: 'margin',
            header: ctx.t('reports.col.scoreMargin'),
            type: 'count',
            decimals: 1,
            total: { kind: 'none' },
          },
        ],
        rows,
        totals: rows.length > 0,
      },
      charts: [],
    };
  },
};

export const auditItemsSection: ReportSection = {
  id: 'auditItems',
  async build(ctx) {
    const a = analyticsOf(ctx);
    // Most failed first, as the analytics order them.
    const rows: ReportRow[] = a.items.map((i) => ({
      item: i.label,
      answered: i.answered,
      failures: i.failures,
      failureRate: i.failureRate,
    }));
    return {
      table: {
        id: 'auditItems',
        title: ctx.t('reports.table.auditItems'),
        note: ctx.t('reports.note.auditItems'),
        empty: ctx.t('reports.note.noAudits'),
        columns: [
          { key: 'item', header: ctx.t('reports.col.item'), type: 'text', total: { kind: 'label' } },
          { key: 'answered', header: ctx.t('reports.col.answered'), type: 'count', total: { kind: 'sum' } },
          { key: 'failures', header: ctx.t('reports.col.failures'), type: 'count', total: { kind: 'sum' } },
          {
            key: 'failureRate',
            header: ctx.t('reports.col.failureRate'),
            type: 'percent',
            total: { kind: 'none' },
          },
        ],
        rows,
        totals: rows.length > 0,
      },
      charts: [],
    };
  },
};
