/**
 * The dashboard filter, persisted in localStorage. A preset is stored as the preset, not as dates,
 * so "this month" still means this month tomorrow; only a custom range keeps its dates. The plain
 * rules (validation, range, API filter) are in filter-state.ts.
 */
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Filter } from '../../src-shared/api';
import { morningPreset, presetRange, type DayRange, type RangePreset } from '../../src-shared/periods';
import type { WorkingDays } from '../../src-shared/targets-calendar';
import type { Day } from '../../src-shared/time';
import { useCampaigns } from './campaigns';
import {
  apiFilter,
  DEFAULT_SELECTION,
  isDefaultSelection,
  sanitizeSelection,
  storedDay,
  type FilterSelection,
} from '../../src-shared/filter-selection';
import { useWorkingDays, useWorkspace } from './workspace';

export { DEFAULT_PRESET, resolveRange } from '../../src-shared/filter-selection';

interface FiltersState extends FilterSelection {
  /** this start opened on the last working day because yesterday was not one (not stored) */
  landedOnLastWorkingDay: boolean;
  /**
   * The day a morning landing chose the preset (stored, null once the user chooses): a restart the
   * same morning keeps the landing and says why; a later day starts from the default again.
   */
  landedOn: Day | null;
  choosePreset(preset: RangePreset, current: DayRange): void;
  setFrom(from: Day, current: DayRange): void;
  setTo(to: Day, current: DayRange): void;
  setTeam(teamId: number | null, agentStillFits: boolean): void;
  setAgent(agentId: number | null): void;
  setCampaign(campaignId: number | null): void;
  /** Back to what a first start shows (this month, everyone); a custom range's dates are kept for later. */
  reset(): void;
}

export const useFilters = create<FiltersState>()(
  persist(
    (set) => ({
      ...DEFAULT_SELECTION,
      landedOnLastWorkingDay: false,
      landedOn: null,
      choosePreset: (preset, current) =>
        // "Custom" starts from the dates on screen, so choosing it changes nothing visible.
        set(
          preset === 'custom'
            ? {
                preset,
                customFrom: current.from,
                customTo: current.to,
                landedOnLastWorkingDay: false,
                landedOn: null,
              }
            : { preset, landedOnLastWorkingDay: false, landedOn: null },
        ),
      setFrom: (from, current) =>
        set({
          preset: 'custom',
          customFrom: from,
          customTo: current.to < from ? from : current.to,
          landedOn: null,
        }),
      setTo: (to, current) =>
        set({
          preset: 'custom',
          customTo: to,
          customFrom: current.from > to ? to : current.from,
          landedOn: null,
        }),
      setTeam: (teamId, agentStillFits) =>
        set((s) => ({ teamId, agentId: agentStillFits ? s.agentId : null })),
      setAgent: (agentId) => set({ agentId }),
      setCampaign: (campaignId) => set({ campaignId }),
      reset: () =>
        set({
          landedOnLastWorkingDay: false,
          landedOn: null,
          preset: DEFAULT_SELECTION.preset,
          teamId: null,
          agentId: null,
          campaignId: null,
        }),
    }),
    {
      name: 'callscope.filters',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): FilterSelection & Pick<FiltersState, 'landedOn'> => ({
        landedOn: s.landedOn,
        preset: s.preset,
        customFrom: s.customFrom,
        customTo: s.customTo,
        teamId: s.teamId,
        agentId: s.agentId,
        campaignId: s.campaignId,
      }),
      merge: (persisted, current) => ({
        ...current,
        ...sanitizeSelection(persisted),
        landedOn: storedDay(persisted, 'landedOn'),
      }),
    },
  ),
);

/** The working days of the filter's team, or its agent's team (the workspace's without either). */
export function useFilterWorkingDays(): WorkingDays {
  const teamId = useFilters((s) => s.teamId);
  const agentId = useFilters((s) => s.agentId);
  const agentTeamId = useWorkspace((s) => s.agents.find((a) => a.id === agentId)?.teamId);
  return useWorkingDays(teamId ?? agentTeamId ?? null);
}

/** The filter as the API takes it (null until the workspace, and so "today", is known). */
export function useActiveFilter(): Filter | null {
  const today = useWorkspace((s) => s.info?.today ?? null);
  const calendar = useFilterWorkingDays();
  const teams = useWorkspace((s) => s.teams);
  const agents = useWorkspace((s) => s.agents);
  const campaigns = useCampaigns((s) => s.campaigns);
  const preset = useFilters((s) => s.preset);
  const customFrom = useFilters((s) => s.customFrom);
  const customTo = useFilters((s) => s.customTo);
  const teamId = useFilters((s) => s.teamId);
  const agentId = useFilters((s) => s.agentId);
  const campaignId = useFilters((s) => s.campaignId);
  const known = useMemo(
    () => ({
      teamIds: new Set(teams.map((t) => t.id)),
      agentIds: new Set(agents.map((a) => a.id)),
      campaignIds: campaigns ? new Set(campaigns.map((c) => c.id)) : null,
    }),
    [teams, agents, campaigns],
  );
  if (!today) return null;
  return apiFilter({ preset, customFrom, customTo, teamId, agentId, campaignId }, today, known, calendar);
}

let landedToday: string | null = null;

/**
 * Once per start (and per new day while open): on the first day after a non-working day, a default
 * or "yesterday" filter opens on the last working day, so Monday 8:30 shows Friday, not an empty
 * Sunday. A choice the user made is kept.
 */
export function useMorningLanding(today: Day | null, calendar: WorkingDays): void {
  useEffect(() => {
    if (!today || landedToday === today) return;
    landedToday = today;
    // A landing of an earlier start is not the user's choice: the same morning keeps it (and the
    // note saying why), a later day starts from the default again.
    const earlier = useFilters.getState();
    if (earlier.landedOn !== null && earlier.preset === 'lastWorkingDay') {
      if (earlier.landedOn === today) {
        useFilters.setState({ landedOnLastWorkingDay: true });
        return;
      }
      useFilters.setState({ preset: DEFAULT_SELECTION.preset, landedOn: null });
    }
    const state = useFilters.getState();
    const preset = morningPreset(state.preset, isDefaultSelection(state), today, calendar);
    if (preset === state.preset || preset === 'custom') return;
    state.choosePreset(preset, presetRange(preset, today, calendar));
    useFilters.setState({ landedOnLastWorkingDay: true, landedOn: today });
  }, [today, calendar]);
}

/** Whether reset has nothing to do: the default filter, or this morning's landing on the last working day. */
export function isAtDefault(s: FilterSelection & { landedOnLastWorkingDay: boolean }): boolean {
  if (isDefaultSelection(s)) return true;
  return (
    s.landedOnLastWorkingDay &&
    s.preset === 'lastWorkingDay' &&
    s.teamId === null &&
    s.agentId === null &&
    s.campaignId === null
  );
}
