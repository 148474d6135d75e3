/**
 * What the texts of the result columns mean: each distinct call-result, outcome and direction text
 * of the sample, how often it occurs, and a choice of meaning. An unknown text is read as its
 * proposal says (a status by its talk time, a direction as outbound), with a warning.
 */
import type { ImportPreview } from '../../../src-shared/api';
import {
  DIRECTION_MEANINGS,
  DISPOSITIONS,
  OUTCOMES,
  type DirectionMeaning,
  type Disposition,
  type Outcome,
} from '../../../src-shared/domain';
import type { MessageKey } from '../../../src-shared/i18n';
import { useFormat, useT } from '../../i18n/language';
import { useImport } from '../../stores/import';

export function ValueMapping({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const { setDisposition, setOutcome, setDirection, choices } = useImport();
  const column = (field: 'disposition' | 'outcome' | 'direction') =>
    preview.columns.find((c) => c.field === field)?.column ?? null;

  return (
    <div className="mapping mapping--values">
      <h3 className="mapping__title">
        {t('import.preview.values')}
        <span className="mapping__hint">{t('import.preview.valuesHint')}</span>
      </h3>
      <div className="mapping__scroll mapping__values">
        <ValueTable
          kind="disposition"
          title={t('import.preview.dispositions')}
          list={preview.values.dispositions}
          hasColumn={column('disposition') !== null}
          meanings={DISPOSITIONS}
          chosen={choices.dispositions}
          onChange={(text, meaning) => setDisposition(text, meaning as Disposition)}
        />
        <ValueTable
          kind="outcome"
          title={t('import.preview.outcomes')}
          list={preview.values.outcomes}
          hasColumn={column('outcome') !== null}
          meanings={OUTCOMES}
          chosen={choices.outcomes}
          onChange={(text, meaning) => setOutcome(text, meaning as Outcome)}
        />
        {preview.values.directions ? (
          <ValueTable
            kind="direction"
            title={t('import.preview.directions')}
            list={preview.values.directions}
            hasColumn={column('direction') !== null}
            meanings={DIRECTION_MEANINGS}
            chosen={choices.directions}
            onChange={(text, meaning) => setDirection(text, meaning as DirectionMeaning)}
          />
        ) : null}
      </div>
    </div>
  );
}

interface ValueTableProps {
  kind: 'disposition' | 'outcome' | 'direction';
  title: string;
  list: { text: string; count: number; mapped: string | null; proposed?: string | null }[];
  /** false: the field has no column (texts may still be derived by the layout) */
  hasColumn: boolean;
  meanings: readonly string[];
  /** meanings chosen on the page (shown at once, before the preview for them comes back) */
  chosen: Record<string, string> | undefined;
  onChange(text: string, meaning: string): void;
}

function ValueTable({ kind, title, list, hasColumn, meanings, chosen, onChange }: ValueTableProps) {
  const t = useT();
  const f = useFormat();
  // Without a column every row reads "": nothing to map.
  const shown = hasColumn || list.some((v) => v.text !== '') ? list : [];
  const unknownRows = shown.filter((v) => v.mapped === null).reduce((sum, v) => sum + v.count, 0);
  const label = (meaning: string) => t(`import.${kind}.${meaning}` as MessageKey);

  return (
    <div className="values" data-testid={`values-${kind}`} data-unknown-rows={unknownRows}>
      <div className="values__head">
        <h4>{title}</h4>
        {unknownRows > 0 ? (
          <span className="values__unknown" data-testid={`values-${kind}-unknown`}>
            {t('import.preview.unknownRows', { count: f.count(unknownRows) })}
          </span>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <p className="muted values__none">{t('import.preview.noColumn')}</p>
      ) : (
        <table className="data-table data-table--values">
          <thead>
            <tr>
              <th scope="col">{t('import.preview.text')}</th>
              <th scope="col" className="num">
                {t('import.preview.count')}
              </th>
              <th scope="col">{t('import.preview.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((v) => {
              const value = chosen?.[v.text] ?? v.mapped;
              return (
                <tr key={v.text} className={v.mapped === null ? 'is-unknown' : undefined}>
                  <th scope="row" className="values__text">
                    {v.text === '' ? <span className="muted">{t('import.preview.empty')}</span> : v.text}
                  </th>
                  <td className="num">{f.count(v.count)}</td>
                  <td>
                    <select
                      className={
                        v.mapped === null ? 'select select--compact is-invalid' : 'select select--compact'
                      }
                      value={value ?? ''}
                      aria-label={`${title}: ${v.text || t('import.preview.empty')}`}
                      onChange={(e) => {
                        if (e.target.value) onChange(v.text, e.target.value);
                      }}
                      data-testid={`value-${kind}-${v.text}`}
                      data-text={v.text}
                    >
                      {value === null ? (
                        <option value="" disabled>
                          {t('import.preview.unknown')}
                        </option>
                      ) : null}
                      {meanings.map((m) => (
                        <option key={m} value={m}>
                          {label(m)}
                        </option>
                      ))}
                    </select>
                    {v.mapped === null && v.proposed && chosen?.[v.text] === undefined ? (
                      <span className="mapping__note" data-testid={`value-${kind}-${v.text}-proposed`}>
                        {t(
                          kind === 'direction' ? 'import.infer.proposedDirection' : 'import.infer.proposed',
                          {
                            meaning: label(v.proposed),
                          },
                        )}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
