/**
 * The workspace's working-day calendar: weekdays off (Saturday and Sunday by default), holidays,
 * and make-up working days (调休: Chinese calendars move a weekend into the working week around
 * public holidays). Every "per working day" number and every pro-rated target counts days here.
 */
import { addDays, daysBetween, endOfMonth, weekdayOf, type Day } from './time';

export interface WorkCalendar {
  /** ISO weekdays that are off unless listed in `workdays` (1 = Monday ... 7 = Sunday) */
  weekend: number[];
  /** days off that would otherwise be working days */
  holidays: Day[];
  /** make-up working days that would otherwise be off */
  workdays: Day[];
}

export const DEFAULT_CALENDAR: WorkCalendar = { weekend: [6, 7], holidays: [], workdays: [] };

/** A month as `YYYY-MM`. */
export type Month = string;

export function monthOf(day: Day): Month {
  return day.slice(0, 7);
}

export function monthRange(month: Month): { from: Day; to: Day } {
  const from = `${month}-01`;
  return { from, to: endOfMonth(from) };
}

export function addMonthsTo(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A calendar that answers "is this a working day?" quickly for many days. */
export class WorkingDays {
  private readonly working: (day: Day) => boolean;

  /** From a calendar, or from a rule that decides day by day (an agent's team on each day). */
  constructor(rule: WorkCalendar | ((day: Day) => boolean)) {
    if (typeof rule === 'function') {
      this.working = rule;
      return;
    }
    const weekend = new Set(rule.weekend);
    const holidays = new Set(rule.holidays);
    const workdays = new Set(rule.workdays);
    this.working = (day) => workdays.has(day) || (!holidays.has(day) && !weekend.has(weekdayOf(day)));
  }

  isWorking(day: Day): boolean {
    return this.working(day);
  }

  /** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
  count(from: Day, to: Day): number {
    let n = 0;
    const span = daysBetween(from, to);
    for (let i = 0; i <= span; i++) if (this.isWorking(addDays(from, i))) n++;
    return n;
  }

  list(from: Day, to: Day): Day[] {
    const days: Day[] = [];
    const span = daysBetween(from, to);
    for (let i = 0; i <= span; i++) {
      const day = addDays(from, i);
      if (this.isWorking(day)) days.push(day);
    }
    return days;
  }
}

/**
 * A team's own calendar (a team that works Saturdays, 单休 or 大小周): its weekly days off, and
 * its own holidays and make-up working days. A team without one works the workspace's calendar.
 */
export interface TeamCalendar extends WorkCalendar {
  teamId: number;
}

/**
 * The calendar a team with its own works: its own weekly days off; the workspace's holidays and
 * make-up days (public holidays, 调休) still apply unless the team's own exceptions say otherwise
 * for that day.
 */
export function teamWorkCalendar(workspace: WorkCalendar, own: WorkCalendar): WorkCalendar {
  const ownDays = new Set([...own.holidays, ...own.workdays]);
  const merged = (shared: Day[], mine: Day[]) =>
    [...new Set([...shared.filter((d) => !ownDays.has(d)), ...mine])].sort();
  return {
    weekend: [...own.weekend],
    holidays: merged(workspace.holidays, own.holidays),
    workdays: merged(workspace.workdays, own.workdays),
  };
}

/** Days in one team (src-main/people/membership.ts Span): a team move splits an agent's days. */
export interface TeamSpan {
  teamId: number | null;
  from: Day;
  /** the span's last day; null: open */
  to: Day | null;
}

/** The working days of every team: each team's own calendar, the workspace's for the rest. */
export class CalendarBook {
  readonly workspace: WorkingDays;
  private readonly teams = new Map<number, WorkingDays>();

  constructor(workspace: WorkCalendar, teams: readonly TeamCalendar[] = []) {
    this.workspace = new WorkingDays(workspace);
    for (const own of teams) this.teams.set(own.teamId, new WorkingDays(teamWorkCalendar(workspace, own)));
  }

  /** A team's working days; the workspace's for no team or a team without a calendar of its own. */
  forTeam(teamId: number | null | undefined): WorkingDays {
    return (teamId === null || teamId === undefined ? undefined : this.teams.get(teamId)) ?? this.workspace;
  }

  /**
   * The working days of an agent who moved: each day is a working day of the team they were in
   * that day (a month half in a team that works Saturdays counts those Saturdays, and only those).
   * Days outside the spans follow `otherwise` (the agent's current team).
   */
  forSpans(spans: readonly TeamSpan[], otherwise: number | null | undefined): WorkingDays {
    const teams = new Set(spans.map((s) => this.forTeam(s.teamId)));
    const fallback = this.forTeam(otherwise);
    if (teams.size === 0 || (teams.size === 1 && teams.has(fallback))) return fallback;
    return new WorkingDays((day) => {
      const span = spans.find((s) => s.from <= day && (s.to === null || day <= s.to));
      return (span ? this.forTeam(span.teamId) : fallback).isWorking(day);
    });
  }
}
