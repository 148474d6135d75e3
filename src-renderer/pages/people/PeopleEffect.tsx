/** The import preview's line on people: "new agents 3 · teams filled in 12 …" (src-main/import/directory.ts). */
import type { ImportPreview } from '../../../src-shared/api';
import { useFormat, useT } from '../../i18n/language';

export function PeopleEffect({ effect }: { effect: NonNullable<ImportPreview['people']> }) {
  const t = useT();
  const f = useFormat();
  if (effect.calls === 0) return null;
  return (
    <p className="preview__count" data-testid="preview-people">
      {t('people.import.effect', {
        calls: f.count(effect.calls),
        newAgents: f.count(effect.newAgents),
        fillTeams: f.count(effect.fillTeams),
        fillNames: f.count(effect.fillNames),
        newTeams: f.count(effect.newTeams),
      })}
    </p>
  );
}
