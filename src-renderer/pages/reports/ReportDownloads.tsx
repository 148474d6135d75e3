/**
 * The three downloads. Each builds the report as a job (progress bar), then saves the file. CSV comes
 * as one zip of all tables: a team lead sends one attachment, and every table stays a plain CSV inside.
 */
import { useState } from 'react';
import type { Job } from '../../../src-shared/api';
import { changedSectionsList, type ReportFormat, type ReportSpec } from '../../../src-shared/reports-model';
import { call } from '../../api/client';
import { toApiCallError, type ApiCallError } from '../../api/errors';
import { watchJob } from '../../api/jobs';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n/language';
import { saveBase64File } from '../../api/download';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; format: ReportFormat; job: Job | null }
  | { kind: 'saved'; fileName: string; fromClose: boolean; changedSections: string[] }
  | { kind: 'error'; error: ApiCallError };

const FORMATS: ReportFormat[] = ['xlsx', 'csv', 'pdf'];

export function ReportDownloads({ spec }: { spec: ReportSpec | null }) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const busy = state.kind === 'working';

  async function download(format: ReportFormat) {
    if (!spec) return;
    setState({ kind: 'working', format, job: null });
    try {
      const { jobId } = await call('reports.generate', { spec, format });
      const job = await watchJob(jobId, (j) => setState({ kind: 'working', format, job: j }));
      if (job.status !== 'done') throw new Error(job.error ?? job.status);
      const file = await call('reports.file', { jobId });
      saveBase64File(file.fileName, file.base64, file.mime);
      setState({
        kind: 'saved',
        fileName: file.fileName,
        fromClose: file.close !== null,
        changedSections: file.close?.changedSections ?? [],
      });
    } catch (err) {
      setState({ kind: 'error', error: toApiCallError(err) });
    }
  }

  return (
    <section className="panel reports-downloads" data-testid="report-downloads">
      <h2 className="panel__title">{t('reports.download.title')}</h2>
      <div className="reports-downloads__buttons">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className={format === 'xlsx' ? 'button button--primary' : 'button'}
            disabled={busy || !spec}
            onClick={() => void download(format)}
            data-testid={`report-download-${format}`}
          >
            <span aria-hidden="true">⤓</span>
            {t(`reports.download.${format}`)}
          </button>
        ))}
      </div>
      <p className="field__hint">{t('reports.download.csvHint')}</p>
      {state.kind === 'working' ? (
        <div className="reports-downloads__progress" data-testid="report-progress">
          <ProgressBar
            done={state.job?.done ?? 0}
            total={state.job?.total ?? null}
            label={t('reports.progress')}
          />
          <span className="field__hint">{t('reports.progress')}</span>
        </div>
      ) : null}
      {state.kind === 'saved' ? (
        <p className="reports-downloads__saved" role="status" data-testid="report-saved">
          {t('reports.saved', { file: state.fileName })}
          {state.fromClose ? ` ${t('reports.usesClose')}` : ''}
          {state.changedSections.length > 0
            ? ` ${t('reports.changedSince', { sections: changedSectionsList(t, state.changedSections) })}`
            : ''}
        </p>
      ) : null}
      {state.kind === 'error' ? <ErrorMessage error={state.error} compact /> : null}
    </section>
  );
}
