/** The shell: sidebar, the routed page, and the workspace load every page depends on. */
import { useEffect } from 'react';
import { ErrorMessage } from './components/ErrorMessage';
import { SessionNotice } from './components/SessionNotice';
import { Sidebar } from './components/Sidebar';
import { SkeletonBlock } from './components/Skeleton';
import { routeKey, ROUTES, useHashRoute, type Route, type RouteMatch } from './hooks/useHashRoute';
import { useMayOpen } from './hooks/usePageAccess';
import { AccountPage } from './pages/account/AccountPage';
import { useLanguage, useT } from './i18n/language';
import { AgentPage } from './pages/agent/AgentPage';
import { AuditFormPage } from './pages/audits/AuditFormPage';
import { AuditsPage } from './pages/audits/AuditsPage';
import { CallsPage } from './pages/calls/CallsPage';
import { CoachingPage } from './pages/coaching/CoachingPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { ImportPage } from './pages/import/ImportPage';
import { RecoveryPage } from './pages/recovery/RecoveryPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { useSession } from './stores/session';
import { TargetsPage } from './pages/targets/TargetsPage';
import { PeoplePage } from './pages/people/PeoplePage';
import { AuthGate } from './pages/signin/AuthGate';
import { UsersPage } from './pages/users/UsersPage';
import { refreshWorkspaceOnFocus, useWorkspace } from './stores/workspace';
import { followChanges } from './stores/live';

function Page({ match }: { match: RouteMatch }) {
  switch (match.route) {
    case 'agent':
      return <AgentPage agentId={match.agentId} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'calls':
      return <CallsPage />;
    case 'coaching':
      return <CoachingPage />;
    case 'import':
      return <ImportPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audits':
      return <AuditsPage />;
    case 'audit':
      return <AuditFormPage auditId={match.auditId} />;
    case 'targets':
      return <TargetsPage />;
    case 'people':
      return <PeoplePage />;
    case 'users':
      return <UsersPage />;
    case 'account':
      return <AccountPage />;
  }
}

function isSidebarRoute(match: RouteMatch): match is { route: Route } {
  return (ROUTES as readonly string[]).includes(match.route);
}

function useDocumentLanguage(): void {
  const language = useLanguage();
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);
}

/** First the session: a workspace that could not be opened gets the recovery page, not the app. */
export function App() {
  const session = useSession((s) => s.state);
  const sessionError = useSession((s) => s.error);
  const loadSession = useSession((s) => s.load);
  useDocumentLanguage();
  useEffect(() => void loadSession(), [loadSession]);

  if (session?.state === 'open') {
    // A restore or a read-only open is another workspace: the shell starts over with it.
    return (
      <AuthGate key={`${session.readOnly}:${session.restored?.backup ?? ''}`}>
        <WorkspaceApp />
      </AuthGate>
    );
  }
  let content;
  if (session?.state === 'failed') content = <RecoveryPage state={session} />;
  else if (sessionError)
    content = (
      <div className="page page--centered">
        <ErrorMessage error={sessionError} onRetry={() => void loadSession()} />
      </div>
    );
  else content = <SkeletonBlock lines={6} lineHeight={20} />;
  return (
    <div className="app app--no-sidebar">
      <main className="content">{content}</main>
    </div>
  );
}

function WorkspaceApp() {
  const mayOpen = useMayOpen();
  const asked = useHashRoute();
  // An address to a page this role may not open (typed, or kept from another user) is the dashboard.
  const match: RouteMatch = isSidebarRoute(asked) && !mayOpen(asked.route) ? { route: 'dashboard' } : asked;
  // An agent page belongs to the dashboard (it is reached from its tables and links back to it).
  const section: Route | null =
    match.route === 'agent'
      ? 'dashboard'
      : match.route === 'audit'
        ? 'audits'
        : match.route === 'account'
          ? null
          : match.route;
  const hasInfo = useWorkspace((s) => s.info !== null);
  const error = useWorkspace((s) => s.error);
  const refresh = useWorkspace((s) => s.refresh);

  useEffect(() => {
    void refresh();
    return refreshWorkspaceOnFocus();
  }, [refresh]);
  useEffect(() => followChanges(), []);

  let content;
  if (hasInfo) content = <Page match={match} />;
  else if (error)
    content = (
      <div className="page page--centered">
        <ErrorMessage error={error} onRetry={() => void refresh()} />
      </div>
    );
  else
    content = (
      <div className="page">
        <SkeletonBlock lines={6} lineHeight={20} />
      </div>
    );

  return (
    <div className="app">
      <Sidebar current={section} />
      <main className="content" key={routeKey(match)}>
        <SessionNotice />
        {content}
      </main>
    </div>
  );
}
