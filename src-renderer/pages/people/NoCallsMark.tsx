/** "no calls": an agent of the roster who made none in the period (src-main/people/roster.ts). */
import { useT } from '../../i18n/language';

export function NoCallsMark({ dials }: { dials: number }) {
  const t = useT();
  if (dials > 0) return null;
  return (
    <span className="no-calls" title={t('people.noCallsTitle')} data-testid="no-calls">
      {t('people.noCalls')}
    </span>
  );
}
