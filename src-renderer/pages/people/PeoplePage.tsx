/** The People page (#/people): the floor's teams and agents, edited by the lead. */
import { useT } from '../../i18n/language';
import { AgentsPanel } from './AgentsPanel';
import { TeamsPanel } from './TeamsPanel';

export function PeoplePage() {
  const t = useT();
  return (
    <div className="page page--people">
      <header className="page__header">
        <h1 className="page__title">{t('people.title')}</h1>
        <p className="page__lead">{t('people.lead')}</p>
      </header>
      <TeamsPanel />
      <AgentsPanel />
    </div>
  );
}
