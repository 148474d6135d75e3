/**
 * The calls explorer on the benchmark workspace: a page (100 rows, as the page asks) of a month
 * and of a year, floor-wide, in each sort, first and tenth (following the cursors), through the
 * dispatcher. The anchor is DuckDB sorting the same range's raw calls by talk time; the first
 * page's talk times must be the same.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Dispatch } from '../../src-main/dispatch';
import type { CallRow, CallSort, Filter } from '../../src-shared/api';

const PAGE = 100;
const SORTS: CallSort[] = ['startedAt', 'talkSeconds', 'ringSeconds', 'saleAmount'];

type Page = { rows: CallRow[]; next: string | null };

async function page(dispatch: Dispatch, filter: Filter, sort: CallSort, after?: string): Promise<Page> {
  const outcome = await dispatch('calls.list', {
    filter,
    sort,
    order: 'desc',
    limit: PAGE,
    ...(after ? { after } : {}),
  });
  if (!outcome.ok) throw new Error(`calls.list: ${outcome.error.message}`);
  return outcome.value as Page;
}

export interface ExplorerTimes {
  sort: CallSort;
  firstMs: number;
  tenthMs: number;
}

/** Median time of the first page and of the tenth page of each sort (each sort's cursor walked once). */
export async function timeExplorer(
  dispatch: Dispatch,
  filter: Filter,
  time: (work: () => Promise<unknown>) => Promise<number>,
): Promise<{ times: ExplorerTimes[]; firstTalkPage: number[] }> {
  const times: ExplorerTimes[] = [];
  let firstTalkPage: number[] = [];
  for (const sort of SORTS) {
    const first = await page(dispatch, filter, sort);
    if (sort === 'talkSeconds') firstTalkPage = first.rows.map((r) => r.talkSeconds);
    let cursor = first.next;
    for (let i = 1; i < 9 && cursor; i++) cursor = (await page(dispatch, filter, sort, cursor)).next;
    if (!cursor) throw new Error(`${sort}: fewer than ten pages`);
    const ninth = cursor;
    times.push({
      sort,
      firstMs: await time(() => page(dispatch, filter, sort)),
      tenthMs: await time(() => page(dispatch, filter, sort, ninth)),
    });
  }
  return { times, firstTalkPage };
}

/** DuckDB's longest talk times of the range (the anchor), and the time it takes. */
export async function duckTopTalk(con: DuckDBConnection, filter: Filter): Promise<number[]> {
  const reader = await con.runAndReadAll(
    `SELECT talk_seconds FROM calls WHERE day BETWEEN DATE '${filter.from}' AND DATE '${filter.to}'
     ORDER BY talk_seconds DESC LIMIT ${PAGE}`,
  );
  return reader.getRows().map((r) => Number(r[0]));
}
