/** Date-range presets of the filter bar, and the previous comparable period of a range. */
import { type Day } from './time';
export declare const RANGE_PRESETS: readonly [
  'today',
  'yesterday',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'custom',
];
export type RangePreset = (typeof RANGE_PRESETS)[number];
export interface DayRange {
  from: Day;
  to: Day;
}
/** The range a preset means on `today` (weeks start on Monday, as on Chinese and ISO calendars). */
export declare function presetRange(preset: Exclude<RangePreset, 'custom'>, today: Day): DayRange;
/**
 * The period a range is compared with. Whole months compare with the previous month; a
 * month-to-date compares with the same days of the previous month; anything else with the
 * same number of days just before it.
 */
export declare function previousPeriod(range: DayRange): DayRange;
