/**
 * The app's "now". The system clock, unless `CALLSCOPE_NOW` (an ISO instant) pins it: the clock
 * then starts at that instant and runs on from there, so durations stay real while "today", "this
 * month" and "yesterday" are the same whatever day a test or a demo runs on. Every decision that
 * depends on the date reads this, never `Date.now()` (a lint rule keeps it so).
 */
let offsetMs = 0;

/** Pins the clock to `instant` (epoch ms or an ISO string); it runs on from there. */
export function pinClock(instant: number | string): void {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(at)) throw new Error(`CALLSCOPE_NOW is not an instant: ${String(instant)}`);
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the system clock
  offsetMs = at - Date.now();
}

/** Back to the system clock. */
export function unpinClock(): void {
  offsetMs = 0;
}

/** Epoch milliseconds now. */
export function now(): number {
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the system clock
  return Date.now() + offsetMs;
}

const pinned = process.env.CALLSCOPE_NOW;
if (pinned) pinClock(pinned);
