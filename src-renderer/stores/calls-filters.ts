/**
 * The calls explorer's own filters (what the dashboard filter does not cover) and its sort order,
 * persisted in localStorage. The date range, team, agent and campaign stay in `filters.ts`.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { CALL_SORTS, type CallSort, type CallsQuery } from '../../src-shared/api';
import {
  DIRECTIONS,
  DISPOSITIONS,
  OUTCOMES,
  type Direction,
  type Disposition,
  type Outcome,
} from '../../src-shared/domain';

export type SortOrder = 'asc' | 'desc';

export interface CallsSort {
  sort: CallSort;
  order: SortOrder;
}

export const DEFAULT_CALLS_SORT: CallsSort = { sort: 'startedAt', order: 'desc' };

interface CallsFiltersState extends CallsSort {
  dispositions: Disposition[];
  outcomes: Outcome[];
  direction: Direction | null;
  /** talk seconds, inclusive; null = no bound */
  talkMin: number | null;
  talkMax: number | null;
  toggleDisposition(d: Disposition): void;
  toggleOutcome(o: Outcome): void;
  setDirection(d: Direction | null): void;
  setTalkMin(seconds: number | null): void;
  setTalkMax(seconds: number | null): void;
  sortBy(column: CallSort): void;
  /** Drops the explorer's filters (not the sort). */
  clear(): void;
}

type Narrowing = Pick<CallsFiltersState, 'dispositions' | 'outcomes' | 'direction' | 'talkMin' | 'talkMax'>;

const NO_NARROWING: Narrowing = {
  dispositions: [],
  outcomes: [],
  direction: null,
  talkMin: null,
  talkMax: null,
};

/** Adds or removes one value, keeping the catalogue's order (so the query key does not depend on clicks). */
function toggled<T extends string>(all: readonly T[], chosen: readonly T[], value: T): T[] {
  const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
  return all.filter((v) => next.includes(v));
}

/** A click on a column header: the same column flips its order, another starts with the largest first. */
export function nextSort(current: CallsSort, column: CallSort): CallsSort {
  if (current.sort === column) return { sort: column, order: current.order === 'desc' ? 'asc' : 'desc' };
  return { sort: column, order: 'desc' };
}

export const useCallsFilters = create<CallsFiltersState>()(
  persist(
    (set) => ({
      ...NO_NARROWING,
      ...DEFAULT_CALLS_SORT,
      toggleDisposition: (d) => set((s) => ({ dispositions: toggled(DISPOSITIONS, s.dispositions, d) })),
      toggleOutcome: (o) => set((s) => ({ outcomes: toggled(OUTCOMES, s.outcomes, o) })),
      setDirection: (direction) => set({ direction }),
      setTalkMin: (talkMin) => set({ talkMin }),
      setTalkMax: (talkMax) => set({ talkMax }),
      sortBy: (column) => set((s) => nextSort(s, column)),
      clear: () => set(NO_NARROWING),
    }),
    {
      name: 'callscope.calls-filters',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        dispositions: s.dispositions,
        outcomes: s.outcomes,
        direction: s.direction,
        talkMin: s.talkMin,
        talkMax: s.talkMax,
        sort: s.sort,
        order: s.order,
      }),
      // Storage may hold an older build's values or hand edits: keep only what is valid.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<CallsFiltersState>;
        const seconds = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
        const listOf = <T extends string>(all: readonly T[], v: unknown): T[] =>
          Array.isArray(v) ? all.filter((x) => v.includes(x)) : [];
        return {
          ...current,
          dispositions: listOf(DISPOSITIONS, p.dispositions),
          outcomes: listOf(OUTCOMES, p.outcomes),
          direction: DIRECTIONS.find((d) => d === p.direction) ?? null,
          talkMin: seconds(p.talkMin),
          talkMax: seconds(p.talkMax),
          sort: CALL_SORTS.find((c) => c === p.sort) ?? DEFAULT_CALLS_SORT.sort,
          order: p.order === 'asc' ? 'asc' : 'desc',
        };
      },
    },
  ),
);

/** Whether any explorer filter narrows the calls. */
export function hasNarrowing(s: Narrowing): boolean {
  return (
    s.dispositions.length > 0 ||
    s.outcomes.length > 0 ||
    s.direction !== null ||
    s.talkMin !== null ||
    s.talkMax !== null
  );
}

/** The explorer's part of a `calls.list` / `calls.count` input (only the filters that are set). */
export function narrowingQuery(s: Narrowing): Omit<CallsQuery, 'filter'> {
  const q: Omit<CallsQuery, 'filter'> = {};
  if (s.dispositions.length) q.dispositions = s.dispositions;
  if (s.outcomes.length) q.outcomes = s.outcomes;
  if (s.direction !== null) q.direction = s.direction;
  if (s.talkMin !== null) q.talkMin = s.talkMin;
  if (s.talkMax !== null) q.talkMax = s.talkMax;
  return q;
}
