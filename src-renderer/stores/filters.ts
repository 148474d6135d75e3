/**
 * The dashboard filter, persisted in localStorage. A preset is stored as the preset, not as dates,
 * so "this month" still means this month tomorrow; only a custom range keeps its dates.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Filter } from '../../src-shared/api';
import { presetRange, RANGE_PRESETS, type DayRange, type RangePreset } from '../../src-shared/periods';
import { isDay, type Day } from '../../src-shared/time';
import { useWorkspace } from './workspace';

interface FiltersState {
  preset: RangePreset;
  /** The dates of a custom range (kept when switching back to a preset, unused until then). */
  customFrom: Day | null;
  customTo: Day | null;
  teamId: number | null;
  agentId: number | null;
  choosePreset(preset: RangePreset, current: DayRange): void;
  setFrom(from: Day, current: DayRange): void;
  setTo(to: Day, current: DayRange): void;
  setTeam(teamId: number | null, agentStillFits: boolean): void;
  setAgent(agentId: number | null): void;
}

export const DEFAULT_PRESET: Exclude<RangePreset, 'custom'> = 'thisMonth';

export const useFilters = create<FiltersState>()(
  persist(
    (set) => ({
      preset: DEFAULT_PRESET,
      customFrom: null,
      customTo: null,
      teamId: null,
      agentId: null,
      choosePreset: (preset, current) =>
        // "Custom" starts from the dates on screen, so choosing it changes nothing visible.
        set(preset === 'custom' ? { preset, customFrom: current.from, customTo: current.to } : { preset }),
      setFrom: (from, current) =>
        set({ preset: 'custom', customFrom: from, customTo: current.to < from ? from : current.to }),
      setTo: (to, current) =>
        set({ preset: 'custom', customTo: to, customFrom: current.from > to ? to : current.from }),
      setTeam: (teamId, agentStillFits) =>
        set((s) => ({ teamId, agentId: agentStillFits ? s.agentId : null })),
      setAgent: (agentId) => set({ agentId }),
    }),
    {
      name: 'callscope.filters',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        preset: s.preset,
        customFrom: s.customFrom,
        customTo: s.customTo,
        teamId: s.teamId,
        agentId: s.agentId,
      }),
      // Whatever is in storage may be from an older build or edited by hand: keep only what is valid.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<FiltersState>;
        const day = (v: unknown) => (typeof v === 'string' && isDay(v) ? v : null);
        const id = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
        return {
          ...current,
          preset: RANGE_PRESETS.includes(p.preset as RangePreset)
            ? (p.preset as RangePreset)
            : DEFAULT_PRESET,
          customFrom: day(p.customFrom),
          customTo: day(p.customTo),
          teamId: id(p.teamId),
          agentId: id(p.agentId),
        };
      },
    },
  ),
);

/** The range the filter means today: a preset resolved on the workspace's "today", or the custom dates. */
export function resolveRange(
  state: Pick<FiltersState, 'preset' | 'customFrom' | 'customTo'>,
  today: Day,
): DayRange {
  if (state.preset === 'custom' && state.customFrom && state.customTo) {
    return state.customFrom <= state.customTo
      ? { from: state.customFrom, to: state.customTo }
      : { from: state.customTo, to: state.customFrom };
  }
  return presetRange(state.preset === 'custom' ? DEFAULT_PRESET : state.preset, today);
}

/**
 * The filter as the API takes it. Team and agent ids that no longer exist in this workspace
 * (another workspace, an undone import) are dropped rather than sent.
 */
export function useActiveFilter(): Filter | null {
  const today = useWorkspace((s) => s.info?.today ?? null);
  const teams = useWorkspace((s) => s.teams);
  const agents = useWorkspace((s) => s.agents);
  const preset = useFilters((s) => s.preset);
  const customFrom = useFilters((s) => s.customFrom);
  const customTo = useFilters((s) => s.customTo);
  const teamId = useFilters((s) => s.teamId);
  const agentId = useFilters((s) => s.agentId);
  if (!today) return null;
  const range = resolveRange({ preset, customFrom, customTo }, today);
  const filter: Filter = { from: range.from, to: range.to };
  if (teamId !== null && teams.some((t) => t.id === teamId)) filter.teamId = teamId;
  if (agentId !== null && agents.some((a) => a.id === agentId)) filter.agentId = agentId;
  return filter;
}
