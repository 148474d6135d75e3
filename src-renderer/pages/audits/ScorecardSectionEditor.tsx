/**
 * One section of the scorecard editor: its title and weight, and its items as rows (label and
 * guidance, answer type, points with the share of the score they carry, critical, N/A allowed,
 * move and remove). Every field has an id so a problem in the side panel can focus it.
 */
import type { ScorecardDefinition, ScorecardItem } from '../../../src-shared/scorecard';
import {
  addItem,
  moveItem,
  moveSection,
  removeItem,
  removeSection,
  updateItem,
  updateSection,
  type DraftProblem,
  type WeightSummary,
} from '../../../src-shared/scorecard-edit';
import { useFormat, useT } from '../../i18n/language';

export function fieldId(section: number, item: number | null, field: string): string {
  return item === null ? `scorecard-s${section}-${field}` : `scorecard-s${section}-i${item}-${field}`;
}

/** A number input's value as a number; empty or half-typed text is NaN (a problem, not 0). */
function numberOf(input: HTMLInputElement): number {
  return input.value.trim() === '' ? Number.NaN : input.valueAsNumber;
}

const shown = (n: number) => (Number.isFinite(n) ? n : '');

interface SectionEditorProps {
  card: ScorecardDefinition;
  s: number;
  weights: WeightSummary;
  problems: DraftProblem[];
  onChange(next: ScorecardDefinition): void;
}

export function ScorecardSectionEditor({ card, s, weights, problems, onChange }: SectionEditorProps) {
  const t = useT();
  const f = useFormat();
  const section = card.sections[s]!;
  const has = (code: DraftProblem['code'], item?: number) =>
    problems.some((p) => p.code === code && p.section === s && p.item === item);
  const last = card.sections.length - 1;
  return (
    <section className="panel scorecard-editor__section" data-testid="editor-section">
      <header className="scorecard-editor__section-head">
        <span className="scorecard-editor__ordinal">{s + 1}</span>
        <input
          id={fieldId(s, null, 'title')}
          className={has('section.title') ? 'input is-invalid' : 'input'}
          value={section.title}
          maxLength={200}
          placeholder={t('audits.editor.sectionTitle')}
          aria-label={t('audits.editor.sectionTitle')}
          onChange={(e) => onChange(updateSection(card, s, { title: e.target.value }))}
          data-testid="editor-section-title"
        />
        {card.scoring === 'weights' ? (
          <label className="scorecard-editor__inline">
            <span>{t('audits.editor.sectionWeight')}</span>
            <input
              id={fieldId(s, null, 'weight')}
              className={has('section.weight') ? 'input input--tiny is-invalid' : 'input input--tiny'}
              type="number"
              min={0}
              step="any"
              value={shown(section.weight)}
              onChange={(e) => onChange(updateSection(card, s, { weight: numberOf(e.target) }))}
              data-testid="editor-section-weight"
            />
          </label>
        ) : null}
        <span className="scorecard-editor__share" data-testid="editor-section-share">
          {t('audits.section.share', { share: f.percent((weights.sections[s] ?? 0) / 100, 0) })}
        </span>
        <span className="scorecard-editor__row-actions">
          <button
            type="button"
            className="icon-button"
            disabled={s === 0}
            onClick={() => onChange(moveSection(card, s, -1))}
            aria-label={t('audits.editor.sectionUp')}
            title={t('audits.editor.sectionUp')}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={s === last}
            onClick={() => onChange(moveSection(card, s, 1))}
            aria-label={t('audits.editor.sectionDown')}
            title={t('audits.editor.sectionDown')}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            onClick={() => onChange(removeSection(card, s))}
            aria-label={t('audits.editor.removeSection')}
            title={t('audits.editor.removeSection')}
            data-testid="editor-section-remove"
          >
            ✕
          </button>
        </span>
      </header>
      <table className="scorecard-editor__items">
        <thead>
          <tr>
            <th>{t('audits.editor.item')}</th>
            <th>{t('audits.editor.type')}</th>
            <th className="num">{t('audits.editor.points')}</th>
            <th className="num">{t('audits.editor.share')}</th>
            <th>{t('audits.form.critical')}</th>
            <th>{t('audits.editor.allowNA')}</th>
            <th aria-label={t('audits.editor.order')} />
          </tr>
        </thead>
        <tbody>
          {section.items.map((item, i) => (
            <ItemRow
              key={item.key}
              item={item}
              s={s}
              i={i}
              last={section.items.length - 1}
              share={weights.items[s]?.[i] ?? 0}
              invalid={{
                label: has('item.label', i) || has('item.labelTooLong', i),
                points: has('item.points', i),
              }}
              onPatch={(patch) => onChange(updateItem(card, s, i, patch))}
              onMove={(delta) => onChange(moveItem(card, s, i, delta))}
              onRemove={() => onChange(removeItem(card, s, i))}
            />
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button button--small scorecard-editor__add"
        onClick={() => onChange(addItem(card, s))}
        data-testid="editor-add-item"
      >
        + {t('audits.editor.addItem')}
      </button>
    </section>
  );
}

function ItemRow({
  item,
  s,
  i,
  last,
  share,
  invalid,
  onPatch,
  onMove,
  onRemove,
}: {
  item: ScorecardItem;
  s: number;
  i: number;
  last: number;
  share: number;
  invalid: { label: boolean; points: boolean };
  onPatch(patch: Partial<Omit<ScorecardItem, 'key'>>): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <tr data-testid="editor-item" data-key={item.key}>
      <td className="scorecard-editor__label-cell">
        <input
          id={fieldId(s, i, 'label')}
          className={invalid.label ? 'input is-invalid' : 'input'}
          value={item.label}
          maxLength={240}
          placeholder={t('audits.editor.itemLabel')}
          aria-label={t('audits.editor.itemLabel')}
          onChange={(e) => onPatch({ label: e.target.value })}
          data-testid="editor-item-label"
        />
        <input
          className="input input--quiet"
          value={item.guidance}
          maxLength={2000}
          placeholder={t('audits.editor.guidance')}
          aria-label={t('audits.editor.guidance')}
          onChange={(e) => onPatch({ guidance: e.target.value })}
        />
      </td>
      <td>
        <select
          className="select"
          value={item.type}
          aria-label={t('audits.editor.type')}
          onChange={(e) => onPatch({ type: e.target.value === 'scale' ? 'scale' : 'yesno' })}
          data-testid="editor-item-type"
        >
          <option value="yesno">{t('audits.editor.typeYesNo')}</option>
          <option value="scale">{t('audits.editor.typeScale')}</option>
        </select>
      </td>
      <td className="num">
        <input
          id={fieldId(s, i, 'points')}
          className={invalid.points ? 'input input--tiny is-invalid' : 'input input--tiny'}
          type="number"
          min={0}
          step="any"
          value={shown(item.points)}
          aria-label={t('audits.editor.points')}
          onChange={(e) => onPatch({ points: numberOf(e.target) })}
          data-testid="editor-item-points"
        />
      </td>
      <td className="num scorecard-editor__share" data-testid="editor-item-share">
        {f.percent(share / 100, 1)}
      </td>
      <td className="center">
        <input
          type="checkbox"
          checked={item.critical}
          disabled={item.type !== 'yesno'}
          title={
            item.type !== 'yesno' ? t('audits.editor.criticalYesNoOnly') : t('audits.editor.criticalHint')
          }
          aria-label={t('audits.form.critical')}
          onChange={(e) => onPatch({ critical: e.target.checked })}
          data-testid="editor-item-critical"
        />
      </td>
      <td className="center">
        <input
          type="checkbox"
          checked={item.allowNA}
          aria-label={t('audits.editor.allowNA')}
          onChange={(e) => onPatch({ allowNA: e.target.checked })}
          data-testid="editor-item-na"
        />
      </td>
      <td className="scorecard-editor__row-actions">
        <button
          type="button"
          className="icon-button"
          disabled={i === 0}
          onClick={() => onMove(-1)}
          aria-label={t('audits.editor.itemUp')}
          title={t('audits.editor.itemUp')}
          data-testid="editor-item-up"
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={i === last}
          onClick={() => onMove(1)}
          aria-label={t('audits.editor.itemDown')}
          title={t('audits.editor.itemDown')}
          data-testid="editor-item-down"
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger"
          onClick={onRemove}
          aria-label={t('audits.editor.removeItem')}
          title={t('audits.editor.removeItem')}
          data-testid="editor-item-remove"
        >
          ✕
        </button>
      </td>
    </tr>
  );
}
