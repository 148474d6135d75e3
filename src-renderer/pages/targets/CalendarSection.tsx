/**
 * The working-day calendar: the weekly days off, and a month grid where a click turns a working
 * day into a holiday or a day off into a make-up working day (调休), and back. A team can have a
 * calendar of its own (a team that works Saturdays: 单休, 大小周) on top of the workspace's.
 */
import { useState, type ReactNode } from 'react';
import type { TeamCalendar, WorkCalendar } from '../../../src-shared/targets-calendar';
import { monthRange, teamWorkCalendar, WorkingDays } from '../../../src-shared/targets-calendar';
import { addDays, daysBetween, weekdayOf } from '../../../src-shared/time';
import { CN_HOLIDAY_YEARS, withChineseHolidays, withHolidayDays } from '../../../src-shared/holidays-cn';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { HolidayFileImport } from './HolidayFileImport';

export function CalendarSection({ month }: { month: string }) {
  const t = useT();
  const [teamId, setTeamId] = useState<number | null>(null);
  const teams = useWorkspace((s) => s.teams);
  const calendar = useApiQuery('targets.calendar', {});
  const teamCalendars = useApiQuery('targets.teamCalendars', {});
  const ownIds = (teamCalendars.data ?? []).map((c) => c.teamId);
  const team = teams.find((x) => x.id === teamId);
  return (
    <>
      <div className="targets-toolbar calendar-team">
        <Field label={t('teamCalendar.for')}>
          <select
            className="input"
            value={teamId ?? ''}
            onChange={(e) => setTeamId(e.target.value ? Number(e.target.value) : null)}
            data-testid="calendar-team"
          >
            <option value="">{t('teamCalendar.workspace')}</option>
            {teams.map((x) => (
              <option key={x.id} value={x.id}>
                {ownIds.includes(x.id) ? t('teamCalendar.ownOption', { team: x.name }) : x.name}
              </option>
            ))}
          </select>
        </Field>
        {team ? (
          <p className="field__hint" data-testid="calendar-team-note">
            {ownIds.includes(team.id)
              ? t('teamCalendar.ownNote', { team: team.name })
              : t('teamCalendar.followsNote', { team: team.name })}
          </p>
        ) : null}
      </div>
      <QueryView query={calendar} skeleton={<SkeletonBlock lines={6} lineHeight={24} />}>
        {(workspace) =>
          team ? (
            <QueryView query={teamCalendars} skeleton={<SkeletonBlock lines={6} lineHeight={24} />}>
              {(own) => {
                // Keyed by this team's own calendar, not every team's: another team's calendar
                // arriving (the re-read after its save) does not remount it and wipe an edit.
                const ownCalendar = own.find((c) => c.teamId === team.id) ?? null;
                return (
                  <TeamCalendarEditor
                    key={`${team.id}:${JSON.stringify(workspace)}:${JSON.stringify(ownCalendar)}`}
                    teamId={team.id}
                    teamName={team.name}
                    workspace={workspace}
                    own={ownCalendar}
                    month={month}
                  />
                );
              }}
            </QueryView>
          ) : (
            <WorkspaceCalendarEditor key={JSON.stringify(workspace)} saved={workspace} month={month} />
          )
        }
      </QueryView>
    </>
  );
}

function WorkspaceCalendarEditor({ saved, month }: { saved: WorkCalendar; month: string }) {
  const refresh = useWorkspace((s) => s.refresh);
  const may = useMayCall();
  return (
    <CalendarEditor
      saved={saved}
      month={month}
      withHolidays
      readOnly={!may('targets.setCalendar')}
      onSave={(cal) => void call('targets.setCalendar', cal).then(() => refresh())}
    />
  );
}

/** A team's own calendar: edited on top of the workspace's, or started from it. */
function TeamCalendarEditor({
  teamId,
  teamName,
  workspace,
  own,
  month,
}: {
  teamId: number;
  teamName: string;
  workspace: WorkCalendar;
  own: TeamCalendar | null;
  month: string;
}) {
  const t = useT();
  const refresh = useWorkspace((s) => s.refresh);
  const readOnly = !useMayCall()('targets.setTeamCalendar');
  const save = (calendar: WorkCalendar | null) =>
    void call('targets.setTeamCalendar', { teamId, calendar }).then(() => refresh());
  const saved: WorkCalendar = own
    ? { weekend: own.weekend, holidays: own.holidays, workdays: own.workdays }
    : { weekend: workspace.weekend, holidays: [], workdays: [] };
  return (
    <CalendarEditor
      saved={saved}
      base={workspace}
      month={month}
      title={t('teamCalendar.title', { team: teamName })}
      alwaysSavable={own === null}
      readOnly={readOnly}
      onSave={save}
      extra={
        own ? (
          <button
            type="button"
            className="button"
            onClick={() => save(null)}
            data-testid="calendar-team-follow"
          >
            {t('teamCalendar.follow')}
          </button>
        ) : null
      }
    />
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Common weekly patterns: 双休 (Saturday and Sunday off) and 单休 (Sunday off). */
const WEEK_PATTERNS = [
  { key: 'twoDaysOff', weekend: [6, 7] },
  { key: 'oneDayOff', weekend: [7] },
] as const;

/**
 * Edits `saved`: on its own (the workspace's calendar), or with `base` as a team's exceptions on top
 * of the workspace's (the grid then shows the days the team works).
 */
function CalendarEditor({
  saved,
  base,
  month,
  title,
  withHolidays = false,
  alwaysSavable = false,
  readOnly = false,
  onSave,
  extra,
}: {
  /** a role that may not change this calendar sees it without the controls */
  readOnly?: boolean;
  saved: WorkCalendar;
  base?: WorkCalendar;
  month: string;
  title?: string;
  /** the shipped Chinese holiday schedules (the workspace's calendar holds public holidays) */
  withHolidays?: boolean;
  /** a team without its own calendar yet: saving the workspace's week as its own is a change */
  alwaysSavable?: boolean;
  onSave(calendar: WorkCalendar): void;
  extra?: ReactNode;
}) {
  const t = useT();
  const f = useFormat();
  const thisYear = Number(useWorkspace((s) => s.info?.today ?? month).slice(0, 4));
  const [cal, setCal] = useState<WorkCalendar>(saved);
  const effectiveOf = (c: WorkCalendar) => (base ? teamWorkCalendar(base, c) : c);
  const effective = effectiveOf(cal);
  const days = new WorkingDays(effective);
  const { from, to } = monthRange(month);
  const span = daysBetween(from, to) + 1;
  const lead = weekdayOf(from) - 1;
  const changed = alwaysSavable || JSON.stringify(cal) !== JSON.stringify(saved);
  // 1 January 2024 was a Monday: weekday d is 2024-01-0d.
  const weekdayName = (d: number) =>
    new Intl.DateTimeFormat(f.language, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, d, 12)),
    );

  const toggleDay = (day: string) => {
    setCal((c) => {
      const holidays = c.holidays.filter((d) => d !== day);
      const workdays = c.workdays.filter((d) => d !== day);
      const isException = holidays.length !== c.holidays.length || workdays.length !== c.workdays.length;
      if (isException) return { ...c, holidays, workdays };
      return new WorkingDays(effectiveOf(c)).isWorking(day)
        ? { ...c, holidays: [...holidays, day].sort() }
        : { ...c, workdays: [...workdays, day].sort() };
    });
  };

  return (
    <Panel
      title={title ?? t('targets.tab.calendar')}
      subtitle={t('targets.workingDays', { count: days.count(from, to) })}
      testId="targets-calendar"
    >
      <p className="field__hint">{t(base ? 'teamCalendar.hint' : 'targets.calendar.hint')}</p>
      <fieldset className="calendar-weekend">
        <legend className="field__label">{t('targets.calendar.weekend')}</legend>
        {base && !readOnly
          ? WEEK_PATTERNS.map((p) => (
              <button
                key={p.key}
                type="button"
                className="button button--small calendar-pattern"
                aria-pressed={String(cal.weekend) === String(p.weekend)}
                onClick={() => setCal((c) => ({ ...c, weekend: [...p.weekend] }))}
                data-testid={`calendar-pattern-${p.key}`}
              >
                {t(`teamCalendar.pattern.${p.key}`)}
              </button>
            ))
          : null}
        {WEEKDAYS.map((d) => (
          <label key={d} className="calendar-weekend__day">
            <input
              type="checkbox"
              checked={cal.weekend.includes(d)}
              disabled={readOnly}
              data-testid={`calendar-off-${d}`}
              onChange={(e) =>
                setCal((c) => ({
                  ...c,
                  weekend: e.target.checked ? [...c.weekend, d].sort() : c.weekend.filter((x) => x !== d),
                }))
              }
            />
            {weekdayName(d)}
          </label>
        ))}
      </fieldset>
      {withHolidays && readOnly ? null : withHolidays ? (
        <div className="calendar-holidays" data-testid="calendar-cn-holidays">
          <span className="field__label">{t('calendar.cnHolidays.label')}</span>
          {[thisYear, thisYear + 1].map((year) =>
            CN_HOLIDAY_YEARS.includes(year) ? (
              <button
                key={year}
                type="button"
                className="button button--small"
                onClick={() => setCal((c) => withChineseHolidays(c, year))}
                data-testid={`calendar-cn-${year}`}
              >
                {t('calendar.cnHolidays.apply', { year })}
              </button>
            ) : (
              <span key={year} className="field__hint">
                {t('calendar.cnHolidays.missing', { year })}
              </span>
            ),
          )}
          <HolidayFileImport onSchedule={(schedule) => setCal((c) => withHolidayDays(c, schedule))} />
        </div>
      ) : (
        <p className="field__hint calendar-bigsmall">{t('teamCalendar.bigSmallWeek')}</p>
      )}
      <div className="calendar-grid" role="grid" data-testid="calendar-grid">
        {WEEKDAYS.map((d) => (
          <div key={d} className="calendar-grid__head" role="columnheader">
            {weekdayName(d)}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`pad${i}`} />
        ))}
        {Array.from({ length: span }, (_, i) => {
          const day = addDays(from, i);
          const working = days.isWorking(day);
          const kind = effective.holidays.includes(day)
            ? 'holiday'
            : effective.workdays.includes(day)
              ? 'workday'
              : null;
          return (
            <button
              key={day}
              type="button"
              role="gridcell"
              className={`calendar-day ${working ? 'is-working' : 'is-off'}${kind ? ` is-${kind}` : ''}`}
              onClick={() => toggleDay(day)}
              disabled={readOnly}
              title={kind ? t(`targets.calendar.${kind}`) : undefined}
              data-day={day}
              data-working={working}
            >
              <span className="calendar-day__n">{Number(day.slice(8))}</span>
              {kind ? <span className="calendar-day__tag">{t(`targets.calendar.${kind}`)}</span> : null}
            </button>
          );
        })}
      </div>
      {readOnly ? null : (
        <div className="targets-toolbar">
          <button
            type="button"
            className="button button--primary"
            disabled={!changed}
            onClick={() => onSave(cal)}
            data-testid="calendar-save"
          >
            {t('targets.save')}
          </button>
          <button type="button" className="button" disabled={!changed} onClick={() => setCal(saved)}>
            {t('targets.scoring.reset')}
          </button>
          {extra}
        </div>
      )}
    </Panel>
  );
}
