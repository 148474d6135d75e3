/** A calm "nothing here yet" message that says what to do next. */
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
  /** 'page' fills the content area (no workspace data); 'panel' sits inside a section */
  size?: 'page' | 'panel';
}

export function EmptyState({ title, children, actions, testId, size = 'panel' }: EmptyStateProps) {
  return (
    <div className={`empty-state empty-state--${size}`} data-testid={testId}>
      <div className="empty-state__art" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <h2 className="empty-state__title">{title}</h2>
      {children ? <div className="empty-state__text">{children}</div> : null}
      {actions ? <div className="empty-state__actions">{actions}</div> : null}
    </div>
  );
}
