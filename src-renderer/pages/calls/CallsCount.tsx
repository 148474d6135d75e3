/** "1,234 calls" / "more than 100,000 calls" for the current filter (`calls.count`). */
import type { Input, Output } from '../../../src-shared/api';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT, type Formatters, type Translate } from '../../i18n/language';

/** "1 call", "1,234 calls", "more than 100,000 calls". */
export function callCountText(
  t: Translate,
  f: Formatters,
  total: { count: number; capped: boolean },
): string {
  if (total.capped) return t('calls.countCapped', { count: f.count(total.count) });
  return total.count === 1 ? t('calls.countOne') : t('calls.count', { count: f.count(total.count) });
}

export function CallsCount({ query }: { query: ApiQuery<Output<'calls.count'>, Input<'calls.count'>> }) {
  const t = useT();
  const f = useFormat();
  const data = query.data;
  let text: string;
  if (query.error) text = '';
  else if (!data) text = t('calls.counting');
  else text = callCountText(t, f, data);
  return (
    <span
      className={query.loading ? 'calls-count is-stale' : 'calls-count'}
      data-testid="calls-count"
      // The exact number for tests and tools, only once it answers the current filter.
      data-count={!query.loading && data ? data.count : ''}
      data-capped={!query.loading && data ? data.capped : ''}
      aria-live="polite"
    >
      {text}
    </span>
  );
}
