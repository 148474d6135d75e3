/**
 * The pages of `calls.list` for one query and sort, loaded one after the other as the table asks
 * for more (keyset: each page's `next` is the following request's `after`). A new query, sort or
 * workspace data starts again from the first page; answers to an older query are dropped, so rows
 * of two queries never mix.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallRow, CallsQuery } from '../../../src-shared/api';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import type { CallsSort } from '../../stores/calls-filters';
import { useWorkspace } from '../../stores/workspace';

export const CALLS_PAGE_SIZE = 100;

export interface CallPages {
  /** The rows loaded so far; while a new query's first page loads, the previous query's (stale). */
  rows: CallRow[];
  /** the rows belong to an older query than the current one */
  stale: boolean;
  /** changes whenever the rows start over (a new query's first page) */
  rowsKey: string;
  /** true once the last page is in */
  complete: boolean;
  /** a page of the current query is on its way */
  loading: boolean;
  error: ApiCallError | null;
  /** Asks for the next page (ignored while it is loading, after an error, or when all are in). */
  loadMore(): void;
  /** Tries the failed page again. */
  retry(): void;
}

interface Shown {
  key: string;
  rows: CallRow[];
  /** the cursor of the page after the last shown; null when complete (or nothing loaded) */
  next: string | null;
  /** the first page is in */
  started: boolean;
  error: ApiCallError | null;
}

/**
 * What the listed rows depend on besides the query: the stored calls (their number moves with every
 * import, undo or demo), agents' names and teams, and the time zone of the time column. Not
 * `dataVersion`, which also moves whenever the window regains focus: that would throw away the pages
 * a user has scrolled through each time they come back to the window.
 */
function callsDataKey(s: ReturnType<typeof useWorkspace.getState>): string {
  const agents = s.agents.map((a) => `${a.id}:${a.name ?? ''}:${a.teamName ?? ''}`).join(',');
  return `${s.info?.path}|${s.info?.calls}|${s.info?.settings.timeZone}|${agents}`;
}

const NOTHING: Shown = { key: '', rows: [], next: null, started: false, error: null };

export function useCallPages(query: CallsQuery | null, sort: CallsSort): CallPages {
  const dataKey = useWorkspace(callsDataKey);
  const key = query === null ? null : JSON.stringify([query, sort, dataKey]);
  const [shown, setShown] = useState<Shown>(NOTHING);
  // The last "more" page asked for, as `key|after`: asking twice for one page sends one request.
  const [asked, setAsked] = useState<string | null>(null);
  const latestKey = useRef<string | null>(null);

  const fetchPage = useCallback((forKey: string, after: string | null) => {
    const [q, s] = JSON.parse(forKey) as [CallsQuery, CallsSort, string];
    const input = { ...q, sort: s.sort, order: s.order, limit: CALLS_PAGE_SIZE, ...(after ? { after } : {}) };
    call('calls.list', input).then(
      (page) => {
        if (latestKey.current !== forKey) return; // the user has moved on: drop it
        setShown((prev) => {
          if (after === null) {
            // A repeated first page (a retry, React's dev double effects) must not cut off later pages.
            if (prev.key === forKey && prev.started) return prev;
            return { key: forKey, rows: page.rows, next: page.next, started: true, error: null };
          }
          // Only the page that continues what is shown is appended: no gap, no duplicate.
          if (prev.key !== forKey || prev.next !== after) return prev;
          return { ...prev, rows: prev.rows.concat(page.rows), next: page.next, error: null };
        });
      },
      (err: unknown) => {
        if (latestKey.current !== forKey) return;
        const error = toApiCallError(err);
        setShown((prev) => (prev.key === forKey ? { ...prev, error } : { ...NOTHING, key: forKey, error }));
      },
    );
  }, []);

  // A new query starts from the first page.
  useEffect(() => {
    latestKey.current = key;
    if (key !== null) fetchPage(key, null);
  }, [key, fetchPage]);

  const current = key !== null && shown.key === key;
  const error = current ? shown.error : null;
  const complete = current && shown.started && shown.next === null;
  const moreKey = current && shown.next !== null ? `${key}|${shown.next}` : null;

  const loadMore = useCallback(() => {
    if (key === null || moreKey === null || error || asked === moreKey) return;
    setAsked(moreKey);
    fetchPage(key, shown.next);
  }, [key, moreKey, error, asked, shown.next, fetchPage]);

  const retry = useCallback(() => {
    if (key === null) return;
    setShown((prev) => (prev.key === key ? { ...prev, error: null } : prev));
    if (current && shown.started) {
      if (moreKey) {
        setAsked(moreKey);
        fetchPage(key, shown.next);
      }
    } else {
      latestKey.current = key;
      setShown(NOTHING);
      fetchPage(key, null);
    }
  }, [key, current, shown.started, shown.next, moreKey, fetchPage]);

  const waitingFirst = key !== null && (!current || (!shown.started && !error));
  const waitingMore = moreKey !== null && asked === moreKey && !error;
  return {
    rows: shown.rows,
    stale: !current,
    rowsKey: shown.key,
    complete,
    loading: waitingFirst || waitingMore,
    error,
    loadMore,
    retry,
  };
}
