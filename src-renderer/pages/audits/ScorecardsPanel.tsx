/** The workspace's scorecards: what each weighs, export one as JSON, import one from a JSON file. */
import { useRef, useState } from 'react';
import type { ScorecardVersion } from '../../../src-shared/api';
import { allItems, sectionShares } from '../../../src-shared/scorecard';
import { call } from '../../api/client';
import { saveTextFile } from '../../api/download';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Panel } from '../../components/Panel';
import { useFormat, useT } from '../../i18n/language';

export function ScorecardsPanel({
  cards,
  onImported,
}: {
  cards: ScorecardVersion[];
  onImported: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  // Which scorecard the chosen file becomes the next version of (null: a new scorecard).
  const [target, setTarget] = useState<number | null>(null);
  const chooseFile = (scorecardId: number | null) => {
    setTarget(scorecardId);
    fileInput.current?.click();
  };

  const exportCard = async (versionId: number) => {
    try {
      const { fileName, json } = await call('scorecards.export', { versionId });
      saveTextFile(fileName, json, 'application/json;charset=utf-8');
    } catch (err) {
      setError(toApiCallError(err));
    }
  };
  const importFile = async (file: File) => {
    setError(null);
    setImported(null);
    try {
      const json = await file.text();
      const card = await call(
        'scorecards.import',
        target === null ? { json } : { json, scorecardId: target },
      );
      setImported(`${card.name} · ${t('audits.version', { version: card.version })}`);
      onImported();
    } catch (err) {
      setError(toApiCallError(err));
    }
  };

  return (
    <Panel
      title={t('audits.scorecards.title')}
      className="audits-scorecards"
      testId="audits-scorecards"
      actions={
        <>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="scorecard-import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
          <button type="button" className="button button--small" onClick={() => chooseFile(null)}>
            {t('audits.scorecards.import')}
          </button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} compact /> : null}
      {imported ? (
        <p className="audits-scorecards__note" role="status">
          {t('audits.scorecards.imported', { name: imported })}
        </p>
      ) : null}
      <ul className="audits-scorecards__list">
        {cards.map((card) => {
          const shares = sectionShares(card.definition);
          return (
            <li key={card.versionId} className="audits-scorecards__card" data-testid="scorecard-card">
              <div className="audits-scorecards__head">
                <strong>{card.name}</strong>
                <span className="muted">
                  {t('audits.version', { version: card.version })} ·{' '}
                  {t('audits.scorecards.items', { count: allItems(card.definition).length })} ·{' '}
                  {t(
                    card.definition.scoring === 'points' ? 'audits.scoring.points' : 'audits.scoring.weights',
                  )}
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void exportCard(card.versionId)}
                  data-testid="scorecard-export"
                >
                  {t('audits.scorecards.export')}
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => chooseFile(card.scorecardId)}
                  data-testid="scorecard-import-version"
                >
                  {t('audits.scorecards.importVersion')}
                </button>
              </div>
              <p className="audits-scorecards__sections">
                {card.definition.sections
                  .map((s) => `${s.title} ${f.percent((shares[s.key] ?? 0) / 100, 0)}`)
                  .join(' · ')}
              </p>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
