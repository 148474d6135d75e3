/**
 * Settings: how short a sale must be to be drawn as a "short sale" on the spot-check list (a sale
 * closed that fast is worth a listen). A workspace setting, 30 s unless changed.
 */
import { useState, type FormEvent } from 'react';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';

const MIN = 1;
const MAX = 3600;

export function ShortSaleSetting() {
  const t = useT();
  const saved = useWorkspace((s) => s.info?.settings.shortSaleSeconds);
  const saveSettings = useWorkspace((s) => s.saveSettings);
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<ApiCallError | null>(null);
  if (saved === undefined) return null;

  const shown = text ?? String(saved);
  const value = Number(shown);
  const valid = shown.trim() !== '' && Number.isInteger(value) && value >= MIN && value <= MAX;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid || value === saved) return;
    setState('saving');
    setError(null);
    try {
      await saveSettings({ shortSaleSeconds: value });
      setText(null);
      setState('saved');
    } catch (err) {
      setError(toApiCallError(err));
      setState('idle');
    }
  };

  return (
    <section className="panel settings-recordings" data-testid="short-sale-setting">
      <h2 className="panel__title">{t('audits.settings.shortSaleTitle')}</h2>
      <form className="settings-recordings__form short-sale-form" onSubmit={(e) => void submit(e)}>
        <Field label={t('audits.settings.shortSale')}>
          <span className="input-with-unit">
            <input
              type="number"
              className={valid ? 'input' : 'input is-invalid'}
              min={MIN}
              max={MAX}
              step={1}
              value={shown}
              aria-invalid={!valid}
              onChange={(e) => {
                setText(e.target.value);
                setState('idle');
              }}
              data-testid="short-sale-seconds"
            />
            <span className="input-with-unit__unit">{t('settings.seconds')}</span>
          </span>
        </Field>
        <button
          type="submit"
          className="button"
          disabled={!valid || value === saved || state === 'saving'}
          data-testid="short-sale-save"
        >
          {t('common.save')}
        </button>
        {state === 'saved' ? (
          <span className="is-good" role="status" data-testid="short-sale-saved">
            ✓ {t('common.saved')}
          </span>
        ) : null}
      </form>
      <p className={valid ? 'field__hint' : 'field__hint is-error'}>
        {valid
          ? t('audits.settings.shortSaleHint')
          : t('audits.settings.shortSaleInvalid', { min: MIN, max: MAX })}
      </p>
      {error ? <ErrorMessage error={error} compact /> : null}
    </section>
  );
}
