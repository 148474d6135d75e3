/** The two choices before an import: the column layout (preset) and the time zone of the file's times. */
import { useMemo } from 'react';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../i18n/language';
import { useImport } from '../../stores/import';
import { useWorkspace } from '../../stores/workspace';
import { timeZoneOptions } from '../settings/time-zones';

export function ImportOptions({ disabled }: { disabled: boolean }) {
  const t = useT();
  const presets = useApiQuery('import.presets', {});
  const workspaceZone = useWorkspace((s) => s.info?.settings.timeZone ?? 'UTC');
  const { preset, timeZone, setPreset, setTimeZone } = useImport();
  const zones = useMemo(() => timeZoneOptions(workspaceZone), [workspaceZone]);

  return (
    <div className="import-options">
      <label className="field">
        <span className="field__label">{t('import.preset')}</span>
        <select
          className="select"
          value={preset}
          disabled={disabled}
          onChange={(e) => setPreset(e.target.value)}
          data-testid="import-preset"
        >
          <option value="">{t('import.presetAuto')}</option>
          {(presets.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {presets.error ? <span className="field__hint is-error">{presets.error.message}</span> : null}
      </label>
      <label className="field">
        <span className="field__label">{t('import.timeZone')}</span>
        <select
          className="select"
          value={timeZone ?? workspaceZone}
          disabled={disabled}
          onChange={(e) => setTimeZone(e.target.value === workspaceZone ? null : e.target.value)}
          data-testid="import-timezone"
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone === workspaceZone ? t('import.timeZoneWorkspace', { zone }) : zone}
            </option>
          ))}
        </select>
        <span className="field__hint">{t('import.timeZoneHint')}</span>
      </label>
    </div>
  );
}
