/**
 * An audit draft's autosave: a moment after the last change the whole draft is written. What it
 * shows never claims more than is stored: a change not yet written reads "unsaved" at once (not the
 * previous save's "saved"); saves go one at a time in order, so an earlier draft arriving late never
 * overwrites a later one, and only the latest save's answer sets the state; leaving the form with a
 * change pending writes it at once instead of dropping it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Input } from '../../../src-shared/api';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';

const AUTOSAVE_MS = 600;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; error: ApiCallError };

type Draft = Input<'audits.saveDraft'>;

/** Whether two drafts hold the same parts (the form replaces a part whenever it changes). */
function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.auditId === b.auditId &&
    a.answers === b.answers &&
    a.notes === b.notes &&
    a.comment === b.comment &&
    a.itemComments === b.itemComments
  );
}

/**
 * Autosaves `draft` after each change while `enabled`; `changed` says whether the user changed
 * anything yet (the draft as loaded is not written back).
 */
export function useDraftAutosave(draft: Draft, enabled: boolean, changed: boolean): SaveState {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // the draft last handed to a save: anything else the user sees is not written yet
  const [written, setWritten] = useState<Draft | null>(null);
  const latest = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef<Draft | null>(null);
  const { auditId, answers, notes, comment, itemComments } = draft;

  useEffect(() => {
    if (!enabled || !changed) return;
    const current = { auditId, answers, notes, comment, itemComments };
    pending.current = current;
    const timer = window.setTimeout(() => {
      const seq = ++latest.current;
      pending.current = null;
      setWritten(current);
      setState({ kind: 'saving' });
      // one save at a time, in order; only the latest save's answer is shown
      queue.current = queue.current.then(() =>
        call('audits.saveDraft', current).then(
          ({ updatedAt }) => {
            if (seq === latest.current) setState({ kind: 'saved', at: updatedAt });
          },
          (err: unknown) => {
            if (seq === latest.current) setState({ kind: 'error', error: toApiCallError(err) });
          },
        ),
      );
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [auditId, answers, notes, comment, itemComments, enabled, changed]);

  // Unmounting (another page, another audit) with a change not yet written: write it now.
  useEffect(
    () => () => {
      const left = pending.current;
      if (left) void queue.current.then(() => call('audits.saveDraft', left)).catch(() => undefined);
    },
    [],
  );

  if (enabled && changed && (written === null || !sameDraft(written, draft))) return { kind: 'pending' };
  return state;
}
