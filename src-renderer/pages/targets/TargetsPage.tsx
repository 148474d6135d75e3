/**
 * Targets and scoring (`#/targets`): the month's targets with suggestions, a team target split
 * across its agents, the behaviour ratings with the training log, the composite score with its what-if editor, the bonus sheet, the working-day
 * calendar and the anomaly alerts, one tab each. The month chosen here applies to every tab.
 */
import { useState } from 'react';
import { monthOf } from '../../../src-shared/targets-calendar';
import { useT } from '../../i18n/language';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import type { Method } from '../../../src-shared/api';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { AlertsSection } from './AlertsSection';
import { BonusSection } from './BonusSection';
import { CalendarSection } from './CalendarSection';
import { PlanSection } from './PlanSection';
import { RatingsSection } from './RatingsSection';
import { ScoringSection } from './ScoringSection';
import { SplitSection } from './SplitSection';

const TABS = ['plan', 'split', 'ratings', 'scoring', 'bonus', 'calendar', 'alerts'] as const;
type Tab = (typeof TABS)[number];

/** The call a tab cannot do without: a role that may not make it does not see the tab (QA: no pay). */
const TAB_NEEDS: Record<Tab, Method> = {
  plan: 'targets.plan',
  split: 'targets.set',
  ratings: 'ratings.month',
  scoring: 'targets.scores',
  bonus: 'targets.bonus',
  calendar: 'targets.calendar',
  alerts: 'targets.alerts',
};

export function TargetsPage() {
  const t = useT();
  const today = useWorkspace((s) => s.info?.today);
  const [month, setMonth] = useState(() => monthOf(today ?? new Date().toISOString().slice(0, 10)));
  const may = useMayCall();
  const tabs = TABS.filter((name) => may(TAB_NEEDS[name]));
  const [chosen, setTab] = useState<Tab>('plan');
  const tab = tabs.includes(chosen) ? chosen : (tabs[0] ?? 'plan');
  return (
    <div className="page page--targets">
      <header className="page__header targets-header">
        <h1 className="page__title">{t('targets.title')}</h1>
        <Field label={t('targets.month')} className="targets-month">
          <input
            className="input"
            type="month"
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
            data-testid="targets-month"
          />
        </Field>
      </header>
      <Segmented
        kind="tabs"
        className="targets-tabs"
        options={tabs}
        value={tab}
        onChange={setTab}
        labelOf={(name) => t(`targets.tab.${name}`)}
        testIdOf={(name) => `targets-tab-${name}`}
      />
      {tab === 'plan' ? <PlanSection month={month} /> : null}
      {tab === 'split' ? <SplitSection month={month} /> : null}
      {tab === 'ratings' ? <RatingsSection month={month} /> : null}
      {tab === 'scoring' ? <ScoringSection month={month} onMonth={setMonth} /> : null}
      {tab === 'bonus' ? <BonusSection month={month} /> : null}
      {tab === 'calendar' ? <CalendarSection month={month} /> : null}
      {tab === 'alerts' ? <AlertsSection month={month} /> : null}
    </div>
  );
}
