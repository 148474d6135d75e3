/**
 * Hash routing (`#/dashboard`, `#/calls`, `#/import`, `#/settings`, `#/agents/<id>`): works from
 * file://, app:// and http://. The sidebar's pages are `ROUTES`; an agent page is a route with a
 * parameter and has no sidebar entry of its own.
 */
import { useMemo, useSyncExternalStore } from 'react';

export const ROUTES = [
  'dashboard',
  'calls',
  'audits',
  'coaching',
  'targets',
  'reports',
  'import',
  'settings',
  'people',
  'users',
] as const;
export type Route = (typeof ROUTES)[number];

/** Where the hash points: a sidebar page, or one agent's page. */
export type RouteMatch =
  | { route: Route }
  | { route: 'agent'; agentId: number }
  | { route: 'audit'; auditId: number }
  /** the signed-in user's own account (their password): reached from their name in the sidebar */
  | { route: 'account' };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Reads a hash such as `#/agents/12?x=1`; anything unknown (or an id that is no id) is the dashboard. */
export function parseRoute(hash: string): RouteMatch {
  const [name, param] = hash.replace(/^#\/?/, '').split(/[?]/)[0]!.split('/');
  if (name === 'agents') {
    const agentId = Number(param);
    if (param && /^\d+$/.test(param) && Number.isSafeInteger(agentId) && agentId > 0) {
      return { route: 'agent', agentId };
    }
    return { route: 'dashboard' };
  }
  if (name === 'account') return { route: 'account' };
  if (name === 'audits' && param) {
    const auditId = Number(param);
    if (/^\d+$/.test(param) && Number.isSafeInteger(auditId) && auditId > 0)
      return { route: 'audit', auditId };
    return { route: 'audits' };
  }
  return { route: ROUTES.find((r) => r === name) ?? 'dashboard' };
}

export function useHashRoute(): RouteMatch {
  // The hash string is the snapshot (stable between renders); the parsed route follows it.
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}

/** One string per page, e.g. to remount the content when the page changes. */
export function routeKey(match: RouteMatch): string {
  if (match.route === 'audit') return `audit/${match.auditId}`;
  return match.route === 'agent' ? `agent/${match.agentId}` : match.route;
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

export function agentHref(agentId: number): string {
  return `#/agents/${agentId}`;
}

export function navigate(route: Route): void {
  window.location.hash = `/${route}`;
}

export const ACCOUNT_HREF = '#/account';

export function auditHref(auditId: number): string {
  return `#/audits/${auditId}`;
}
