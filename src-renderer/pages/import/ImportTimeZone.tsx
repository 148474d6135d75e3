/** The time zone of the wall-clock times in the file (the workspace's unless chosen here). */
import { useMemo } from 'react';
import { useT } from '../../i18n/language';
import { useImport } from '../../stores/import';
import { useWorkspace } from '../../stores/workspace';
import { timeZoneOptions } from '../settings/time-zones';
import { Field } from '../../components/Field';

export function ImportTimeZone() {
  const t = useT();
  const workspaceZone = useWorkspace((s) => s.info?.settings.timeZone ?? 'UTC');
  const timeZone = useImport((s) => s.timeZone);
  const setTimeZone = useImport((s) => s.setTimeZone);
  const zones = useMemo(() => timeZoneOptions(workspaceZone), [workspaceZone]);

  return (
    <Field label={t('import.timeZone')}>
      <select
        className="select"
        value={timeZone ?? workspaceZone}
        onChange={(e) => setTimeZone(e.target.value === workspaceZone ? null : e.target.value)}
        title={t('import.timeZoneHint')}
        data-testid="import-timezone"
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone === workspaceZone ? t('import.timeZoneWorkspace', { zone }) : zone}
          </option>
        ))}
      </select>
    </Field>
  );
}
