/** Hash routing (`#/dashboard`, `#/import`, `#/settings`): works from file://, app:// and http://. */
import { useSyncExternalStore } from 'react';

export const ROUTES = ['dashboard', 'import', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return ROUTES.find((r) => r === name) ?? 'dashboard';
}

export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  window.location.hash = `/${route}`;
}
