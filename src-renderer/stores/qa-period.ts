/**
 * The QA analytics' own period (not the dashboard's): kept while the app runs, so coming back to
 * the Audits page shows the period the supervisor chose.
 */
import { create } from 'zustand';
import type { RangePreset } from '../../src-shared/periods';

export const QA_PRESETS = [
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'custom',
] as const;
export type QaPreset = (typeof QA_PRESETS)[number] & RangePreset;

export interface QaPeriod {
  preset: QaPreset;
  /** the days of a custom period */
  from?: string;
  to?: string;
}

/** A quarter: enough weeks for the weekly trend and its intervals to say something. */
export const DEFAULT_QA_PRESET: Exclude<QaPreset, 'custom'> = 'thisQuarter';

export const useQaPeriod = create<{ period: QaPeriod; setPeriod(p: QaPeriod): void }>((set) => ({
  period: { preset: DEFAULT_QA_PRESET },
  setPeriod: (period) => set({ period }),
}));
