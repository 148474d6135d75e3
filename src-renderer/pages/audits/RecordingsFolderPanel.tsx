/**
 * Settings: the folder recordings are played from (default `recordings/` beside the workspace; the
 * dialer's archive on disk or a mounted share), created or chosen at first use; how calls find
 * their files in it (RecordingLinks); and below it the spot-checks' short-sale threshold.
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../i18n/language';
import { RecordingLinks } from './RecordingLinks';
import { ShortSaleSetting } from './ShortSaleSetting';

export function RecordingsFolderPanel() {
  const t = useT();
  const query = useApiQuery('recordings.setup', {});
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const current = query.data?.folder;

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setDraft(null);
      query.reload();
    } catch (err) {
      setError(toApiCallError(err));
    }
  };
  const save = (folder: string | null) => run(() => call('audits.setRecordingsFolder', { folder }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft !== null && draft.trim() !== '') void save(draft.trim());
  };

  return (
    <>
      <section className="panel settings-recordings" data-testid="recordings-folder">
        <h2 className="panel__title">{t('audits.settings.title')}</h2>
        <p className="field__hint">{t('audits.settings.hint')}</p>
        {current ? (
          <form className="settings-recordings__form" onSubmit={submit}>
            <input
              className="input settings-recordings__input"
              value={draft ?? current.folder}
              onChange={(e) => setDraft(e.target.value)}
              spellCheck={false}
              data-testid="recordings-folder-input"
            />
            <button
              type="submit"
              className="button"
              disabled={draft === null || draft.trim() === '' || draft.trim() === current.folder}
              data-testid="recordings-folder-save"
            >
              {t('audits.settings.change')}
            </button>
            {current.isDefault ? null : (
              <button type="button" className="button" onClick={() => void save(null)}>
                {t('audits.settings.reset')}
              </button>
            )}
          </form>
        ) : null}
        {current?.isDefault ? <p className="field__hint">{t('audits.settings.default')}</p> : null}
        {current && !current.exists ? (
          <div className="recordings-actions">
            <span className="field__hint is-bad" data-testid="recordings-folder-missing">
              {t('audits.settings.missing')}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => void run(() => call('recordings.createFolder', {}))}
              data-testid="recordings-folder-create"
            >
              {t('recordings.createFolder')}
            </button>
          </div>
        ) : null}
        {error ? <ErrorMessage error={error} compact /> : null}
        {query.data ? <RecordingLinks setup={query.data} onChanged={query.reload} /> : null}
      </section>
      <ShortSaleSetting />
    </>
  );
}
