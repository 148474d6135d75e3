/** An ⓘ button that opens a small explanation (e.g. how a KPI is computed). */
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useDismiss } from '../hooks/useDismiss';

interface InfoPopoverProps {
  label: string;
  title: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function InfoPopover({ label, title, children, testId }: InfoPopoverProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLSpanElement>(null);
  const popoverId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(rootRef, open, close);
  return (
    <span className="info" ref={rootRef}>
      <button
        type="button"
        className="info__button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        ⓘ
      </button>
      {open ? (
        <span className="info__popover" id={popoverId} role="dialog" aria-label={label}>
          <strong className="info__title">{title}</strong>
          <span className="info__text">{children}</span>
        </span>
      ) : null}
    </span>
  );
}
