/**
 * Settings, under the recordings folder: how a call finds its file besides its stored reference —
 * the dialer's file-name patterns, and an index of the folder built in the background.
 */
import { useState } from 'react';
import type { Job, RecordingsSetup } from '../../../src-shared/api';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { watchJob } from '../../api/jobs';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { useFormat, useT } from '../../i18n/language';

interface RecordingLinksProps {
  setup: RecordingsSetup;
  onChanged(): void;
}

export function RecordingLinks({ setup, onChanged }: RecordingLinksProps) {
  const t = useT();
  const f = useFormat();
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const text = draft ?? setup.patterns.join('\n');

  const savePatterns = async (patterns: string[] | null) => {
    setError(null);
    setSaved(false);
    try {
      await call('recordings.setPatterns', { patterns });
      setDraft(null);
      setSaved(true);
      onChanged();
    } catch (err) {
      setError(toApiCallError(err));
    }
  };
  const buildIndex = async () => {
    setError(null);
    try {
      const { jobId } = await call('recordings.buildIndex', {});
      const done = await watchJob(jobId, setJob);
      if (done.status === 'failed') setError(toApiCallError(new Error(done.error ?? 'failed')));
      onChanged();
    } catch (err) {
      setError(toApiCallError(err));
    } finally {
      setJob(null);
    }
  };
  const patterns = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

  return (
    <>
      <h3 className="panel__subtitle">{t('recordings.patternsTitle')}</h3>
      <p className="field__hint">{t('recordings.patternsHint')}</p>
      <textarea
        className="input recordings-patterns"
        value={text}
        spellCheck={false}
        rows={Math.max(3, patterns.length + 1)}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(false);
        }}
        aria-label={t('recordings.patternsTitle')}
        data-testid="recordings-patterns"
      />
      <div className="recordings-actions">
        <button
          type="button"
          className="button"
          disabled={draft === null}
          onClick={() => void savePatterns(patterns)}
          data-testid="recordings-patterns-save"
        >
          {t('recordings.patternsSave')}
        </button>
        <button type="button" className="button" onClick={() => void savePatterns(null)}>
          {t('recordings.patternsDefault')}
        </button>
        {saved ? <span className="is-good">✓ {t('recordings.patternsSaved')}</span> : null}
      </div>

      <h3 className="panel__subtitle">{t('recordings.indexTitle')}</h3>
      <p className="field__hint">{t('recordings.indexHint')}</p>
      <div className="recordings-actions">
        <span data-testid="recordings-index-status">
          {setup.index
            ? t('recordings.indexBuilt', {
                count: f.count(setup.index.files),
                when: f.dateTime(setup.index.builtAt),
              })
            : t('recordings.indexNone')}
        </span>
        <button
          type="button"
          className="button"
          disabled={job !== null || !setup.folder.exists}
          onClick={() => void buildIndex()}
          data-testid="recordings-index-build"
        >
          {t('recordings.indexBuild')}
        </button>
      </div>
      {setup.index?.truncated ? <p className="field__hint is-bad">{t('recordings.indexTruncated')}</p> : null}
      {job ? (
        <ProgressBar
          done={job.done}
          total={job.total}
          label={t('recordings.indexing', { count: f.count(job.rows) })}
        />
      ) : null}
      {error ? <ErrorMessage error={error} compact /> : null}
    </>
  );
}
