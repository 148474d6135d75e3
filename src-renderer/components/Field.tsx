/**
 * A form's field: its label, the control, and below it the field's problem, if any (a form shows
 * its problems once Save was pressed). An invalid field is marked (data-invalid) so that its control
 * shows red.
 */
import type { ReactNode } from 'react';
import type { MessageKey } from '../../src-shared/i18n';
import { useT } from '../i18n/language';

export function Field({
  label,
  problem,
  wide,
  className,
  children,
}: {
  label: ReactNode;
  /** what is wrong with the field, in the words of the UI (undefined: nothing, or not shown yet) */
  problem?: MessageKey | undefined;
  wide?: boolean;
  /** the layout's own classes beside `field` (field--inline, a grid area…) */
  className?: string;
  children: ReactNode;
}) {
  const classes = ['field', wide ? 'field--wide' : null, className ?? null].filter((c) => c !== null);
  return (
    <label className={classes.join(' ')} data-invalid={problem ? 'true' : undefined}>
      <span className="field__label">{label}</span>
      {children}
      {problem ? <ProblemHint problem={problem} /> : null}
    </label>
  );
}

/** A problem said under its field, or under a part of the form that is not one field. */
export function ProblemHint({ problem }: { problem: MessageKey }) {
  const t = useT();
  return (
    <span className="field__hint is-error" role="alert">
      {t(problem)}
    </span>
  );
}
