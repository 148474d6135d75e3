/**
 * The rejected lines (异常行) and warned rows of one batch, a page at a time: line, kind, field,
 * reason, raw text; and all of them as a CSV to fix and re-import.
 */
import { useState } from 'react';
import { call } from '../../api/client';
import { saveTextFile } from '../../api/download';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useLanguage, useT } from '../../i18n/language';
import { reasonText } from './reason-text';

const PAGE_SIZE = 100;

export function RejectsTable({ batchId }: { batchId: number }) {
  const t = useT();
  const language = useLanguage();
  const f = useFormat();
  const [offset, setOffset] = useState(0);
  const rejects = useApiQuery('import.rejects', { batchId, offset, limit: PAGE_SIZE });

  return (
    <div className="rejects" data-testid="import-rejects">
      <QueryView query={rejects} skeleton={<SkeletonBlock lines={5} />}>
        {(data) => (
          <>
            <div className="rejects__head">
              <strong>{t('import.rejects.title')}</strong>
              <span className="muted">
                {t('import.rejects.range', {
                  first: f.count(data.total === 0 ? 0 : offset + 1),
                  last: f.count(offset + data.rows.length),
                  total: f.count(data.total),
                })}
              </span>
              <DownloadRejects batchId={batchId} />
              {data.total > PAGE_SIZE ? (
                <span className="rejects__pager">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                  >
                    {t('common.previous')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={offset + PAGE_SIZE >= data.total}
                    onClick={() => setOffset(offset + PAGE_SIZE)}
                  >
                    {t('common.next')}
                  </button>
                </span>
              ) : null}
            </div>
            <div className="table-scroll table-scroll--rejects">
              <table className="data-table data-table--rejects">
                <colgroup>
                  <col className="rejects__col-line" />
                  <col className="rejects__col-kind" />
                  <col className="rejects__col-field" />
                  <col className="rejects__col-reason" />
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('import.rejects.line')}
                    </th>
                    <th scope="col">{t('import.rejects.kind')}</th>
                    <th scope="col">{t('import.rejects.field')}</th>
                    <th scope="col">{t('import.rejects.reason')}</th>
                    <th scope="col">{t('import.rejects.raw')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={`${row.line}-${row.kind}`} data-kind={row.kind}>
                      <td className="num">{row.line}</td>
                      <td>
                        <span
                          className={row.kind === 'warning' ? 'badge badge--warning' : 'badge badge--failed'}
                        >
                          {t(
                            row.kind === 'warning'
                              ? 'import.rejects.kind.warning'
                              : 'import.rejects.kind.rejected',
                          )}
                        </span>
                      </td>
                      <td>{row.field ?? '—'}</td>
                      <td className="rejects__reason">{reasonText(t, row, language)}</td>
                      <td className="rejects__raw">
                        <code title={row.raw}>{row.raw}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}

/** Asks for the batch's rejected rows as CSV and saves it under the name the workspace gives. */
function DownloadRejects({ batchId }: { batchId: number }) {
  const t = useT();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const download = async () => {
    setWorking(true);
    setError(null);
    try {
      const { fileName, csv } = await call('import.rejectsCsv', { batchId });
      saveTextFile(fileName, csv);
    } catch (err) {
      setError(toApiCallError(err));
    } finally {
      setWorking(false);
    }
  };
  return (
    <span className="rejects__download">
      {error ? <ErrorMessage error={error} compact /> : null}
      <button
        type="button"
        className="button button--small"
        disabled={working}
        onClick={() => void download()}
        data-testid="download-rejects"
      >
        <span aria-hidden="true">⤓</span>
        {working ? t('import.rejects.downloading') : t('import.rejects.download')}
      </button>
    </span>
  );
}
