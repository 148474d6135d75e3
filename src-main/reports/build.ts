/** Assembles a report: the spec's period and scope, the numbers, then every section in order. */
import type { Language } from '../../src-shared/domain';
import { translate, type MessageKey } from '../../src-shared/i18n';
import {
  changedSectionsList,
  periodLabel,
  periodRange,
  type Report,
  type ReportChart,
  type ReportClose,
  type ReportSpec,
  type ReportTable,
} from '../../src-shared/reports-model';
import type { DayRange } from '../../src-shared/periods';
import type { WorkingDays } from '../../src-shared/targets-calendar';
import { addDays, localParts, localTimeOfDay, type Day } from '../../src-shared/time';
import type { CallsReader } from './call-numbers';
import { loadReportData, scopeFilter } from './data';
import { contextFor, REPORT_SECTIONS } from './sections';
import type { SourceReader } from './sources';
import { agentLabel } from '../../src-shared/agent-label';

export interface BuildOptions {
  currency: string;
  timeZone: string;
  now: number;
  close: ReportClose | null;
  /** the other features' figures (targets, scores, audits, coaching, orders): live or frozen */
  input: SourceReader;
  /** what "overdue" is measured against: today, or the day a closed month was closed */
  today: Day;
  /** the workspace's working days: a period to date is compared with as many working days */
  calendar?: WorkingDays;
  /** reports progress as sections complete */
  onSection?: (done: number, total: number) => void;
}

async function scopeLabel(calls: CallsReader, spec: ReportSpec): Promise<string> {
  const t = (key: Parameters<typeof translate>[1]) => translate(spec.language, key);
  const scope = spec.scope;
  if (scope.kind === 'floor') return t('reports.scope.floor');
  const names = await calls.names();
  const teamName = (id: number) => names.teams.get(id) ?? `#${id}`;
  if (scope.kind === 'team') return `${t('reports.scope.team')}: ${teamName(scope.teamId)}`;
  if (scope.kind === 'teams')
    return `${t('reports.scope.team')}: ${scope.teamIds.map(teamName).join(spec.language === 'zh-CN' ? '、' : ', ')}`;
  const agent = names.agents.get(scope.agentId);
  const who = agent ? agentLabel(agent) : `#${scope.agentId}`;
  return `${t('reports.scope.agent')}: ${who}`;
}

export function formatStamp(epochMs: number, timeZone: string): string {
  return `${localParts(epochMs, timeZone).day} ${localTimeOfDay(epochMs, timeZone).slice(0, 5)}`;
}

/**
 * The days a report covers: a period still running on `today` is reported to date — to yesterday,
 * the last complete day (on its first day, that day alone) — and so compared with the same span of
 * the period before, never with all of it (December's first week against the whole of November
 * read "-80 %" on every line).
 */
export function reportedRange(period: DayRange, today: Day): { range: DayRange; toDate: boolean } {
  if (today > period.to) return { range: period, toDate: false };
  const yesterday = addDays(today, -1);
  const to = yesterday < period.from ? period.from : yesterday;
  return { range: { from: period.from, to }, toDate: true };
}

function headerLines(language: Language, report: Omit<Report, 'lines'>, toDate: boolean): string[] {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params);
  const lines = [
    t('reports.line.period', {
      period: report.periodLabel,
      from: report.range.from,
      to: report.range.to,
      scope: report.scopeLabel,
    }),
    t('reports.line.generated', {
      at: formatStamp(report.generatedAt, report.timeZone),
      zone: report.timeZone,
    }),
  ];
  if (toDate) lines.push(t('reports.line.toDate', { to: report.range.to }));
  if (report.close) {
    lines.push(
      t('reports.line.closed', {
        at: formatStamp(report.close.closedAt, report.timeZone),
        checksum: report.close.checksum.slice(0, 12),
      }),
    );
    if (report.close.changedSections.length > 0) {
      const sections = changedSectionsList(t, report.close.changedSections);
      lines.push(t('reports.line.changedSections', { sections }));
    }
    // A close made before every section was frozen: say which sheets still read today's data.
    if (report.close.callsOnly) lines.push(t('reports.line.liveSections'));
  }
  return lines;
}

/** The report of a spec from its call numbers (live or a closed month's) and the other features' figures. */
export async function buildReport(
  calls: CallsReader,
  spec: ReportSpec,
  options: BuildOptions,
): Promise<Report> {
  const { range, toDate } = reportedRange(periodRange(spec.period), options.today);
  const data = await loadReportData(calls, range, spec.scope, options.calendar);
  const ctx = contextFor(data, spec.language, scopeFilter(range, spec.scope), options.input, options.today);
  const tables: ReportTable[] = [];
  const charts: ReportChart[] = [];
  let done = 0;
  for (const section of REPORT_SECTIONS) {
    const built = await section.build(ctx);
    if (built.table) tables.push(built.table);
    charts.push(...built.charts);
    options.onSection?.(++done, REPORT_SECTIONS.length);
  }
  const chartOrder: ReportChart['kind'][] = ['trend', 'funnel', 'leaderboard', 'auditTrend'];
  charts.sort((a, b) => chartOrder.indexOf(a.kind) - chartOrder.indexOf(b.kind));
  const base = {
    title: translate(spec.language, 'reports.title'),
    periodLabel: periodLabel(spec.period),
    range,
    scopeLabel: await scopeLabel(calls, spec),
    language: spec.language,
    currency: options.currency,
    generatedAt: options.now,
    timeZone: options.timeZone,
    close: options.close,
    tables,
    charts,
  };
  return { ...base, lines: headerLines(spec.language, base, toDate) };
}
