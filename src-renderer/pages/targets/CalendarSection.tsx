/**
 * The working-day calendar: the weekly days off, and a month grid where a click turns a working
 * day into a holiday or a day off into a make-up working day (调休), and back.
 */
import { useState } from 'react';
import type { WorkCalendar } from '../../../src-shared/targets-calendar';
import { monthRange, WorkingDays } from '../../../src-shared/targets-calendar';
import { addDays, daysBetween, weekdayOf } from '../../../src-shared/time';
import { CN_HOLIDAY_YEARS, withChineseHolidays } from '../../../src-shared/holidays-cn';
import { call } from '../../api/client';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';

export function CalendarSection({ month }: { month: string }) {
  const calendar = useApiQuery('targets.calendar', {});
  return (
    <QueryView query={calendar} skeleton={<SkeletonBlock lines={6} lineHeight={24} />}>
      {(data) => <CalendarEditor key={JSON.stringify(data)} saved={data} month={month} />}
    </QueryView>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function CalendarEditor({ saved, month }: { saved: WorkCalendar; month: string }) {
  const t = useT();
  const f = useFormat();
  const refresh = useWorkspace((s) => s.refresh);
  const thisYear = Number(useWorkspace((s) => s.info?.today ?? month).slice(0, 4));
  const [cal, setCal] = useState<WorkCalendar>(saved);
  const days = new WorkingDays(cal);
  const { from, to } = monthRange(month);
  const span = daysBetween(from, to) + 1;
  const lead = weekdayOf(from) - 1;
  const changed = JSON.stringify(cal) !== JSON.stringify(saved);
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
      return new WorkingDays(c).isWorking(day)
        ? { ...c, holidays: [...holidays, day].sort() }
        : { ...c, workdays: [...workdays, day].sort() };
    });
  };

  return (
    <Panel
      title={t('targets.tab.calendar')}
      subtitle={t('targets.workingDays', { count: days.count(from, to) })}
      testId="targets-calendar"
    >
      <p className="field__hint">{t('targets.calendar.hint')}</p>
      <fieldset className="calendar-weekend">
        <legend className="field__label">{t('targets.calendar.weekend')}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className="calendar-weekend__day">
            <input
              type="checkbox"
              checked={cal.weekend.includes(d)}
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
      </div>
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
          const kind = cal.holidays.includes(day) ? 'holiday' : cal.workdays.includes(day) ? 'workday' : null;
          return (
            <button
              key={day}
              type="button"
              role="gridcell"
              className={`calendar-day ${working ? 'is-working' : 'is-off'}${kind ? ` is-${kind}` : ''}`}
              onClick={() => toggleDay(day)}
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
      <div className="targets-toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={!changed}
          onClick={() => void call('targets.setCalendar', cal).then(() => refresh())}
          data-testid="calendar-save"
        >
          {t('targets.save')}
        </button>
        <button type="button" className="button" disabled={!changed} onClick={() => setCal(saved)}>
          {t('targets.scoring.reset')}
        </button>
      </div>
    </Panel>
  );
}
