/**
 * A new workspace asks for its zone before the first import: the system's zone is proposed; the
 * demo brings its own (Asia/Shanghai). Nothing is stored yet, so the zone is simply set.
 */
import { useState } from 'react';
import type { Job } from '../../../src-shared/api';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { ZonePicker } from './ZonePicker';
import { changeZone } from './zone-change';

export function FirstUseZone({ disabled }: { disabled: boolean }) {
  const t = useT();
  const saved = useWorkspace((s) => s.info?.settings.timeZone) ?? 'UTC';
  const [draft, setDraft] = useState(saved);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const running = job !== null && job.status === 'running';

  const apply = async () => {
    setError(null);
    try {
      await changeZone(draft, setJob);
    } catch (err) {
      setError(toApiCallError(err));
    } finally {
      setJob(null);
    }
  };

  return (
    <div className="zone-first-use" data-testid="first-use-zone">
      <span className="field__label">{t('zone.firstUse')}</span>
      <ZonePicker
        value={draft}
        onChange={setDraft}
        disabled={disabled || running}
        testId="first-use-zone-list"
      />
      <span className="field__hint">{t('zone.firstUseHint')}</span>
      <div>
        <button
          type="button"
          className="button"
          disabled={disabled || running || draft === saved}
          onClick={() => void apply()}
          data-testid="first-use-zone-apply"
        >
          {t('common.save')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} compact /> : null}
    </div>
  );
}
