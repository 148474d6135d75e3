/**
 * A line above every page when the session is not plain: the workspace is open read-only (and
 * why, with the way back to the recovery options), or a backup was just restored over a file.
 */
import { useState } from 'react';
import { useT } from '../i18n/language';
import { useSession } from '../stores/session';

export function SessionNotice() {
  const t = useT();
  const state = useSession((s) => s.state);
  const act = useSession((s) => s.act);
  const working = useSession((s) => s.working);
  const [dismissed, setDismissed] = useState(false);
  if (state?.state !== 'open') return null;
  if (state.readOnly) {
    const reason = t(`session.title.${state.readOnlyBecause ?? 'read_only'}`);
    return (
      <div className="session-notice session-notice--warning" role="status" data-testid="read-only-notice">
        <span>{t('session.readOnly.banner', { reason })}</span>
        <button
          type="button"
          className="button button--small"
          disabled={working}
          onClick={() => void act('session.retry')}
        >
          {t('session.readOnly.options')}
        </button>
      </div>
    );
  }
  if (state.restored && !dismissed) {
    const { backup, setAside } = state.restored;
    return (
      <div className="session-notice" role="status" data-testid="restored-notice">
        <span>
          {setAside
            ? t('session.restored.setAside', { backup, setAside })
            : t('session.restored', { backup })}
        </span>
        <button type="button" className="button button--small" onClick={() => setDismissed(true)}>
          {t('session.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}
