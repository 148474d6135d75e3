/** Calibrations waiting for reviewers: each scored blind, one scoring per reviewer. */
import { useState } from 'react';
import type { CalibrationRow } from '../../../src-shared/api';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { useApiQuery } from '../../hooks/useApiQuery';
import { auditHref } from '../../hooks/useHashRoute';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { visibleName } from '../../../src-shared/visible-text';

export function CalibrationsPanel({ reviewer }: { reviewer: string }) {
  const t = useT();
  const query = useApiQuery('calibrations.list', {});
  const rows = query.data ?? [];
  return (
    <Panel title={t('audits.calibration.list')} className="audits-calibrations" testId="audits-calibrations">
      {query.error ? <ErrorMessage error={query.error} onRetry={query.reload} compact /> : null}
      {rows.length === 0 ? (
        <p className="muted">{t('audits.calibration.none')}</p>
      ) : (
        <ul className="audits-calibrations__list">
          {rows.map((row) => (
            <CalibrationItem key={row.id} row={row} reviewer={reviewer} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function CalibrationItem({ row, reviewer }: { row: CalibrationRow; reviewer: string }) {
  const t = useT();
  const f = useFormat();
  const [error, setError] = useState<ApiCallError | null>(null);
  const mine = row.reviewers.some((r) => r.reviewer === reviewer);
  const mayOpen = useMayCall()('calibrations.open');
  const open = async () => {
    try {
      const audit = await call('calibrations.open', { calibrationId: row.id, reviewer });
      window.location.hash = auditHref(audit.id).slice(1);
    } catch (err) {
      setError(toApiCallError(err));
    }
  };
  return (
    <li data-testid="calibration-row">
      <div>
        <strong>{visibleName(row.agentName)}</strong>{' '}
        <span className="muted">
          {row.scorecardName} · {t('audits.version', { version: row.version })} · {f.dateTime(row.createdAt)}
        </span>
        <div className="muted">
          {row.reviewers.length === 0
            ? t('audits.calibration.nobody')
            : row.reviewers.map((r) => `${r.reviewer}${r.status === 'submitted' ? ' ✓' : ''}`).join(', ')}
        </div>
      </div>
      {mayOpen ? (
        <button
          type="button"
          className="button button--small"
          disabled={reviewer === ''}
          onClick={() => void open()}
        >
          {mine ? t('audits.calibration.open') : t('audits.calibration.scoreBlind')}
        </button>
      ) : null}
      {error ? <ErrorMessage error={error} compact /> : null}
    </li>
  );
}
