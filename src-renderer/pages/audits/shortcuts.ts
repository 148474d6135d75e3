/**
 * The audit form's keyboard: every answer and the player without the mouse. Pure (key → action),
 * so the help line and the handler cannot disagree.
 */
import type { AnswerValue } from '../../../src-shared/scorecard';

export type ShortcutAction =
  | { kind: 'move'; by: -1 | 1 }
  | { kind: 'answer'; value: AnswerValue }
  | { kind: 'playPause' }
  | { kind: 'seek'; by: -5 | 5 }
  | { kind: 'speed'; by: -1 | 1 };

export function shortcutFor(key: string): ShortcutAction | null {
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return { kind: 'move', by: 1 };
    case 'ArrowUp':
    case 'k':
      return { kind: 'move', by: -1 };
    case 'y':
    case 'Y':
      return { kind: 'answer', value: 'yes' };
    case 'n':
    case 'N':
      return { kind: 'answer', value: 'no' };
    case 'a':
    case 'A':
    case '0':
      return { kind: 'answer', value: 'na' };
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
      return { kind: 'answer', value: key };
    case ' ':
      return { kind: 'playPause' };
    case 'ArrowLeft':
      return { kind: 'seek', by: -5 };
    case 'ArrowRight':
      return { kind: 'seek', by: 5 };
    case '[':
      return { kind: 'speed', by: -1 };
    case ']':
      return { kind: 'speed', by: 1 };
    default:
      return null;
  }
}

/** Typing in a field (a note) is typing, not a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

export function nextSpeed(current: number, by: -1 | 1): number {
  const index = SPEEDS.findIndex((s) => s === current);
  const next = Math.min(SPEEDS.length - 1, Math.max(0, (index < 0 ? 1 : index) + by));
  return SPEEDS[next]!;
}

/** m:ss for a recording position. */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
