/** Upload and import progress: bar, rows done, rows per second, time left, and Cancel. */
import type { Job } from '../../../src-shared/api';
import { ProgressBar } from '../../components/ProgressBar';
import { useFormat, useT } from '../../i18n/language';
import type { ImportPhase } from '../../stores/import';
import { readWaiting } from '../../../src-shared/write-wait';
import { visibleText } from '../../../src-shared/visible-text';

interface ImportProgressProps {
  phase: ImportPhase;
  uploaded: { sent: number; total: number };
  job: Job | null;
  jobSeenAt: number;
  onCancel(): void;
}

export function ImportProgress({ phase, uploaded, job, jobSeenAt, onCancel }: ImportProgressProps) {
  const t = useT();
  const f = useFormat();
  const uploading = phase === 'uploading';
  const seconds = job ? Math.max(0.001, ((job.finishedAt ?? jobSeenAt) - job.startedAt) / 1000) : 0;
  const rowsPerSecond = job && job.rows > 0 ? Math.round(job.rows / seconds) : null;
  // `done`/`total` are the job's own units (bytes of the file): good for the bar and a percentage.
  const percent = job?.total ? Math.min(100, Math.floor((100 * job.done) / job.total)) : null;
  // Time left from the bytes still to read at the pace so far (shown once there is a pace).
  const etaSeconds =
    job?.total && job.done > 0 && seconds >= 0.5
      ? Math.max(0, (seconds * (job.total - job.done)) / job.done)
      : null;

  // In line behind another process's write (a CLI import): said in words, not as a bar at 0.
  const waiting = job && job.status === 'running' ? readWaiting(job.note) : null;

  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-progress__head">
        <strong>{uploading ? t('import.progress.uploading') : t('import.progress.importing')}</strong>
        <button type="button" className="button button--small" onClick={onCancel} data-testid="import-cancel">
          {t('common.cancel')}
        </button>
      </div>
      {uploading ? (
        <ProgressBar
          done={uploaded.sent}
          total={uploaded.total || null}
          label={t('import.progress.uploading')}
        />
      ) : (
        <ProgressBar
          done={job?.done ?? 0}
          total={job?.total ?? null}
          label={t('import.progress.importing')}
          testId="import-progress-bar"
        />
      )}
      {waiting ? (
        <p className="field__hint" data-testid="import-waiting">
          {waiting.kind === 'import'
            ? t('host.waitingForImport', { file: visibleText(waiting.file) })
            : t('host.waitingForWrite')}
        </p>
      ) : null}
      <div className="import-progress__stats muted">
        {uploading ? (
          <span>
            {t('import.progress.bytes', { sent: f.bytes(uploaded.sent), total: f.bytes(uploaded.total) })}
          </span>
        ) : job ? (
          <>
            <span data-testid="import-rows-done" data-rows={job.rows}>
              {t('import.progress.rows', { done: f.count(job.rows) })}
            </span>
            {percent !== null ? <span>{t('import.progress.percent', { percent })}</span> : null}
            {rowsPerSecond !== null ? (
              <span>{t('import.progress.rate', { rate: f.count(rowsPerSecond) })}</span>
            ) : null}
            {etaSeconds !== null ? (
              <span data-testid="import-eta" data-seconds={Math.round(etaSeconds)}>
                {etaSeconds < 1
                  ? t('import.progress.etaSoon')
                  : t('import.progress.eta', { time: f.duration(Math.ceil(etaSeconds)) })}
              </span>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
