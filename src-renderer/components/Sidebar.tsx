/** The left navigation: app name, the pages, and which workspace is open. */
import { routeHref, ROUTES, type Route } from '../hooks/useHashRoute';
import { useT } from '../i18n/language';
import { useWorkspace } from '../stores/workspace';
import type { MessageKey } from '../../src-shared/i18n';

const NAV_LABEL: Record<Route, MessageKey> = {
  dashboard: 'nav.dashboard',
  calls: 'nav.calls',
  audits: 'nav.audits',
  coaching: 'nav.coaching',
  targets: 'nav.targets',
  import: 'nav.import',
  reports: 'nav.reports',
  settings: 'nav.settings',
  people: 'nav.people',
};

const NAV_ICON: Record<Route, string> = {
  dashboard: '▦',
  calls: '☰',
  audits: '✓',
  coaching: '✎',
  reports: '▤',
  targets: '◎',
  import: '⇪',
  settings: '⚙',
  people: '☺',
};

export function Sidebar({ current }: { current: Route }) {
  const t = useT();
  const path = useWorkspace((s) => s.info?.path ?? '');
  const fileName = path.split(/[\\/]/).pop() ?? '';
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true" />
        <span className="sidebar__name">{t('app.name')}</span>
      </div>
      <ul className="sidebar__nav">
        {ROUTES.map((route) => (
          <li key={route}>
            <a
              href={routeHref(route)}
              className={route === current ? 'sidebar__link is-active' : 'sidebar__link'}
              aria-current={route === current ? 'page' : undefined}
              data-testid={`nav-${route}`}
            >
              <span className="sidebar__icon" aria-hidden="true">
                {NAV_ICON[route]}
              </span>
              {t(NAV_LABEL[route])}
            </a>
          </li>
        ))}
      </ul>
      {fileName ? (
        <div className="sidebar__workspace" title={path}>
          <span className="sidebar__workspace-label">{t('nav.workspace')}</span>
          <span className="sidebar__workspace-file">{fileName}</span>
        </div>
      ) : null}
    </nav>
  );
}
