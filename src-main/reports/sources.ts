/**
 * What the report shows of the other features (targets, scores, audits, coaching, orders). A source
 * reads one feature through its own functions and keeps only the figures the report prints, in
 * plain JSON. The same value serves two readers: the live report, and a month close, which stores
 * every source's value for the floor, each team and each agent, so a closed month's report prints
 * exactly what it printed at the close, in any language, whatever happened to the features since.
 *
 * A new section adds its source here (at the end: a close's text keeps its order) and reads it
 * with `ctx.input(source)`.
 */
import type { Filter } from '../../src-shared/api';
import type { Month, ReportScope } from '../../src-shared/reports-model';
import type { Day } from '../../src-shared/time';
import type { Workspace } from '../workspace';
import { auditsSource } from './section-audits';
import { followUpsSource } from './section-coaching';
import { ordersSource } from './section-orders';
import { ratingsSource } from './section-ratings';
import { scoresSource, targetsSource } from './section-targets';

/** The parts of a report a changed-since-close notice can name: the call numbers and each source. */
export const REPORT_PARTS = [
  'calls',
  'targets',
  'scores',
  'audits',
  'followUps',
  'orders',
  'ratings',
] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];
export type SourceId = Exclude<ReportPart, 'calls'>;

/** Where a source reads the live features: the workspace, the report's period and scope. */
export interface LiveScope {
  ws: Workspace;
  filter: Filter;
  /** the calendar month the period is exactly, or null */
  month: Month | null;
  /** what "overdue" is measured against */
  today: Day;
}

export interface SectionSource<T> {
  id: SourceId;
  /** false: one value for the whole month whatever the scope (the bonus sheet), stored once */
  perScope: boolean;
  read(scope: LiveScope): Promise<T>;
  /** what a scope the close does not hold reads: a team or agent created after the close had nothing */
  empty: T;
  /**
   * A set of teams' value from each team's stored value (and the floor's), equal to what `read`
   * gives for the set: a close stores no sets, and a lead's report of several teams is built from
   * them (counts summed, rates from summed parts, lists merged in the live order). Per-scope only.
   */
  mergeTeams?(teams: T[], floor: T): T;
  /**
   * What the sections print of a value, without what only merging needs: a close made before
   * those parts were kept is compared with the live data on it (no false "changed since").
   */
  printed?(value: T): unknown;
}

/** Every source a month close stores, in a fixed order (the snapshot's text depends on it). */
export const SECTION_SOURCES = [
  targetsSource,
  scoresSource,
  auditsSource,
  followUpsSource,
  ordersSource,
  ratingsSource,
] as const satisfies readonly SectionSource<unknown>[];

/** A source's key for a scope in the snapshot: `floor`, `team:3`, `agent:12`; `month` if not per scope. */
export function scopeKey(source: Pick<SectionSource<unknown>, 'perScope'>, scope: ReportScope): string {
  if (!source.perScope) return 'month';
  if (scope.kind === 'team') return `team:${scope.teamId}`;
  if (scope.kind === 'agent') return `agent:${scope.agentId}`;
  // A close stores no set of teams (the frozen reader merges the teams'); live reads key nothing.
  if (scope.kind === 'teams') return `teams:${scope.teamIds.join(',')}`;
  return 'floor';
}

/** Stored source values: source id → scope key → value. */
export type StoredSources = Record<string, Record<string, unknown>>;

export type SourceReader = <T>(source: SectionSource<T>) => Promise<T>;

/** Reads the live features (each source once per report). */
export function liveReader(scope: LiveScope): SourceReader {
  const memo = new Map<string, Promise<unknown>>();
  return <T>(source: SectionSource<T>) => {
    let value = memo.get(source.id);
    if (!value) memo.set(source.id, (value = source.read(scope)));
    return value as Promise<T>;
  };
}

/** Reads a month close's stored values (written by `liveReader`'s sources at the close). */
export function frozenReader(stored: StoredSources, scope: ReportScope): SourceReader {
  return <T>(source: SectionSource<T>) => {
    const byScope = stored[source.id];
    // The snapshot is checksummed JSON this module wrote from the same source's `read`.
    const valueOf = (key: string): T => (byScope && key in byScope ? (byScope[key] as T) : source.empty);
    if (scope.kind !== 'teams' || !source.perScope) return Promise.resolve(valueOf(scopeKey(source, scope)));
    const teamIds = [...new Set(scope.teamIds)];
    const teams = teamIds.map((teamId) => valueOf(scopeKey(source, { kind: 'team', teamId })));
    if (teams.length === 1) return Promise.resolve(teams[0]!);
    return Promise.resolve(source.mergeTeams ? source.mergeTeams(teams, valueOf('floor')) : source.empty);
  };
}
