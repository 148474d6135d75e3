/**
 * Which column of the file holds each field: one select per field, the file's columns offered with
 * a sample value. Serves the call mapping and the order mapping alike; the caller says which
 * fields, what they are called and what a change does (each change re-runs the preview).
 */
import type { ImportPreview } from '../../../src-shared/api';
import { useT } from '../../i18n/language';
import { columnLabel } from './usePresetName';

export interface MappingRow {
  field: string;
  label: string;
  /** the column shown as chosen; null = not in the file */
  column: number | null;
  required: boolean;
  /** required and not mapped: the import cannot start */
  missing: boolean;
  /** what the chosen column looks like and how sure its proposal is ("date and time · 92% sure") */
  note?: string;
}

const SAMPLE_CHARS = 24;

function clip(text: string): string {
  const s = text.trim();
  return s.length > SAMPLE_CHARS ? `${s.slice(0, SAMPLE_CHARS - 1)}…` : s;
}

export function ColumnMappingTable({
  title,
  hint,
  preview,
  rows,
  onChange,
  idPrefix = 'map',
}: {
  title: string;
  hint?: string;
  preview: Pick<ImportPreview, 'columnNames' | 'sampleCells'>;
  rows: MappingRow[];
  onChange(field: string, column: number | null): void;
  /** prefix of each select's id and test id */
  idPrefix?: string;
}) {
  const t = useT();
  const firstRow = preview.sampleCells[0] ?? [];
  const options = preview.columnNames.map((name, index) => {
    const sample = firstRow[index] ?? '';
    const label = columnLabel(t, name, index);
    return { index, label: sample.trim() ? `${label} — ${clip(sample)}` : label };
  });

  return (
    <div className="mapping mapping--columns">
      <h3 className="mapping__title">
        {title}
        {hint ? <span className="mapping__hint">{hint}</span> : null}
      </h3>
      <div className="table-scroll mapping__scroll">
        <table className="data-table data-table--mapping">
          <thead>
            <tr>
              <th scope="col">{t('import.preview.field')}</th>
              <th scope="col">{t('import.preview.column')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.field} className={c.missing ? 'is-missing' : undefined}>
                <th scope="row">
                  <label htmlFor={`${idPrefix}-${c.field}`}>{c.label}</label>
                  {c.required ? (
                    <span className="mapping__required">{t('import.preview.required')}</span>
                  ) : null}
                </th>
                <td>
                  <select
                    id={`${idPrefix}-${c.field}`}
                    className={c.missing ? 'select select--compact is-invalid' : 'select select--compact'}
                    value={c.column === null ? '' : String(c.column)}
                    onChange={(e) => onChange(c.field, e.target.value === '' ? null : Number(e.target.value))}
                    data-testid={`${idPrefix}-${c.field}`}
                  >
                    <option value="">{t('import.preview.notInFile')}</option>
                    {options.map((o) => (
                      <option key={o.index} value={o.index}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  {c.note ? (
                    <span className="mapping__note" data-testid={`${idPrefix}-${c.field}-note`}>
                      {c.note}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
