/**
 * The workspace's scorecards: what each weighs; edit one (its next version) or start a new one in
 * the editor; export one as JSON, import one from a JSON file.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScorecardVersion } from '../../../src-shared/api';
import { allItems, sectionShares } from '../../../src-shared/scorecard';
import { call } from '../../api/client';
import { saveTextFile } from '../../api/download';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFilePicker } from '../../components/FilePicker';
import { Panel } from '../../components/Panel';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { scorecardEditorHref } from './editor-route';

export function ScorecardsPanel({
  cards,
  saved,
  onImported,
}: {
  cards: ScorecardVersion[];
  /** the version the editor just saved, to confirm it */
  saved: ScorecardVersion | null;
  onImported: () => void;
}) {
  const t = useT();
  const may = useMayCall();
  const f = useFormat();
  const panel = useRef<HTMLDivElement>(null);
  // Back from the editor: show the scorecard just saved, which sits at the foot of the page.
  useEffect(() => {
    if (saved) panel.current?.scrollIntoView({ block: 'start' });
  }, [saved]);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  // Which scorecard the chosen file becomes the next version of (null: a new scorecard).
  const [target, setTarget] = useState<number | null>(null);

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

  const picker = useFilePicker({
    accept: '.json,application/json',
    testId: 'scorecard-import-file',
    onFile: (file) => void importFile(file),
  });
  const chooseFile = (scorecardId: number | null) => {
    setTarget(scorecardId);
    picker.choose();
  };

  return (
    <Panel
      title={t('audits.scorecards.title')}
      className="audits-scorecards"
      testId="audits-scorecards"
      actions={
        may('scorecards.save') ? (
          <>
            {picker.input}
            <a
              className="button button--small"
              href={scorecardEditorHref({ kind: 'new' })}
              data-testid="scorecard-new"
            >
              {t('audits.scorecards.new')}
            </a>
            <button type="button" className="button button--small" onClick={() => chooseFile(null)}>
              {t('audits.scorecards.import')}
            </button>
          </>
        ) : null
      }
    >
      {error ? <ErrorMessage error={error} compact /> : null}
      <div ref={panel} />
      {saved && !imported ? (
        <p className="audits-scorecards__note" role="status" data-testid="scorecard-saved">
          {t('audits.scorecards.saved', {
            name: saved.name,
            version: t('audits.version', { version: saved.version }),
          })}
        </p>
      ) : null}
      {imported ? (
        <p className="audits-scorecards__note" role="status">
          {t('audits.scorecards.imported', { name: imported })}
        </p>
      ) : null}
      <ul className="audits-scorecards__list">
        {cards.map((card) => {
          const shares = sectionShares(card.definition);
          return (
            <li
              key={card.versionId}
              className="audits-scorecards__card"
              data-testid="scorecard-card"
              data-scorecard-id={card.scorecardId}
              data-version={card.version}
            >
              <div className="audits-scorecards__head">
                <strong>{card.name}</strong>
                <span className="muted">
                  {t('audits.version', { version: card.version })} ·{' '}
                  {t('audits.scorecards.items', { count: allItems(card.definition).length })} ·{' '}
                  {t(
                    card.definition.scoring === 'points' ? 'audits.scoring.points' : 'audits.scoring.weights',
                  )}
                </span>
                {may('scorecards.save') ? (
                  <a
                    className="link-button"
                    href={scorecardEditorHref({ kind: 'edit', scorecardId: card.scorecardId })}
                    data-testid="scorecard-edit"
                  >
                    {t('audits.scorecards.edit')}
                  </a>
                ) : null}
                {may('scorecards.export') ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void exportCard(card.versionId)}
                    data-testid="scorecard-export"
                  >
                    {t('audits.scorecards.export')}
                  </button>
                ) : null}
                {may('scorecards.import') ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => chooseFile(card.scorecardId)}
                    data-testid="scorecard-import-version"
                  >
                    {t('audits.scorecards.importVersion')}
                  </button>
                ) : null}
              </div>
              <p className="audits-scorecards__sections" data-testid="scorecard-shares">
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
