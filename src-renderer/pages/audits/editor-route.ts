/**
 * The scorecard editor lives on the Audits page, addressed by the hash's query so that it needs no
 * route of its own: `#/audits?scorecard=<id>` edits a scorecard (saving adds its next version),
 * `#/audits?scorecard=new` starts a new one from a copy, a built-in template or a blank card.
 */
import { useMemo, useSyncExternalStore } from 'react';

export type EditorTarget = { kind: 'edit'; scorecardId: number } | { kind: 'new' };

export function parseEditorTarget(hash: string): EditorTarget | null {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  if (path !== 'audits') return null;
  const value = new URLSearchParams(query).get('scorecard');
  if (value === 'new') return { kind: 'new' };
  if (value && /^\d+$/.test(value) && Number(value) > 0) return { kind: 'edit', scorecardId: Number(value) };
  return null;
}

export function scorecardEditorHref(target: EditorTarget): string {
  return `#/audits?scorecard=${target.kind === 'new' ? 'new' : target.scorecardId}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useEditorTarget(): EditorTarget | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseEditorTarget(hash), [hash]);
}
