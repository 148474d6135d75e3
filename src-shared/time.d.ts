/**
 * Calendar days and wall-clock times in a workspace time zone, on Intl alone (no Node, no DOM).
 *
 * A `Day` is a local calendar string `YYYY-MM-DD`. Day arithmetic works on UTC noon so that no
 * time zone or DST shift can move a day (the trap of `toISOString().split('T')[0]`).
 */
export type Day = string;
export interface LocalParts {
  day: Day;
  /** 0-23, local */
  hour: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday */
  weekday: number;
}
export declare function isValidTimeZone(timeZone: string): boolean;
export declare function systemTimeZone(): string;
/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone`. */
export declare function offsetAt(epochMs: number, timeZone: string): number;
export declare function dayFromUtcDate(d: Date): Day;
/** The local day, hour and weekday of an instant in `timeZone`. */
export declare function localParts(epochMs: number, timeZone: string): LocalParts;
/**
 * The UTC instant of a wall-clock time in `timeZone`. A time inside a DST gap moves forward by
 * the gap; an ambiguous time (the repeated hour) takes the earlier instant.
 */
export declare function wallTimeToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
  millisecond?: number,
): number;
export declare function isDay(value: string): boolean;
export declare function addDays(day: Day, n: number): Day;
/** Whole days from `from` to `to` (to - from). */
export declare function daysBetween(from: Day, to: Day): number;
/** ISO weekday of a day: 1 = Monday ... 7 = Sunday. */
export declare function weekdayOf(day: Day): number;
export declare function addMonths(day: Day, n: number): Day;
export declare function startOfMonth(day: Day): Day;
export declare function endOfMonth(day: Day): Day;
/** Today's local day in `timeZone`. */
export declare function todayIn(timeZone: string, nowMs?: number): Day;
