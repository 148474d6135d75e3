/** Every import of this workspace (`import.batches`), newest first, each with Undo. */
import { useState } from 'react';
import type { Batch } from '../../../src-shared/api';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { ApiCallError, toApiCallError } from '../../api/errors';
import { watchJob } from '../../api/jobs';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { Spinner } from '../../components/Spinner';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { RejectsTable } from './RejectsTable';
import { usePresetName } from './usePresetName';
import { visibleText } from '../../../src-shared/visible-text';

const STATUS_LABEL: Record<Batch['status'], MessageKey> = {
  running: 'import.status.running',
  done: 'import.status.done',
  failed: 'import.status.failed',
  cancelled: 'import.status.cancelled',
  undone: 'import.status.undone',
};

export function BatchHistory() {
  const t = useT();
  const batches = useApiQuery('import.batches', {});
  const [rejectsOf, setRejectsOf] = useState<number | null>(null);

  return (
    <Panel title={t('import.history.title')} className="history-panel" testId="import-history">
      <QueryView query={batches} skeleton={<SkeletonBlock lines={4} lineHeight={18} />}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('import.history.empty')} />
          ) : (
            <>
              <div className="table-scroll">
                <table className="data-table data-table--history">
                  <thead>
                    <tr>
                      <th scope="col">{t('import.history.file')}</th>
                      <th scope="col">{t('import.history.importedAt')}</th>
                      <th scope="col">{t('import.history.preset')}</th>
                      <th scope="col" className="num">
                        {t('import.result.rows')}
                      </th>
                      <th scope="col" className="num">
                        {t('import.result.inserted')}
                      </th>
                      <th scope="col" className="num">
                        {t('import.result.duplicates')}
                      </th>
                      <th scope="col" className="num">
                        {t('import.result.rejected')}
                      </th>
                      <th scope="col" className="num">
                        {t('import.result.warnings')}
                      </th>
                      <th scope="col">{t('import.history.days')}</th>
                      <th scope="col">{t('import.history.status')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('import.history.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...list]
                      .sort((a, b) => b.importedAt - a.importedAt || b.id - a.id)
                      .map((batch) => (
                        <BatchRow
                          key={batch.id}
                          batch={batch}
                          showingRejects={rejectsOf === batch.id}
                          onToggleRejects={() => setRejectsOf(rejectsOf === batch.id ? null : batch.id)}
                        />
                      ))}
                  </tbody>
                </table>
              </div>
              {rejectsOf !== null ? <RejectsTable key={rejectsOf} batchId={rejectsOf} /> : null}
            </>
          )
        }
      </QueryView>
    </Panel>
  );
}

/** The history table's columns (the confirmation row spans them all). */
const HISTORY_COLUMNS = 11;

interface BatchRowProps {
  batch: Batch;
  showingRejects: boolean;
  onToggleRejects(): void;
}

function BatchRow({ batch, showingRejects, onToggleRejects }: BatchRowProps) {
  const t = useT();
  const f = useFormat();
  const presetName = usePresetName();
  const undo = useUndo(batch.id);
  const undone = batch.status === 'undone';
  return (
    <>
      <tr
        className={undone ? 'is-undone' : undefined}
        data-testid={`batch-${batch.id}`}
        data-status={batch.status}
      >
        <td className="history__file" title={batch.error ?? visibleText(batch.fileName)}>
          {visibleText(batch.fileName)}
        </td>
        <td className="nowrap">
          {f.dateTime(batch.importedAt)}
          {batch.createdBy ? (
            <div className="muted" data-testid="batch-by">
              {t('activity.by', { login: batch.createdBy })}
            </div>
          ) : null}
        </td>
        <td>{presetName(batch.preset)}</td>
        <td className="num">{f.count(batch.rows)}</td>
        <td className="num">{f.count(batch.inserted)}</td>
        <td className="num">{f.count(batch.duplicates)}</td>
        {/* Both counts open the same list: the rejected rows and the warnings of the batch. */}
        <IssuesCell
          count={batch.rejected}
          showing={showingRejects}
          onToggle={onToggleRejects}
          testId={`batch-rejects-${batch.id}`}
        />
        <IssuesCell
          count={batch.warnings}
          showing={showingRejects}
          onToggle={onToggleRejects}
          testId={`batch-warnings-${batch.id}`}
        />
        <td className="nowrap">
          {batch.firstDay && batch.lastDay
            ? batch.firstDay === batch.lastDay
              ? batch.firstDay
              : `${batch.firstDay} – ${batch.lastDay}`
            : '—'}
        </td>
        <td>
          <span className={`badge badge--${batch.status}`}>{t(STATUS_LABEL[batch.status])}</span>
        </td>
        <td className="history__actions">
          {batch.status === 'done' ? (
            <UndoButton undo={undo} batchId={batch.id} fileName={batch.fileName} />
          ) : null}
        </td>
      </tr>
      {undo.step === 'confirm' ? (
        <UndoConfirmRow undo={undo} batchId={batch.id} fileName={batch.fileName} />
      ) : null}
    </>
  );
}

/** A count of rejects or warnings: a button that shows the batch's list when there are any. */
function IssuesCell({
  count,
  showing,
  onToggle,
  testId,
}: {
  count: number;
  showing: boolean;
  onToggle(): void;
  testId: string;
}) {
  const f = useFormat();
  return (
    <td className="num">
      {count > 0 ? (
        <button
          type="button"
          className="link-button"
          aria-expanded={showing}
          onClick={onToggle}
          data-testid={testId}
        >
          {f.count(count)}
        </button>
      ) : (
        f.count(count)
      )}
    </td>
  );
}

type UndoState = ReturnType<typeof useUndo>;

/** Undo asks first (inline: a native confirm() would block the window and tests). */
function useUndo(batchId: number) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'working'>('idle');
  const [error, setError] = useState<ApiCallError | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const run = async () => {
    setStep('working');
    setError(null);
    try {
      // A job: a batch of a million calls takes seconds to remove, and the host keeps answering.
      const { jobId } = await call('import.undoStart', { batchId });
      const job = await watchJob(jobId, (j) =>
        setPercent(j.total ? Math.floor((100 * j.done) / j.total) : null),
      );
      if (job.status !== 'done') throw new ApiCallError('conflict', job.error ?? job.status);
      await useWorkspace.getState().refresh();
    } catch (err) {
      setError(toApiCallError(err));
      setStep('idle');
    }
  };
  return { step, setStep, error, run, percent };
}

function UndoButton({ undo, batchId, fileName }: { undo: UndoState; batchId: number; fileName: string }) {
  const t = useT();
  if (undo.step === 'working')
    return (
      <span data-testid={`undo-progress-${batchId}`}>
        <Spinner label={t('import.undo.working')} /> {undo.percent === null ? null : `${undo.percent}%`}
      </span>
    );
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={() => undo.setStep('confirm')}
        disabled={undo.step === 'confirm'}
        title={t('import.undo.confirm', { file: fileName })}
        data-testid={`undo-batch-${batchId}`}
      >
        {t('import.undo.button')}
      </button>
      {undo.error ? <ErrorMessage error={undo.error} compact /> : null}
    </>
  );
}

/**
 * The question gets a row of its own under the batch, as wide as the table: inside the narrow
 * actions cell it widened the table past a 1366 px window and squeezed the headers.
 */
function UndoConfirmRow({ undo, batchId, fileName }: { undo: UndoState; batchId: number; fileName: string }) {
  const t = useT();
  return (
    <tr className="history__confirm-row" data-testid={`undo-confirm-${batchId}`}>
      <td colSpan={HISTORY_COLUMNS}>
        <span className="confirm" role="group" aria-label={t('import.undo.confirm', { file: fileName })}>
          <span className="confirm__text">{t('import.undo.confirm', { file: fileName })}</span>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => void undo.run()}
            data-testid={`confirm-undo-${batchId}`}
          >
            {t('import.undo.yes')}
          </button>
          <button type="button" className="button button--small" onClick={() => undo.setStep('idle')}>
            {t('import.undo.keep')}
          </button>
        </span>
      </td>
    </tr>
  );
}
