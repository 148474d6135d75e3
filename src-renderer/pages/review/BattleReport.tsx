/**
 * The daily battle report (战报) for the team's WeChat / DingTalk group: pick the day, the floor or
 * a team and the language; the app makes a phone-sized PNG and a text to paste. Nothing is sent.
 */
import { useRef, useState } from 'react';
import type { Language } from '../../../src-shared/domain';
import type { Filter, Output } from '../../../src-shared/api';
import { call } from '../../api/client';
import { saveBase64File } from '../../api/download';
import { toApiCallError } from '../../api/errors';
import { Field } from '../../components/Field';
import { TeamSelect } from '../../components/TeamSelect';
import { useDismiss } from '../../hooks/useDismiss';
import { useFormat, useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { battleDayFor } from './battle-day';

type Report = Output<'review.battleReport'>;

export function BattleReportButton({ filter }: { filter: Filter }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--primary battle-open"
        onClick={() => setOpen(true)}
        data-testid="battle-open"
      >
        {t('review.battle.open')}
      </button>
      {open ? <BattleReportDialog filter={filter} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function BattleReportDialog({ filter, onClose }: { filter: Filter; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const teams = useWorkspace((s) => s.teams);
  const lastDay = useWorkspace((s) => s.info?.lastDay ?? null);
  const [day, setDay] = useState(() => battleDayFor(filter, lastDay));
  const [teamId, setTeamId] = useState<number | null>(filter.teamId ?? null);
  const [language, setLanguage] = useState<Language>(f.language);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, true, onClose);

  const make = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      setReport(await call('review.battleReport', { day, language, ...(teamId === null ? {} : { teamId }) }));
    } catch (err) {
      setError(toApiCallError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!report) return;
    await navigator.clipboard.writeText(report.text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div className="battle-backdrop">
      <div
        className="battle-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('review.battle.dialogTitle')}
        ref={box}
        data-testid="battle-dialog"
      >
        <header className="battle-dialog__header">
          <h2>{t('review.battle.dialogTitle')}</h2>
          <button type="button" className="button button--small" onClick={onClose} data-testid="battle-close">
            {t('review.battle.close')}
          </button>
        </header>
        <p className="field__hint">{t('review.battle.hint')}</p>
        <div className="battle-dialog__controls">
          <Field label={t('review.battle.day')}>
            <input
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              data-testid="battle-day"
            />
          </Field>
          <TeamSelect
            label={t('review.battle.scope')}
            teams={teams}
            value={teamId}
            onChange={setTeamId}
            allLabel={t('review.battle.floor')}
            testId="battle-team"
          />
          <Field label={t('review.battle.language')}>
            <select
              className="select"
              value={language}
              onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'zh-CN')}
              data-testid="battle-language"
            >
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </Field>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !/^\d{4}-\d{2}-\d{2}$/.test(day)}
            onClick={() => void make()}
            data-testid="battle-make"
          >
            {busy ? t('review.battle.making') : t('review.battle.make')}
          </button>
        </div>
        {error ? (
          <p className="battle-dialog__error" role="alert">
            {error}
          </p>
        ) : null}
        {report ? (
          <div className="battle-dialog__result">
            <img
              className="battle-dialog__image"
              src={`data:image/png;base64,${report.png.base64}`}
              alt={t('review.battle.imageAlt')}
              data-testid="battle-image"
              data-width={report.png.width}
              data-height={report.png.height}
            />
            <div className="battle-dialog__text">
              <textarea readOnly value={report.text} rows={18} data-testid="battle-text" />
              <div className="battle-dialog__actions">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => saveBase64File(report.fileName, report.png.base64, 'image/png')}
                  data-testid="battle-download"
                >
                  {t('review.battle.downloadPng')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => void copy()}
                  data-testid="battle-copy"
                >
                  {copied ? t('review.battle.copied') : t('review.battle.copyText')}
                </button>
              </div>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
