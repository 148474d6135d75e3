/** The "how is this computed" popover of a dashboard panel: the formula, and the settings it used. */
import type { ReactNode } from 'react';
import { InfoPopover } from '../../components/InfoPopover';
import { useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';

interface HowComputedProps {
  title: ReactNode;
  formula: string;
  testId: string;
}

export function HowComputed({ title, formula, testId }: HowComputedProps) {
  const t = useT();
  const settings = useWorkspace((s) => s.info?.settings);
  return (
    <InfoPopover label={t('common.howComputed')} title={title} testId={testId}>
      <span className="how-computed__formula">{formula}</span>
      {settings ? (
        <span className="how-computed__settings">
          {t('dashboard.howComputed.settings', {
            threshold: settings.effectiveThresholdSeconds,
            zone: settings.timeZone,
          })}
        </span>
      ) : null}
    </InfoPopover>
  );
}
