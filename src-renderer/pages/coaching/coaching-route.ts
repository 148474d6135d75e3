/**
 * Where on the coaching page we are, from the hash's query: `#/coaching?agent=5` (lists of one
 * agent), `?note=new&agent=5`, `?note=12`, `?plan=new`, `?plan=3`. Links from the agent page and
 * the follow-ups list land on exactly the view they mean.
 */
import { useMemo, useSyncExternalStore } from 'react';

export type CoachingView =
  { view: 'lists' } | { view: 'note'; noteId: number | 'new' } | { view: 'plan'; planId: number | 'new' };

export interface CoachingParams {
  agentId: number | null;
  /** a new checkpoint note's plan */
  planId: number | null;
  at: CoachingView;
}

function idParam(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function parseCoachingParams(hash: string): CoachingParams {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const agentId = idParam(query.get('agent'));
  const note = query.get('note');
  const plan = query.get('plan');
  let at: CoachingView = { view: 'lists' };
  if (note === 'new') at = { view: 'note', noteId: 'new' };
  else if (idParam(note) !== null) at = { view: 'note', noteId: idParam(note)! };
  else if (plan === 'new') at = { view: 'plan', planId: 'new' };
  else if (idParam(plan) !== null) at = { view: 'plan', planId: idParam(plan)! };
  return { agentId, planId: note === 'new' ? idParam(plan) : null, at };
}

export function coachingHref(params: {
  agentId?: number | null;
  note?: number | 'new';
  plan?: number | 'new';
}): string {
  const query = new URLSearchParams();
  if (params.agentId) query.set('agent', String(params.agentId));
  if (params.note !== undefined) query.set('note', String(params.note));
  if (params.plan !== undefined) query.set('plan', String(params.plan));
  const text = query.toString();
  return text ? `#/coaching?${text}` : '#/coaching';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useCoachingParams(): CoachingParams {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseCoachingParams(hash), [hash]);
}

export function goTo(href: string): void {
  window.location.hash = href.slice(1);
}
