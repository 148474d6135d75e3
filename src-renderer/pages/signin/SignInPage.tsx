/** A team workspace's door: login and password; a wrong one of either gets the same answer. */
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Spinner } from '../../components/Spinner';
import { useT } from '../../i18n/language';
import { useAuth } from '../../stores/auth';
import { useSession } from '../../stores/session';

export function SignInPage() {
  const t = useT();
  const { state, error, working, signIn } = useAuth();
  const path = useSession((s) => (s.state?.state === 'open' ? s.state.path : ''));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void signIn(login, password);
  };
  return (
    <div className="app app--no-sidebar">
      <main className="content">
        <div className="page sign-in" data-testid="sign-in">
          <form className="panel sign-in__panel" onSubmit={submit}>
            <div className="sign-in__brand">
              <span className="sidebar__logo" aria-hidden="true" />
              <span className="sidebar__name">{t('app.name')}</span>
            </div>
            <h1 className="sign-in__title">{t('auth.title')}</h1>
            <p className="sign-in__hint">{t('auth.hint')}</p>
            {path ? (
              <p className="sign-in__workspace">
                <span className="field__label">{t('auth.workspace')}</span>
                <code className="path">{path}</code>
              </p>
            ) : null}
            {state && !state.initialised ? <p className="field__hint is-error">{t('auth.noAdmin')}</p> : null}
            <Field label={t('auth.login')}>
              <input
                className="input"
                name="login"
                autoComplete="username"
                autoFocus
                value={login}
                onChange={(e) => setLogin(e.target.value)}
                data-testid="sign-in-login"
              />
            </Field>
            <Field label={t('auth.password')}>
              <input
                className="input"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="sign-in-password"
              />
            </Field>
            {error ? (
              error.code === 'unauthorized' ? (
                <p className="field__hint is-error" role="alert" data-testid="sign-in-refused">
                  {t('auth.refused')}
                </p>
              ) : (
                <ErrorMessage error={error} compact />
              )
            ) : null}
            <button
              type="submit"
              className="button button--primary sign-in__submit"
              disabled={working || login.trim() === '' || password === ''}
              data-testid="sign-in-submit"
            >
              {working ? <Spinner label={t('auth.signIn')} /> : null}
              {t('auth.signIn')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
