/**
 * Settings → Orders: the attribution window and where conversion is counted from. Each change is
 * saved at once and the dashboard reloads with it.
 */
import { useState } from 'react';
import type { OrderSettings } from '../../../src-shared/api';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';

export function OrderSettingsPanel() {
  const t = useT();
  const query = useApiQuery('orders.settings.get', {});
  const refresh = useWorkspace((s) => s.refresh);
  const [windowText, setWindowText] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saved' | ApiCallError>('idle');
  const settings = query.data;
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (!settings) return null;
  const windowValue = windowText ?? String(settings.attributionWindowDays);
  const windowDays = Number(windowValue);
  const windowValid =
    windowValue.trim() !== '' && Number.isInteger(windowDays) && windowDays >= 0 && windowDays <= 365;

  async function save(patch: Partial<OrderSettings>) {
    try {
      await call('orders.settings.update', patch);
      setState('saved');
      setWindowText(null);
      await refresh();
    } catch (err) {
      setState(toApiCallError(err));
    }
  }

  return (
    <section className="panel settings-orders" data-testid="settings-orders">
      <h2 className="panel__title">{t('orders.settings.title')}</h2>
      <p className="field__hint">{t('orders.settings.lead')}</p>
      <Field label={t('orders.settings.window')}>
        <input
          type="number"
          className={windowValid ? 'input' : 'input is-invalid'}
          min={0}
          max={365}
          value={windowValue}
          onChange={(e) => {
            setWindowText(e.target.value);
            setState('idle');
          }}
          onBlur={() => {
            if (windowValid && windowDays !== settings.attributionWindowDays)
              void save({ attributionWindowDays: windowDays });
          }}
          aria-invalid={!windowValid}
          data-testid="settings-attribution-window"
        />
        <span className="field__hint">{t('orders.settings.windowHint')}</span>
      </Field>
      <Field label={t('orders.settings.source')}>
        <select
          className="select"
          value={settings.conversionSource}
          onChange={(e) =>
            void save({ conversionSource: e.target.value as OrderSettings['conversionSource'] })
          }
          data-testid="settings-conversion-source"
        >
          <option value="calls">{t('orders.settings.source.calls')}</option>
          <option value="orders">{t('orders.settings.source.orders')}</option>
        </select>
      </Field>
      {state === 'saved' ? (
        <p className="field__hint" role="status">
          {t('orders.settings.saved')}
        </p>
      ) : null}
      {state !== 'idle' && state !== 'saved' ? <ErrorMessage error={state} /> : null}
    </section>
  );
}
