/** Import a call log: choose, options, progress, result; below, the history of imports. */
import { useT } from '../../i18n/language';
import { useImport } from '../../stores/import';
import { BatchHistory } from './BatchHistory';
import { CsvHelp } from './CsvHelp';
import { FileDropZone } from './FileDropZone';
import { ImportOptions } from './ImportOptions';
import { ImportOutcome } from './ImportOutcome';
import { ImportProgress } from './ImportProgress';

export function ImportPage() {
  const t = useT();
  const { file, phase, uploaded, job, jobSeenAt, error, chooseFile, start, cancel, reset } = useImport();
  const busy = phase === 'uploading' || phase === 'running';

  return (
    <div className="page page--import">
      <header className="page__header">
        <h1 className="page__title">{t('import.title')}</h1>
        <p className="page__lead">{t('import.lead')}</p>
      </header>
      <div className="import-layout">
        <section className="panel import-flow" aria-label={t('import.title')}>
          {phase === 'finished' ? (
            <ImportOutcome job={job} error={error} onAnother={reset} />
          ) : (
            <>
              <FileDropZone file={file} disabled={busy} onFile={chooseFile} />
              <ImportOptions disabled={busy} />
              {busy ? (
                <ImportProgress
                  phase={phase}
                  uploaded={uploaded}
                  job={job}
                  jobSeenAt={jobSeenAt}
                  onCancel={() => void cancel()}
                />
              ) : (
                <div className="import-flow__actions">
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={!file}
                    onClick={() => void start()}
                    data-testid="import-start"
                  >
                    {t('import.start')}
                  </button>
                  {!file ? <span className="muted">{t('import.chooseFirst')}</span> : null}
                </div>
              )}
            </>
          )}
        </section>
        <CsvHelp />
      </div>
      <BatchHistory />
    </div>
  );
}
