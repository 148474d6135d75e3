/** The audit form's keyboard map and routes (pure renderer modules, run in Node). */
import { describe, expect, it } from 'vitest';
import { auditHref, parseRoute, routeKey } from '../../src-renderer/hooks/useHashRoute';
import { clockTime, nextSpeed, shortcutFor, SPEEDS } from '../../src-renderer/pages/audits/shortcuts';

describe('audit shortcuts', () => {
  it('has a key for every answer, moving, the player and its speed', () => {
    expect(shortcutFor('y')).toEqual({ kind: 'answer', value: 'yes' });
    expect(shortcutFor('N')).toEqual({ kind: 'answer', value: 'no' });
    expect(shortcutFor('a')).toEqual({ kind: 'answer', value: 'na' });
    for (const v of ['1', '2', '3', '4', '5']) expect(shortcutFor(v)).toEqual({ kind: 'answer', value: v });
    expect(shortcutFor('ArrowDown')).toEqual({ kind: 'move', by: 1 });
    expect(shortcutFor('ArrowUp')).toEqual({ kind: 'move', by: -1 });
    expect(shortcutFor(' ')).toEqual({ kind: 'playPause' });
    expect(shortcutFor('ArrowLeft')).toEqual({ kind: 'seek', by: -5 });
    expect(shortcutFor('ArrowRight')).toEqual({ kind: 'seek', by: 5 });
    expect(shortcutFor(']')).toEqual({ kind: 'speed', by: 1 });
    expect(shortcutFor('x')).toBeNull();
  });

  it('steps the speed through 0.75–2× and stops at the ends', () => {
    expect(SPEEDS[0]).toBe(0.75);
    expect(SPEEDS[SPEEDS.length - 1]).toBe(2);
    expect(nextSpeed(1, 1)).toBe(1.25);
    expect(nextSpeed(2, 1)).toBe(2);
    expect(nextSpeed(0.75, -1)).toBe(0.75);
    expect(nextSpeed(1.1, -1)).toBe(0.75); // an odd rate restarts from 1×
    expect(clockTime(0)).toBe('0:00');
    expect(clockTime(125.9)).toBe('2:05');
  });
});

describe('audit routes', () => {
  it('parses the list and one audit', () => {
    expect(parseRoute('#/audits')).toEqual({ route: 'audits' });
    expect(parseRoute(auditHref(12))).toEqual({ route: 'audit', auditId: 12 });
    expect(routeKey({ route: 'audit', auditId: 12 })).toBe('audit/12');
    for (const bad of ['#/audits/0', '#/audits/x', '#/audits/1.5', '#/audits/-3'])
      expect(parseRoute(bad), bad).toEqual({ route: 'audits' });
  });
});
