/** The first screen of a new workspace: import a real call log, or look around with demo data. */
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { navigate } from '../../hooks/useHashRoute';
import { useFormat, useLanguage, useT } from '../../i18n/language';
import { useMayOpen } from '../../hooks/usePageAccess';
import { useMayCall } from '../../stores/auth';
import { useDemo } from '../../stores/demo';
import { FirstUseZone } from '../settings/FirstUseZone';

export function WorkspaceEmpty() {
  const t = useT();
  const language = useLanguage();
  const f = useFormat();
  const { job, error, running, load } = useDemo();
  // On a team workspace, who may import and who may load the demo see those buttons.
  const may = useMayCall();
  const mayOpen = useMayOpen();

  return (
    <div className="page page--centered">
      <EmptyState
        size="page"
        testId="workspace-empty"
        title={t('dashboard.emptyWorkspace.title')}
        actions={
          <>
            {mayOpen('import') ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => navigate('import')}
                data-testid="go-import"
                disabled={running}
              >
                {t('dashboard.emptyWorkspace.import')}
              </button>
            ) : null}
            {may('demo.load') ? (
              <button
                type="button"
                className="button"
                onClick={() => void load(language)}
                data-testid="load-demo"
                disabled={running}
              >
                {t('dashboard.emptyWorkspace.demo')}
              </button>
            ) : null}
          </>
        }
      >
        <p>{t('dashboard.emptyWorkspace.text')}</p>
        <p className="muted">{t('dashboard.emptyWorkspace.formats')}</p>
        {may('zone.change') ? <FirstUseZone disabled={running} /> : null}
      </EmptyState>
      {running ? (
        <div className="demo-progress">
          <ProgressBar
            done={job?.done ?? 0}
            total={job?.total ?? null}
            label={t('dashboard.emptyWorkspace.loadingDemo')}
            testId="demo-progress"
          />
          <span className="muted">
            {t('dashboard.emptyWorkspace.loadingDemo')}
            {job && job.rows > 0
              ? ` ${t('dashboard.emptyWorkspace.demoCalls', { count: f.count(job.rows) })}`
              : ''}
          </span>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} onRetry={() => void load(language)} /> : null}
    </div>
  );
}
