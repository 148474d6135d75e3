/** The shell: sidebar, the routed page, and the workspace load every page depends on. */
import { useEffect } from 'react';
import { ErrorMessage } from './components/ErrorMessage';
import { Sidebar } from './components/Sidebar';
import { SkeletonBlock } from './components/Skeleton';
import { useHashRoute, type Route } from './hooks/useHashRoute';
import { useLanguage, useT } from './i18n/language';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { ImportPage } from './pages/import/ImportPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { refreshWorkspaceOnFocus, useWorkspace } from './stores/workspace';

function Page({ route }: { route: Route }) {
  switch (route) {
    case 'dashboard':
      return <DashboardPage />;
    case 'import':
      return <ImportPage />;
    case 'settings':
      return <SettingsPage />;
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
  const route = useHashRoute();
  const hasInfo = useWorkspace((s) => s.info !== null);
  const error = useWorkspace((s) => s.error);
  const refresh = useWorkspace((s) => s.refresh);
  useDocumentLanguage();

  useEffect(() => {
    void refresh();
    return refreshWorkspaceOnFocus();
  }, [refresh]);

  let content;
  if (hasInfo) content = <Page route={route} />;
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
      <Sidebar current={route} />
      <main className="content" key={route}>
        {content}
      </main>
    </div>
  );
}
