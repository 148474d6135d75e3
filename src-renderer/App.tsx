/** The shell: sidebar, the routed page, and the workspace load every page depends on. */
import { useEffect } from 'react';
import { ErrorMessage } from './components/ErrorMessage';
import { Sidebar } from './components/Sidebar';
import { SkeletonBlock } from './components/Skeleton';
import { routeKey, useHashRoute, type Route, type RouteMatch } from './hooks/useHashRoute';
import { useLanguage, useT } from './i18n/language';
import { AgentPage } from './pages/agent/AgentPage';
import { CallsPage } from './pages/calls/CallsPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { ImportPage } from './pages/import/ImportPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { TargetsPage } from './pages/targets/TargetsPage';
import { refreshWorkspaceOnFocus, useWorkspace } from './stores/workspace';

function Page({ match }: { match: RouteMatch }) {
  switch (match.route) {
    case 'agent':
      return <AgentPage agentId={match.agentId} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'calls':
      return <CallsPage />;
    case 'import':
      return <ImportPage />;
    case 'settings':
      return <SettingsPage />;
    case 'targets':
      return <TargetsPage />;
  }
}

function useDocumentLanguage(): void {
  const language = useLanguage();
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);
}

export function App() {
  const match = useHashRoute();
  // An agent page belongs to the dashboard (it is reached from its tables and links back to it).
  const section: Route = match.route === 'agent' ? 'dashboard' : match.route;
  const hasInfo = useWorkspace((s) => s.info !== null);
  const error = useWorkspace((s) => s.error);
  const refresh = useWorkspace((s) => s.refresh);
  useDocumentLanguage();

  useEffect(() => {
    void refresh();
    return refreshWorkspaceOnFocus();
  }, [refresh]);

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
        {content}
      </main>
    </div>
  );
}
