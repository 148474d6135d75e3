/** A titled card that holds one dashboard or page section. */
import type { ReactNode } from 'react';

interface PanelProps {
  title: ReactNode;
  /** small text after the title, e.g. what the numbers cover */
  subtitle?: ReactNode;
  actions?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}

export function Panel({ title, subtitle, actions, className, testId, children }: PanelProps) {
  return (
    <section className={className ? `panel ${className}` : 'panel'} data-testid={testId}>
      <header className="panel__header">
        <h2 className="panel__title">{title}</h2>
        {subtitle ? <span className="panel__subtitle">{subtitle}</span> : null}
        {actions ? <div className="panel__actions">{actions}</div> : null}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}
