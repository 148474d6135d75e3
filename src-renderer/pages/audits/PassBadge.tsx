/** Passed / failed at a glance, where an audit is shown or listed (no badge without a score or a fail). */
import { useT } from '../../i18n/language';

export function PassBadge({
  score,
  failed,
  className,
}: {
  score: number | null;
  failed: boolean;
  className?: string;
}) {
  const t = useT();
  if (!failed && score === null) return null;
  return (
    <span
      className={`badge ${failed ? 'badge--failed' : 'badge--done'}${className ? ` ${className}` : ''}`}
      data-testid="pass-badge"
      data-result={failed ? 'fail' : 'pass'}
    >
      {t(failed ? 'audits.failed' : 'audits.passed')}
    </span>
  );
}
