/**
 * The instant every test runs at (`CALLSCOPE_NOW`): Monday 7 December 2026, 08:30 in Shanghai — a
 * team lead's Monday morning, the day after a non-working day. `npm test` runs the date-sensitive
 * suites a second time pinned to the 1st of a month (test/run-all.mjs). Nothing reads the machine's
 * own date, so a suite that passes on Friday passes on Monday.
 */
export const PINNED_NOW = '2026-12-07T00:30:00Z';
