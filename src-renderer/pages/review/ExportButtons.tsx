/**
 * "Export: Excel · CSV" for what a table shows (`review.export`): the dashboard's leaderboard and
 * team table, the calls list (capped; the cap is said beside the buttons).
 */
import { useState } from 'react';
import { CALLS_EXPORT_CAP, type CallSort, type CallsQuery, type ExportTable } from '../../../src-shared/api';
import { call } from '../../api/client';
import { saveBase64File } from '../../api/download';
import { toApiCallError } from '../../api/errors';
import { useFormat, useT } from '../../i18n/language';

export function ExportButtons({
  table,
  query,
  sort,
  testId,
}: {
  table: ExportTable;
  query: CallsQuery;
  /** the calls list's order */
  sort?: { column: CallSort; order: 'asc' | 'desc' };
  testId: string;
}) {
  const t = useT();
  const f = useFormat();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setNote(null);
    try {
      const file = await call('review.export', {
        table,
        format,
        language: f.language,
        query,
        ...(sort ? { sort: sort.column, order: sort.order } : {}),
      });
      saveBase64File(file.fileName, file.base64, file.mime);
      if (file.capped) setNote(t('review.export.capped', { cap: f.count(CALLS_EXPORT_CAP) }));
    } catch (err) {
      setNote(toApiCallError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-buttons" data-testid={testId} role="group" aria-label={t('review.export.label')}>
      <span className="export-buttons__label">
        {busy ? t('review.export.working') : t('review.export.label')}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => void run('xlsx')}
        data-testid={`${testId}-xlsx`}
      >
        {t('review.export.xlsx')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => void run('csv')}
        data-testid={`${testId}-csv`}
      >
        {t('review.export.csv')}
      </button>
      {table === 'calls' ? (
        <span className="export-buttons__note">
          {t('review.export.callsCap', { cap: f.count(CALLS_EXPORT_CAP) })}
        </span>
      ) : null}
      {note ? (
        <span className="export-buttons__note" role="status">
          {note}
        </span>
      ) : null}
    </div>
  );
}
