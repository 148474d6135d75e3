/**
 * Benchmarks run on the tests' pinned instant unless CALLSCOPE_NOW names another: the cached query
 * workspace and "this month" then mean the same whatever day they run on, and the processes they
 * start (the workspace builder, the web host) inherit the same clock. Import it first.
 */
import { pinClock } from '../../src-main/clock';
import { PINNED_NOW } from '../pinned-clock';

process.env.CALLSCOPE_NOW ??= PINNED_NOW;
pinClock(process.env.CALLSCOPE_NOW);
