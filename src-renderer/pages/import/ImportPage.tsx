/** Import a call log: choose, preview and map, progress, result; below, the history of imports. */
import { useT } from '../../i18n/language';
import { useImport } from '../../stores/import';
import { BatchHistory } from './BatchHistory';
import { CsvHelp } from './CsvHelp';
import { FileDropZone } from './FileDropZone';
import { ImportOutcome } from './ImportOutcome';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';

export function ImportPage() {
  const t = useT();
  const { file, phase, uploaded, job, jobSeenAt, error, chooseFile, start, cancel, reset } = useImport();
  const busy = phase === 'uploading' || phase === 'running';
  // The preview needs the width: the layout help goes once a file is chosen.
  const showHelp = phase === 'choose';

  return (
    <div className="page page--import">
      <header className="page__header">
        <h1 className="page__title">{t('import.title')}</h1>
        <p className="page__lead">{t('import.lead')}</p>
      </header>
      <div className={showHelp ? 'import-layout' : 'import-layout import-layout--wide'}>
        <section className="panel import-flow" aria-label={t('import.title')}>
          {phase === 'finished' ? (
            <ImportOutcome job={job} error={error} onAnother={reset} />
          ) : (
            <>
              <FileDropZone file={file} disabled={busy} onFile={(f) => void chooseFile(f)} />
              {busy ? (
                <ImportProgress
                  phase={phase}
                  uploaded={uploaded}
                  job={job}
                  jobSeenAt={jobSeenAt}
                  onCancel={() => void cancel()}
                />
              ) : null}
              {phase === 'preview' ? <ImportPreview onStart={() => void start()} /> : null}
              {phase === 'choose' ? (
                <div className="import-flow__actions">
                  <button
                    type="button"
                    className="button button--primary"
                    disabled
                    data-testid="import-start"
                  >
                    {t('import.start')}
                  </button>
                  <span className="muted">{t('import.chooseFirst')}</span>
                </div>
              ) : null}
            </>
          )}
        </section>
        {showHelp ? <CsvHelp /> : null}
      </div>
      <BatchHistory />
    </div>
  );
}
