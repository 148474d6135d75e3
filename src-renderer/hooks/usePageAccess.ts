/**
 * Which pages the signed-in user may open, derived from the access table: a page shows to the
 * roles that may make the call it cannot do without. The sidebar lists them; the shell sends an
 * address to another page back to the dashboard (which every role may read).
 */
import type { Method } from '../../src-shared/api';
import { useAuth, useMayCall } from '../stores/auth';
import type { Route } from './useHashRoute';

/** The call a page cannot do without. */
export const PAGE_NEEDS: Record<Route, Method> = {
  dashboard: 'metrics.summary',
  calls: 'calls.list',
  audits: 'audits.list',
  coaching: 'coaching.notes',
  targets: 'targets.plan',
  import: 'import.start',
  reports: 'reports.generate',
  settings: 'settings.get',
  people: 'agents.update',
  users: 'users.list',
};

/** May the signed-in user open `route`? (Everything on a local workspace but Users, which needs sign-in.) */
export function useMayOpen(): (route: Route) => boolean {
  const may = useMayCall();
  // Users sign in to team workspaces only: a local file has no Users page.
  const teamWorkspace = useAuth((s) => s.state?.required ?? false);
  return (route) => may(PAGE_NEEDS[route]) && (route !== 'users' || teamWorkspace);
}
