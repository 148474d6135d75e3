/**
 * After an admin reset their password, the user's only page until they choose their own: My
 * account's change-password form, no sidebar, any other address brought back here. The service
 * layer refuses everything else meanwhile (src-main/auth/guard.ts); changing it lets them in.
 */
import { useEffect } from 'react';
import { useT } from '../../i18n/language';
import { useAuth } from '../../stores/auth';
import { ChangePassword, SignedInAs } from './AccountPage';

const ACCOUNT_HASH = '#/account';

export function PasswordDuePage() {
  const t = useT();
  const load = useAuth((s) => s.load);
  const signOut = useAuth((s) => s.signOut);
  useEffect(() => {
    const stay = () => {
      if (window.location.hash !== ACCOUNT_HASH) window.location.hash = ACCOUNT_HASH;
    };
    stay();
    window.addEventListener('hashchange', stay);
    return () => window.removeEventListener('hashchange', stay);
  }, []);
  return (
    <div className="app app--no-sidebar">
      <main className="content">
        <div className="page page--account" data-testid="password-due">
          <header className="page__header">
            <h1 className="page__title">{t('passwordDue.title')}</h1>
            <SignedInAs />
          </header>
          <div
            className="session-notice session-notice--warning"
            role="alert"
            data-testid="password-due-notice"
          >
            {t('passwordDue.lead')}
          </div>
          <ChangePassword onChanged={() => void load()} />
          <p>
            <button
              type="button"
              className="button"
              onClick={() => void signOut()}
              data-testid="password-due-sign-out"
            >
              {t('auth.signOut')}
            </button>
          </p>
        </div>
      </main>
    </div>
  );
}
