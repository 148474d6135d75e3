/**
 * The recording spot-checks on the report: per agent the number of submitted audits and their mean
 * score (with its 95 % margin), each scorecard item's failure rate (the audits feature's QA
 * analytics), and the PDF's audit trend: the mean score and number of audits per week of the period
 * (the audits feature's own audit-score KPI per week) with the scorecard's pass mark.
 */
import type { ReportChart, ReportRow } from '../../src-shared/reports-model';
import { addDays, weekdayOf, type Day } from '../../src-shared/time';
import { auditAnalytics, auditedVersions } from '../audits/analytics';
import { auditComments, auditSummary, submittedAudits } from '../audits/audits';
import { commonPassMark } from '../../src-shared/audit-stats';
import { compareText } from '../../src-shared/collate';
import { allItems } from '../../src-shared/scorecard';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReportSection, SectionContext } from './sections';
import type { LiveScope, SectionSource } from './sources';

export interface AuditsInput {
  /** lowest mean first, as the analytics order them: the agents to listen to first */
  groups: { code: string; name: string; audits: number; mean: number | null; margin: number | null }[];
  /**
   * most failed first. `key` and `labelVersion` (the scorecard version whose wording the label is)
   * let several teams' items be merged; absent in a close made before they were kept.
   */
  items: {
    label: string;
    answered: number;
    failures: number;
    failureRate: number | null;
    key?: string;
    labelVersion?: number;
  }[];
  /**
   * each week (Monday to Sunday) of the period, clipped to it; `scoreSum` over `scored` audits with
   * a score is the mean's own numerator and denominator (for merging teams)
   */
  weeks: { from: Day; to: Day; audits: number; mean: number | null; scoreSum?: number; scored?: number }[];
  /** the pass mark (0–100) of the scorecards the audits used; null: none, or they differ */
  passMark: number | null;
  /** the pass marks of every scorecard version the audits used (for merging teams) */
  passMarks?: (number | null)[];
  /** the audits with a reviewer's comment, oldest first (absent in a close made before comments) */
  comments?: {
    /** the audit's id, the order after the day (absent in a close made before it was kept) */
    auditId?: number;
    day: Day;
    code: string;
    name: string;
    reviewer: string;
    score: number | null;
    failed: boolean;
    comment: string;
    items: { label: string; text: string }[];
  }[];
}

async function agentCodes(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('agents').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** The scorecard versions the filter's audits used: their pass marks, and the newest version of each item's wording. */
async function versionsOf({ ws, filter }: LiveScope) {
  const passMarks: (number | null)[] = [];
  const labelVersion = new Map<string, number>();
  for (const v of await auditedVersions(ws.kysely, filter)) {
    passMarks.push(v.definition.passMark);
    for (const item of allItems(v.definition)) labelVersion.set(item.key, v.id);
  }
  return { passMarks, labelVersion };
}

async function weeksOf({ ws, filter }: LiveScope): Promise<AuditsInput['weeks']> {
  const weeks: AuditsInput['weeks'] = [];
  for (let monday = addDays(filter.from, 1 - weekdayOf(filter.from)); monday <= filter.to;) {
    const sunday = addDays(monday, 6);
    const from = monday < filter.from ? filter.from : monday;
    const to = sunday > filter.to ? filter.to : sunday;
    const week = { ...filter, from, to };
    const s = await auditSummary(ws.kysely, week);
    const sums = await (
      await submittedAudits(ws.kysely, week)
    )
      .select((eb) => [
        eb.fn.sum<number | string | null>('au.score').as('sum'),
        eb.fn.count('au.score').as('n'),
      ])
      .executeTakeFirstOrThrow();
    weeks.push({
      from,
      to,
      audits: s.audits,
      mean: s.auditScore,
      scoreSum: Number(sums.sum ?? 0),
      scored: Number(sums.n),
    });
    monday = addDays(monday, 7);
  }
  return weeks;
}

export const auditsSource: SectionSource<AuditsInput> = {
  id: 'audits',
  perScope: true,
  empty: { groups: [], items: [], weeks: [], passMark: null },
  async read(scope) {
    const weeks = await weeksOf(scope);
    // No audits reads as none at all (as a scope the close did not hold): nothing to draw or list.
    if (weeks.every((w) => w.audits === 0)) return auditsSource.empty;
    const a = await auditAnalytics(scope.ws.kysely, scope.filter, 'agent');
    const comments = await auditComments(scope.ws.kysely, scope.filter);
    const versions = await versionsOf(scope);
    const codes = await agentCodes(scope.ws.kysely, [
      ...new Set([...a.groups.map((g) => Number(g.key)), ...comments.map((c) => c.agentId)]),
    ]);
    return {
      groups: a.groups.map((g) => ({
        code: codes.get(Number(g.key)) ?? '',
        name: g.name,
        audits: g.overall.n,
        mean: g.overall.mean,
        margin: g.overall.margin,
      })),
      items: a.items.map((i) => ({
        label: i.label,
        answered: i.answered,
        failures: i.failures,
        failureRate: i.failureRate,
        key: i.key,
        labelVersion: versions.labelVersion.get(i.key) ?? 0,
      })),
      weeks,
      // One line only when every scorecard version the audits used has the same pass mark.
      passMark: a.trend.passMark,
      passMarks: versions.passMarks,
      comments: comments.map((c) => ({
        auditId: c.id,
        day: c.day,
        code: codes.get(c.agentId) ?? '',
        name: c.agentName,
        reviewer: c.reviewer,
        score: c.score,
        failed: c.failed,
        comment: c.comment,
        items: c.items,
      })),
    };
  },
  mergeTeams: (teams) => mergeAudits(teams),
  printed: (v) => ({
    groups: v.groups,
    items: v.items.map(({ key: _key, labelVersion: _version, ...i }) => i),
    weeks: v.weeks.map(({ scoreSum: _sum, scored: _scored, ...w }) => w),
    passMark: v.passMark,
    ...(v.comments && { comments: v.comments.map(({ auditId: _id, ...c }) => c) }),
  }),
};

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Several teams' audits as the analytics give them for the set: their agents, items and weeks together. */
function mergeAudits(teams: AuditsInput[]): AuditsInput {
  const audited = teams.filter((t) => t.weeks.some((w) => w.audits > 0));
  if (audited.length === 0) return auditsSource.empty;
  // Each agent is in one team: the groups are the teams' together, in the analytics' order.
  const groups = audited
    .flatMap((t) => t.groups)
    .sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0) || compareText(a.name, b.name));
  const items = new Map<string, AuditsInput['items'][number]>();
  for (const i of audited.flatMap((t) => t.items)) {
    const key = i.key ?? i.label;
    const seen = items.get(key);
    if (!seen) items.set(key, { ...i, key });
    else {
      seen.answered += i.answered;
      seen.failures += i.failures;
      // The newest scorecard version's wording wins, as in the analytics.
      if ((i.labelVersion ?? 0) > (seen.labelVersion ?? 0)) {
        seen.label = i.label;
        seen.labelVersion = i.labelVersion;
      }
    }
  }
  const weeks = audited[0]!.weeks.map((w, index) => {
    const same = audited.map((t) => t.weeks[index]!);
    const scoreSum = sumOf(same.map((x) => x.scoreSum ?? 0));
    const scored = sumOf(same.map((x) => x.scored ?? 0));
    return { ...w, audits: sumOf(same.map((x) => x.audits)), mean: rate(scoreSum, scored), scoreSum, scored };
  });
  const passMarks = [...new Set(audited.flatMap((t) => t.passMarks ?? [t.passMark]))];
  return {
    groups,
    items: [...items.values()]
      .map((i) => ({ ...i, failureRate: rate(i.failures, i.answered) }))
      .sort((a, b) => (b.failureRate ?? 0) - (a.failureRate ?? 0) || a.key!.localeCompare(b.key!)),
    weeks,
    passMark: commonPassMark(passMarks),
    passMarks,
    comments: audited
      .flatMap((t) => t.comments ?? [])
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : (a.auditId ?? 0) - (b.auditId ?? 0))),
  };
}

function auditTrend(ctx: SectionContext, a: AuditsInput): ReportChart {
  const total = a.weeks.reduce((sum, w) => sum + w.audits, 0);
  return {
    kind: 'auditTrend',
    title: ctx.t('reports.chart.auditTrend'),
    weeks: a.weeks.map((w) => ({
      label: `${w.from.slice(5)} – ${w.to.slice(5)}`,
      from: w.from,
      to: w.to,
      audits: w.audits,
      mean: w.mean,
    })),
    passMark: a.passMark,
    labels: {
      score: ctx.t('reports.chart.auditScore'),
      audits: ctx.t('reports.chart.auditCount'),
      passMark: a.passMark === null ? '' : ctx.t('reports.chart.passMark', { mark: String(a.passMark) }),
    },
    empty: total === 0 ? ctx.t('reports.chart.noAudits') : null,
  };
}

export const auditScoresSection: ReportSection = {
  id: 'audits',
  async build(ctx) {
    const a = await ctx.input(auditsSource);
    const rows: ReportRow[] = a.groups.map((g) => ({
      code: g.code,
      name: g.name,
      audits: g.audits,
      meanScore: g.mean,
      margin: g.margin,
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
      charts: [auditTrend(ctx, a)],
    };
  },
};

export const auditItemsSection: ReportSection = {
  id: 'auditItems',
  async build(ctx) {
    const a = await ctx.input(auditsSource);
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

/** What the reviewers wrote: each commented audit with its result, overall comment and item comments. */
export const auditCommentsSection: ReportSection = {
  id: 'auditComments',
  async build(ctx) {
    const a = await ctx.input(auditsSource);
    const rows: ReportRow[] = (a.comments ?? []).map((c) => ({
      day: c.day,
      code: c.code,
      name: c.name,
      reviewer: c.reviewer,
      auditScore: c.score,
      result:
        c.score === null && !c.failed ? '' : ctx.t(c.failed ? 'reports.result.fail' : 'reports.result.pass'),
      comment: c.comment,
      itemComments: c.items.map((i) => `${i.label}: ${i.text}`).join('\n'),
    }));
    const text = (key: string, header: string) =>
      ({ key, header, type: 'text', total: { kind: 'none' } }) as const;
    return {
      table: {
        id: 'auditComments',
        title: ctx.t('reports.table.auditComments'),
        note: ctx.t('reports.note.auditComments'),
        empty: ctx.t('reports.note.noAuditComments'),
        columns: [
          { key: 'day', header: ctx.t('reports.col.day'), type: 'day', total: { kind: 'none' } },
          text('code', ctx.t('reports.col.agentCode')),
          text('name', ctx.t('reports.col.agent')),
          text('reviewer', ctx.t('reports.col.reviewer')),
          {
            key: 'auditScore',
            header: ctx.t('reports.col.auditScore'),
            type: 'count',
            decimals: 1,
            total: { kind: 'none' },
          },
          text('result', ctx.t('reports.col.result')),
          text('comment', ctx.t('reports.col.comment')),
          text('itemComments', ctx.t('reports.col.itemComments')),
        ],
        rows,
        totals: false,
      },
      charts: [],
    };
  },
};
