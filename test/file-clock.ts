/**
 * Vitest setup for every test file: the file starts on the run's pinned clock. The files of a
 * worker share their modules (isolate: false), so a clock one file pinned elsewhere (to a day of
 * its own story) would otherwise still be pinned when the next file asks what today is.
 */
import { beforeAll } from 'vitest';
import { pinClock, unpinClock } from '../src-main/clock';

beforeAll(() => {
  const pinned = process.env.CALLSCOPE_NOW;
  if (pinned) pinClock(pinned);
  else unpinClock();
});
