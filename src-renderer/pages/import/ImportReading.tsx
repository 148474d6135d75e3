/**
 * How the file was read from its content: the rows above the table that were skipped (a title,
 * "exported by/at" notes), and day-first or month-first dates — decided by the file, or asked of
 * the user when every date could be read either way (the workspace's usual order preselected).
 */
import type { ImportPreview } from '../../../src-shared/api';
import { useLanguage, useT } from '../../i18n/language';
import { useImport } from '../../stores/import';
import { fileErrorText } from './reason-text';

export function ImportReading({ preview }: { preview: ImportPreview }) {
  const skipped = preview.skippedAbove ?? [];
  const dates = preview.dateOrder ?? null;
  if (skipped.length === 0 && dates === null) return null;
  return (
    <div className="reading" data-testid="preview-reading">
      {skipped.length > 0 ? <SkippedRows rows={skipped} /> : null}
      {dates ? <DateOrder dates={dates} /> : null}
    </div>
  );
}

function SkippedRows({ rows }: { rows: NonNullable<ImportPreview['skippedAbove']> }) {
  const t = useT();
  return (
    <div className="reading__skipped" data-testid="preview-skipped">
      <span className="reading__label">{t('import.infer.skipped')}</span>
      <ul>
        {rows.map((r) => (
          <li key={r.line}>{t('import.infer.skippedLine', { line: r.line, text: r.text })}</li>
        ))}
      </ul>
    </div>
  );
}

type Dates = NonNullable<ImportPreview['dateOrder']>;

function DateOrder({ dates }: { dates: Dates }) {
  const t = useT();
  const language = useLanguage();
  const setDateOrder = useImport((s) => s.setDateOrder);
  // What was chosen shows at once, before the preview for it comes back.
  const chosen = useImport((s) => s.choices.dateOrder) ?? dates.order;
  const example = dates.examples[0] ?? '';
  if (dates.state === 'conflict') {
    return (
      <p className="preview__missing" role="alert" data-testid="preview-date-conflict">
        {dates.problem === null ? null : fileErrorText(t, dates.problem, language)}
      </p>
    );
  }
  if (dates.state === 'decided') {
    return (
      <p className="reading__dates muted" data-testid="preview-date-order" data-order={dates.order ?? ''}>
        {t('import.infer.dateOrder.decided', {
          order: t(dates.order === 'mdy' ? 'import.infer.mdy' : 'import.infer.dmy'),
          example,
        })}
      </p>
    );
  }
  return (
    <fieldset className="reading__question" data-testid="preview-date-order" data-order={chosen ?? ''}>
      <legend>
        {t('import.infer.dateOrder', { example })} — {t('import.infer.dateOrder.ambiguous')}
      </legend>
      <div className="segmented" role="radiogroup">
        {(['dmy', 'mdy'] as const).map((order) => (
          <label
            key={order}
            className={chosen === order ? 'segmented__item is-active' : 'segmented__item'}
            data-testid={`date-order-${order}`}
          >
            <input
              type="radio"
              name="date-order"
              value={order}
              checked={chosen === order}
              onChange={() => setDateOrder(order)}
            />
            {t(order === 'dmy' ? 'import.infer.dmy' : 'import.infer.mdy')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
