/**
 * The open workspace: info (incl. settings and "today"), teams and agents. Refreshed after anything
 * that changes stored data (import, undo, demo, settings); `dataVersion` then moves on so every
 * panel's query reloads.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { CalendarBook, DEFAULT_CALENDAR, type WorkingDays } from '../../src-shared/targets-calendar';
import type { Agent, Output, Settings, Team } from '../../src-shared/api';
import { call } from '../api/client';
import { type ApiCallError, toApiCallError } from '../api/errors';

export type WorkspaceInfo = Output<'workspace.info'>;

interface WorkspaceState {
  status: 'loading' | 'ready' | 'error';
  error: ApiCallError | null;
  info: WorkspaceInfo | null;
  teams: Team[];
  agents: Agent[];
  /** Bumped whenever stored data may have changed; every data query depends on it. */
  dataVersion: number;
  /**
   * Bumped when another Callscope (or the command line) changed the data (stores/live.ts): the
   * queries on screen re-read quietly, keeping what they show until the new answer is in.
   */
  liveVersion: number;
  /** The workspace's change counter as of the last refresh (null before the first). */
  revision: number | null;
  /** `live`: a refresh for someone else's change (moves `liveVersion`, not `dataVersion`). */
  refresh(options?: { live?: boolean }): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
}

let latestRefresh = 0;

export const useWorkspace = create<WorkspaceState>()((set, get) => ({
  status: 'loading',
  error: null,
  info: null,
  teams: [],
  agents: [],
  dataVersion: 0,
  liveVersion: 0,
  revision: null,

  async refresh(options = {}) {
    const ticket = ++latestRefresh;
    if (!get().info) set({ status: 'loading', error: null });
    try {
      const [{ revision }, info, teams, agents] = await Promise.all([
        call('workspace.revision', {}),
        call('workspace.info', {}),
        call('teams.list', {}),
        call('agents.list', {}),
      ]);
      if (ticket !== latestRefresh) return; // a newer refresh is on its way
      set((s) => ({
        status: 'ready',
        error: null,
        info,
        teams,
        agents,
        revision,
        ...(options.live ? { liveVersion: s.liveVersion + 1 } : { dataVersion: s.dataVersion + 1 }),
      }));
    } catch (err) {
      if (ticket !== latestRefresh) return;
      set({ status: 'error', error: toApiCallError(err) });
    }
  },

  async saveSettings(patch) {
    const settings = await call('settings.update', patch);
    set((s) => ({ info: s.info ? { ...s.info, settings } : s.info }));
    // A new threshold recomputes every rollup; a new time zone can move "today".
    await get().refresh();
    return settings;
  },
}));

/** Re-reads the workspace when the window comes back: "today" moves on overnight. */
export function refreshWorkspaceOnFocus(): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') void useWorkspace.getState().refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => document.removeEventListener('visibilitychange', onVisible);
}

/**
 * The working days (weekends, holidays, make-up days) of a team, for presets and captions: its own
 * calendar if it has one (a team that works Saturdays), else the workspace's.
 */
export function useWorkingDays(teamId: number | null = null): WorkingDays {
  const calendar = useWorkspace((s) => s.info?.calendar ?? null);
  const teamCalendars = useWorkspace((s) => s.info?.teamCalendars ?? null);
  const book = useMemo(
    () => new CalendarBook(calendar ?? DEFAULT_CALENDAR, teamCalendars ?? []),
    [calendar, teamCalendars],
  );
  return book.forTeam(teamId);
}
