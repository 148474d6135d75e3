/**
 * The dashboard filter as plain data, without React or storage: what is stored, what is valid
 * after a restart, what range it means today and what the API is sent. (Unit-tested.)
 */
import type { Filter } from './api';
import { presetRange, RANGE_PRESETS, type DayRange, type RangePreset } from './periods';
import type { WorkingDays } from './targets-calendar';
import { isDay, type Day } from './time';

export interface FilterSelection {
  preset: RangePreset;
  /** The dates of a custom range (kept when switching back to a preset, unused until then). */
  customFrom: Day | null;
  customTo: Day | null;
  teamId: number | null;
  agentId: number | null;
  campaignId: number | null;
}

export const DEFAULT_PRESET: Exclude<RangePreset, 'custom'> = 'thisMonth';

export const DEFAULT_SELECTION: Readonly<FilterSelection> = Object.freeze({
  preset: DEFAULT_PRESET,
  customFrom: null,
  customTo: null,
  teamId: null,
  agentId: null,
  campaignId: null,
});

/** A stored value that is a real day, else null. */
const asDay = (v: unknown): Day | null => (typeof v === 'string' && isDay(v) ? v : null);

/** The day stored under `key` of a persisted object (e.g. the filter's morning landing), or null. */
export function storedDay(stored: unknown, key: string): Day | null {
  return typeof stored === 'object' && stored !== null ? asDay(Reflect.get(stored, key)) : null;
}

/** Whatever is in storage may be from an older build or edited by hand: keep only what is valid. */
export function sanitizeSelection(stored: unknown): FilterSelection {
  const p = (stored ?? {}) as Partial<Record<keyof FilterSelection, unknown>>;
  const id = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
  return {
    preset: RANGE_PRESETS.includes(p.preset as RangePreset) ? (p.preset as RangePreset) : DEFAULT_PRESET,
    customFrom: asDay(p.customFrom),
    customTo: asDay(p.customTo),
    teamId: id(p.teamId),
    agentId: id(p.agentId),
    campaignId: id(p.campaignId),
  };
}

/** Whether the selection shows what a fresh start shows (the reset button is then idle). */
export function isDefaultSelection(s: FilterSelection): boolean {
  return (
    s.preset === DEFAULT_SELECTION.preset && s.teamId === null && s.agentId === null && s.campaignId === null
  );
}

/**
 * The range the filter means today: a preset resolved on the workspace's "today" (and its working
 * days, for "last working day"), or the custom dates.
 */
export function resolveRange(
  state: Pick<FilterSelection, 'preset' | 'customFrom' | 'customTo'>,
  today: Day,
  calendar?: WorkingDays,
): DayRange {
  if (state.preset === 'custom' && state.customFrom && state.customTo) {
    return state.customFrom <= state.customTo
      ? { from: state.customFrom, to: state.customTo }
      : { from: state.customTo, to: state.customFrom };
  }
  return presetRange(state.preset === 'custom' ? DEFAULT_PRESET : state.preset, today, calendar);
}

export interface KnownIds {
  teamIds: ReadonlySet<number>;
  agentIds: ReadonlySet<number>;
  /** null while the campaign list is not loaded yet: a stored campaign is then kept */
  campaignIds: ReadonlySet<number> | null;
}

/**
 * The filter as the API takes it. Ids that no longer exist in this workspace (another workspace,
 * an undone import) are dropped rather than sent: an empty dashboard would be a riddle.
 */
export function apiFilter(s: FilterSelection, today: Day, known: KnownIds, calendar?: WorkingDays): Filter {
  const range = resolveRange(s, today, calendar);
  const filter: Filter = { from: range.from, to: range.to };
  if (s.teamId !== null && known.teamIds.has(s.teamId)) filter.teamId = s.teamId;
  if (s.agentId !== null && known.agentIds.has(s.agentId)) filter.agentId = s.agentId;
  if (s.campaignId !== null && (known.campaignIds === null || known.campaignIds.has(s.campaignId))) {
    filter.campaignId = s.campaignId;
  }
  return filter;
}
