/** The day a battle report opens on. */
import type { Filter } from '../../../src-shared/api';

/**
 * The filter's last day, or the last day with calls when that is earlier: on a Monday morning
 * ("today", no calls yet) the report is Friday's.
 */
export function battleDayFor(filter: Pick<Filter, 'to'>, lastDay: string | null): string {
  return lastDay !== null && lastDay < filter.to ? lastDay : filter.to;
}
