/**
 * The signed-in user's own account (`#/account`, from their name in the sidebar): who they are
 * signed in as, and a new password — the current one, the new one twice. A local workspace file
 * has no sign-in, hence no password.
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { useT } from '../../i18n/language';
import { useAuth } from '../../stores/auth';
import { passwordProblem } from './password-problem';

export function AccountPage() {
  const t = useT();
  const user = useAuth((s) => s.state?.user ?? null);
  return (
    <div className="page page--account" data-testid="account-page">
      <header className="page__header">
        <h1 className="page__title">{t('account.title')}</h1>
        <SignedInAs />
      </header>
      {user ? <ChangePassword /> : <p className="muted">{t('account.local')}</p>}
    </div>
  );
}

/** Who the page's user is signed in as (nothing on a local workspace file). */
export function SignedInAs() {
  const t = useT();
  const user = useAuth((s) => s.state?.user ?? null);
  if (!user) return null;
  return (
    <p className="page__lead">
      {t('account.lead', { name: user.displayName, login: user.login, role: t(`auth.role.${user.role}`) })}
    </p>
  );
}

type State =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'changed' } | { kind: 'error'; error: ApiCallError };

/** `onChanged`: after the password is changed (the password-due page then lets the user in). */
export function ChangePassword({ onChanged }: { onChanged?: () => void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const problem = passwordProblem(next, repeat);
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    if (state.kind !== 'saving') setState({ kind: 'idle' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || current === '') return;
    setState({ kind: 'saving' });
    try {
      await call('auth.changePassword', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setTried(false);
      setState({ kind: 'changed' });
      onChanged?.();
    } catch (err) {
      setState({ kind: 'error', error: toApiCallError(err) });
    }
  };

  // The service answers a wrong current password as `unauthorized`; anything else is shown as it is.
  const wrongCurrent = state.kind === 'error' && state.error.code === 'unauthorized';
  const shownProblem = tried || (repeat !== '' && problem === 'mismatch') ? problem : null;
  return (
    <Panel title={t('account.password.title')} className="account-password" testId="change-password">
      <form className="account-password__form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('account.current')}>
          <input
            className={wrongCurrent ? 'input is-invalid' : 'input'}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => edit(setCurrent)(e.target.value)}
            aria-invalid={wrongCurrent}
            data-testid="password-current"
          />
          {wrongCurrent ? (
            <span className="field__hint is-error" data-testid="password-wrong-current">
              {t('account.wrongCurrent')}
            </span>
          ) : null}
        </Field>
        <Field label={t('account.next')}>
          <input
            className={
              shownProblem === 'tooShort' || shownProblem === 'tooLong' ? 'input is-invalid' : 'input'
            }
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => edit(setNext)(e.target.value)}
            data-testid="password-next"
          />
          <span className="field__hint">{t('account.nextHint')}</span>
        </Field>
        <Field label={t('account.repeat')}>
          <input
            className={shownProblem === 'mismatch' ? 'input is-invalid' : 'input'}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => edit(setRepeat)(e.target.value)}
            data-testid="password-repeat"
          />
        </Field>
        {shownProblem ? (
          <p className="field__hint is-error" data-testid="password-problem" data-problem={shownProblem}>
            {t(`account.${shownProblem}`)}
          </p>
        ) : null}
        <div className="account-password__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={state.kind === 'saving' || current === '' || next === ''}
            data-testid="password-submit"
          >
            {state.kind === 'saving' ? t('account.changing') : t('account.submit')}
          </button>
          {state.kind === 'changed' ? (
            <span className="is-good" role="status" data-testid="password-changed">
              ✓ {t('account.changed')}
            </span>
          ) : null}
          {state.kind === 'error' && !wrongCurrent ? <ErrorMessage error={state.error} compact /> : null}
        </div>
      </form>
    </Panel>
  );
}
