/** The left navigation: app name, the pages, and which workspace is open. */
import { ACCOUNT_HREF, routeHref, ROUTES, type Route } from '../hooks/useHashRoute';
import { useT } from '../i18n/language';
import { useWorkspace } from '../stores/workspace';
import type { MessageKey } from '../../src-shared/i18n';
import { useAuth } from '../stores/auth';
import { useMayOpen } from '../hooks/usePageAccess';

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
  users: 'nav.users',
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
  users: '♔',
};

/** Who is signed in to a team workspace, and the way out (nothing on a local file). */
function SignedInUser() {
  const t = useT();
  const user = useAuth((s) => s.state?.user ?? null);
  const signOut = useAuth((s) => s.signOut);
  if (!user) return null;
  return (
    <div className="sidebar__user" data-testid="signed-in-user">
      <span className="sidebar__workspace-label">{t('auth.signedInAs')}</span>
      <span className="sidebar__user-name" title={user.login}>
        {user.displayName}
      </span>
      <span className="sidebar__user-role">{t(`auth.role.${user.role}`)}</span>
      <a href={ACCOUNT_HREF} className="sidebar__account" data-testid="account-link">
        {t('account.link')}
      </a>
      <button
        type="button"
        className="button button--small sidebar__sign-out"
        onClick={() => void signOut()}
        data-testid="sign-out"
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}

/** `current`: the page shown (null: one outside the sidebar, such as the account). */
export function Sidebar({ current }: { current: Route | null }) {
  const t = useT();
  const mayOpen = useMayOpen();
  const path = useWorkspace((s) => s.info?.path ?? '');
  const fileName = path.split(/[\\/]/).pop() ?? '';
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true" />
        <span className="sidebar__name">{t('app.name')}</span>
      </div>
      <ul className="sidebar__nav">
        {ROUTES.filter(mayOpen).map((route) => (
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
      <SignedInUser />
    </nav>
  );
}
