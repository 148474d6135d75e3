/** Shows a query's data, or its skeleton while nothing is loaded yet, or its error with a retry. */
import type { ReactNode } from 'react';
import type { ApiQuery } from '../hooks/useApiQuery';
import { ErrorMessage } from './ErrorMessage';

interface QueryViewProps<T> {
  query: ApiQuery<T>;
  skeleton: ReactNode;
  children: (data: T) => ReactNode;
}

export function QueryView<T>({ query, skeleton, children }: QueryViewProps<T>) {
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (query.data === undefined) return <>{skeleton}</>;
  // Stale data stays on screen, dimmed, while the new answer loads: no flashing panels.
  return (
    <div className={query.loading ? 'query-view is-stale' : 'query-view'} aria-busy={query.loading}>
      {children(query.data)}
    </div>
  );
}
