/** Workspace settings: time zone, effective-call threshold, language, currency; and where the file is. */
import { useState, type FormEvent } from 'react';
import type { Job, Settings, ZoneChangePlan } from '../../../src-shared/api';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Spinner } from '../../components/Spinner';
import { useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';
import { OrderSettingsPanel } from '../orders/OrderSettingsPanel';
import { RecordingsFolderPanel } from '../audits/RecordingsFolderPanel';
import { BackupsPanel } from './BackupsPanel';
import { ActivityPanel } from './ActivityPanel';
import { ZoneConfirm } from './ZoneConfirm';
import { ZonePicker } from './ZonePicker';
import { changeZone, movesAnything, previewZone } from './zone-change';

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'TWD', 'SGD', 'GBP', 'JPY'] as const;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; error: ApiCallError }
  /** a zone change that moves calls waits for the user's yes (or says why it cannot happen) */
  | { kind: 'confirm'; plan: ZoneChangePlan; patch: Partial<Settings> }
  | { kind: 'zone'; job: Job | null };

export function SettingsPage() {
  const t = useT();
  const info = useWorkspace((s) => s.info);
  // Each panel shows to the roles that may make its call: the admin configures, others read.
  const may = useMayCall();
  if (!info) return null;
  return (
    <div className="page page--settings">
      <header className="page__header">
        <h1 className="page__title">{t('settings.title')}</h1>
      </header>
      {/* Keyed by the workspace: another workspace's settings start a fresh form. */}
      <SettingsForm key={info.path} saved={info.settings} readOnly={!may('settings.update')} />
      <section className="panel settings-workspace">
        <h2 className="panel__title">{t('settings.workspace')}</h2>
        <p className="field__hint">{t('settings.workspaceHint')}</p>
        <code className="path" data-testid="workspace-path">
          {info.path}
        </code>
      </section>
      {may('orders.settings.update') ? <OrderSettingsPanel /> : null}
      {may('backups.list') ? <BackupsPanel /> : null}
      {may('audits.setRecordingsFolder') ? <RecordingsFolderPanel /> : null}
      {may('activity.list') ? <ActivityPanel /> : null}
    </div>
  );
}

/** Upload limits offered in Settings (a workspace set to another value keeps it in the list). */
const UPLOAD_LIMITS_MB = [256, 512, 1024, 2048, 4096, 8192];

function changedFields(saved: Settings, draft: Settings): Partial<Settings> {
  const patch: Partial<Settings> = {};
  if (draft.timeZone !== saved.timeZone) patch.timeZone = draft.timeZone;
  if (draft.effectiveThresholdSeconds !== saved.effectiveThresholdSeconds)
    patch.effectiveThresholdSeconds = draft.effectiveThresholdSeconds;
  if (draft.language !== saved.language) patch.language = draft.language;
  if (draft.currency !== saved.currency) patch.currency = draft.currency;
  if (draft.uploadLimitMb !== saved.uploadLimitMb) patch.uploadLimitMb = draft.uploadLimitMb;
  return patch;
}

/** `readOnly`: the workspace's settings as they are, for a role that may not change them. */
function SettingsForm({ saved, readOnly }: { saved: Settings; readOnly: boolean }) {
  const t = useT();
  const saveSettings = useWorkspace((s) => s.saveSettings);
  // Only what the user changed: a field left alone shows (and keeps) the stored value, also when
  // another process changes it while the form is open (a CLI demo setting its zone, another
  // machine) — a copy of every field taken at mount sent the old zone back with a new language.
  const [edits, setEdits] = useState<Partial<Settings>>({});
  const [editedThreshold, setEditedThreshold] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const draft: Settings = { ...saved, ...edits };
  const thresholdText = editedThreshold ?? String(saved.effectiveThresholdSeconds);

  const threshold = Number(thresholdText);
  const thresholdValid =
    thresholdText.trim() !== '' && Number.isInteger(threshold) && threshold >= 0 && threshold <= 3600;
  const patch = changedFields(saved, {
    ...draft,
    effectiveThresholdSeconds: thresholdValid ? threshold : saved.effectiveThresholdSeconds,
  });
  const dirty = Object.keys(patch).length > 0 || !thresholdValid;

  const update = (change: Partial<Settings>) => {
    setEdits((d) => ({ ...d, ...change }));
    setState({ kind: 'idle' });
  };

  /** Saves `patch`; a new zone goes first, through the job that moves the stored calls with it. */
  const save = async (patch: Partial<Settings>, confirmed: boolean) => {
    const { timeZone, ...rest } = patch;
    try {
      if (timeZone !== undefined) {
        if (!confirmed) {
          setState({ kind: 'saving' });
          const plan = await previewZone(timeZone);
          if (plan.blockedMonths.length > 0 || movesAnything(plan))
            return setState({ kind: 'confirm', plan, patch });
        }
        setState({ kind: 'zone', job: null });
        await changeZone(timeZone, (job) => setState({ kind: 'zone', job }));
      }
      setState({ kind: 'saving' });
      if (Object.keys(rest).length > 0) await saveSettings(rest);
      // Start again from what the workspace stored (it may normalise what we sent).
      setEdits({});
      setEditedThreshold(null);
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'error', error: toApiCallError(err) });
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!thresholdValid || Object.keys(patch).length === 0) return;
    void save(patch, false);
  };
  const busy = state.kind === 'saving' || state.kind === 'zone' || state.kind === 'confirm';

  return (
    <form className="panel settings-form" onSubmit={onSubmit} data-testid="settings-form">
      {readOnly ? <p className="field__hint">{t('roles.settings.readOnly')}</p> : null}
      <fieldset className="settings-form__fields" disabled={readOnly}>
        <div className="field" role="group" aria-label={t('settings.timeZone')}>
          <span className="field__label">{t('settings.timeZone')}</span>
          <ZonePicker value={draft.timeZone} onChange={(timeZone) => update({ timeZone })} disabled={busy} />
          <span className="field__hint">{t('settings.timeZoneHint')}</span>
          {state.kind === 'confirm' || state.kind === 'zone' ? (
            <ZoneConfirm
              plan={state.kind === 'confirm' ? state.plan : null}
              job={state.kind === 'zone' ? state.job : null}
              onConfirm={() => state.kind === 'confirm' && void save(state.patch, true)}
              onCancel={() => setState({ kind: 'idle' })}
            />
          ) : null}
        </div>

        <Field label={t('settings.threshold')}>
          <span className="input-with-unit">
            <input
              type="number"
              className={thresholdValid ? 'input' : 'input is-invalid'}
              min={0}
              max={3600}
              step={1}
              value={thresholdText}
              onChange={(e) => {
                setEditedThreshold(e.target.value);
                setState({ kind: 'idle' });
              }}
              aria-invalid={!thresholdValid}
              data-testid="settings-threshold"
            />
            <span className="input-with-unit__unit">{t('settings.seconds')}</span>
          </span>
          <span className={thresholdValid ? 'field__hint' : 'field__hint is-error'}>
            {thresholdValid ? t('settings.thresholdHint') : t('settings.thresholdInvalid')}
          </span>
        </Field>

        <Field label={t('settings.language')}>
          <select
            className="select"
            value={draft.language}
            onChange={(e) => update({ language: e.target.value as Settings['language'] })}
            data-testid="settings-language"
          >
            <option value="auto">{t('settings.languageAuto')}</option>
            {/* Each language is named in itself, so anyone can find theirs. */}
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </Field>

        <Field label={t('settings.currency')}>
          <select
            className="select"
            value={draft.currency}
            onChange={(e) => update({ currency: e.target.value })}
            data-testid="settings-currency"
          >
            {[...new Set([draft.currency, ...CURRENCIES])].map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
          <span className="field__hint">{t('settings.currencyHint')}</span>
        </Field>

        <Field label={t('settings.uploadLimit')}>
          <span className="input-with-unit">
            <select
              className="select"
              value={draft.uploadLimitMb}
              onChange={(e) => update({ uploadLimitMb: Number(e.target.value) })}
              data-testid="settings-upload-limit"
            >
              {[...new Set([draft.uploadLimitMb, ...UPLOAD_LIMITS_MB])]
                .sort((a, b) => a - b)
                .map((mb) => (
                  <option key={mb} value={mb}>
                    {mb}
                  </option>
                ))}
            </select>
            <span className="input-with-unit__unit">{t('settings.megabytes')}</span>
          </span>
          <span className="field__hint">{t('settings.uploadLimitHint')}</span>
        </Field>
      </fieldset>

      {readOnly ? null : (
        <div className="settings-form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={!dirty || !thresholdValid || busy}
            data-testid="settings-save"
          >
            {t('common.save')}
          </button>
          <span
            className="settings-form__status"
            data-testid="settings-status"
            data-state={state.kind}
            aria-live="polite"
          >
            {state.kind === 'saving' || state.kind === 'zone' ? (
              <>
                <Spinner label={t('settings.saving')} /> {t('settings.saving')}
              </>
            ) : state.kind === 'saved' ? (
              <span className="is-good">✓ {t('common.saved')}</span>
            ) : dirty ? (
              <span className="muted">{t('settings.unsaved')}</span>
            ) : null}
          </span>
          {state.kind === 'error' ? <ErrorMessage error={state.error} compact /> : null}
        </div>
      )}
    </form>
  );
}
