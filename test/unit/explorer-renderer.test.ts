/** The pure parts of the calls explorer and agent page: routes, typed talk times, bands, windowing. */
import { describe, expect, it } from 'vitest';
import { TALK_BUCKETS } from '../../src-shared/api';
import { parseRoute } from '../../src-renderer/hooks/useHashRoute';
import {
  bandIsEffective,
  talkBandLabels,
  thresholdPosition,
} from '../../src-renderer/pages/agent/talk-buckets';
import { formatClock, parseClock } from '../../src-renderer/pages/calls/clock';
import { rowWindow } from '../../src-renderer/pages/calls/useRowWindow';
import { narrowingQuery, nextSort } from '../../src-renderer/stores/calls-filters';

describe('hash routes', () => {
  it('reads pages and agent pages, and falls back to the dashboard', () => {
    expect(parseRoute('#/calls')).toEqual({ route: 'calls' });
    expect(parseRoute('#/import')).toEqual({ route: 'import' });
    expect(parseRoute('#/agents/12')).toEqual({ route: 'agent', agentId: 12 });
    expect(parseRoute('#/agents/12?from=x')).toEqual({ route: 'agent', agentId: 12 });
    expect(parseRoute('')).toEqual({ route: 'dashboard' });
    expect(parseRoute('#/nowhere')).toEqual({ route: 'dashboard' });
    for (const bad of [
      '#/agents',
      '#/agents/',
      '#/agents/0',
      '#/agents/-3',
      '#/agents/1.5',
      '#/agents/abc',
    ]) {
      expect(parseRoute(bad), bad).toEqual({ route: 'dashboard' });
    }
  });
});

describe('talk times as typed and shown', () => {
  it('shows m:ss, and h:mm:ss from an hour', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(5)).toBe('0:05');
    expect(formatClock(90)).toBe('1:30');
    expect(formatClock(3599)).toBe('59:59');
    expect(formatClock(3600 + 62)).toBe('1:01:02');
  });

  it('reads seconds, m:ss and h:mm:ss; empty is no bound; typos are invalid', () => {
    expect(parseClock('90')).toBe(90);
    expect(parseClock(' 1:30 ')).toBe(90);
    expect(parseClock('0:05')).toBe(5);
    expect(parseClock('90:00')).toBe(5400);
    expect(parseClock('1:02:03')).toBe(3723);
    expect(parseClock('')).toBeNull();
    expect(parseClock('   ')).toBeNull();
    for (const bad of ['1:75', '1:60:00', 'abc', '1:', ':30', '-5', '1.5', '100000']) {
      expect(parseClock(bad), bad).toBeUndefined();
    }
    // what is shown reads back as the same number
    for (const s of [0, 59, 60, 61, 599, 3600, 7322]) expect(parseClock(formatClock(s))).toBe(s);
  });
});

describe('talk-time bands', () => {
  it('labels each band in seconds under a minute and in minutes from one', () => {
    const labels = talkBandLabels({ seconds: (n) => `${n} s`, minutes: (n) => `${n} min` });
    expect(labels).toEqual(['< 10 s', '10–30 s', '30–60 s', '1–2 min', '2–5 min', '5–10 min', '≥ 10 min']);
    expect(labels).toHaveLength(TALK_BUCKETS.length + 1);
  });

  it('places the threshold on a band edge or inside a band', () => {
    expect(thresholdPosition(30)).toEqual({ band: 2, fraction: 0 });
    expect(thresholdPosition(0)).toEqual({ band: 0, fraction: 0 });
    expect(thresholdPosition(45)).toEqual({ band: 2, fraction: 0.5 });
    expect(thresholdPosition(5)).toEqual({ band: 0, fraction: 0.5 });
    expect(thresholdPosition(900)).toEqual({ band: 6, fraction: 0 });
  });

  it('calls a band effective only when all of it reaches the threshold', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((b) => bandIsEffective(b, 30))).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
    // 45 s falls inside 30-60: that band is partly short, so not coloured effective
    expect(bandIsEffective(2, 45)).toBe(false);
    expect(bandIsEffective(3, 45)).toBe(true);
    expect(bandIsEffective(0, 0)).toBe(true);
  });
});

describe('row windowing', () => {
  it('renders the rows in view plus a margin, with spacers for the rest', () => {
    expect(rowWindow(1000, 32, 0, 640, 10)).toEqual({ start: 0, end: 30, before: 0, after: 970 * 32 });
    expect(rowWindow(1000, 32, 3200, 640, 10)).toEqual({
      start: 90,
      end: 130,
      before: 90 * 32,
      after: 870 * 32,
    });
    // at the end: nothing past the last row
    expect(rowWindow(100, 32, 3000, 640, 10)).toEqual({ start: 83, end: 100, before: 83 * 32, after: 0 });
    expect(rowWindow(0, 32, 0, 640, 10)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('keeps the whole list height whatever the scroll position', () => {
    for (const top of [0, 100, 5000, 31_900, 99_999]) {
      const w = rowWindow(1000, 32, top, 700, 8);
      expect(w.before + (w.end - w.start) * 32 + w.after).toBe(32_000);
    }
  });
});

describe('explorer filters and sort', () => {
  it('sends only the filters that are set', () => {
    const none = { dispositions: [], outcomes: [], direction: null, talkMin: null, talkMax: null };
    expect(narrowingQuery(none)).toEqual({});
    expect(narrowingQuery({ ...none, dispositions: ['connected'], talkMin: 0, talkMax: 300 })).toEqual({
      dispositions: ['connected'],
      talkMin: 0,
      talkMax: 300,
    });
  });

  it('flips the order on the same column and starts another column largest first', () => {
    expect(nextSort({ sort: 'startedAt', order: 'desc' }, 'startedAt')).toEqual({
      sort: 'startedAt',
      order: 'asc',
    });
    expect(nextSort({ sort: 'startedAt', order: 'asc' }, 'talkSeconds')).toEqual({
      sort: 'talkSeconds',
      order: 'desc',
    });
  });
});
