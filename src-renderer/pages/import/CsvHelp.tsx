/** The documented CSV layout, for people preparing a file by hand or checking an export. */
import { CALLSCOPE_OPTIONAL_COLUMNS, CALLSCOPE_REQUIRED_COLUMNS } from '../../../src-shared/callscope-layout';
import { useT } from '../../i18n/language';

export function CsvHelp() {
  const t = useT();
  return (
    <aside className="csv-help" aria-labelledby="csv-help-title">
      <h2 id="csv-help-title" className="csv-help__title">
        {t('import.help.title')}
      </h2>
      <p>{t('import.help.intro')}</p>
      <h3>{t('import.help.required')}</h3>
      <ColumnList columns={CALLSCOPE_REQUIRED_COLUMNS} />
      <h3>{t('import.help.optional')}</h3>
      <ColumnList columns={CALLSCOPE_OPTIONAL_COLUMNS} />
      <ul className="csv-help__notes">
        <li>{t('import.help.encodings')}</li>
        <li>{t('import.help.dates')}</li>
        <li>{t('import.help.durations')}</li>
        <li>{t('import.help.dedup')}</li>
      </ul>
    </aside>
  );
}

function ColumnList({ columns }: { columns: readonly string[] }) {
  return (
    <p className="csv-help__columns">
      {columns.map((c) => (
        <code key={c}>{c}</code>
      ))}
    </p>
  );
}
