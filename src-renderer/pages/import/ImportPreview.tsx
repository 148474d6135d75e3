/**
 * The staged file before it is imported: what was detected, the layout and header choice, the
 * column and value mapping, and the first rows exactly as they will be stored. Every change
 * re-runs `import.preview`; the previous answer stays on screen, dimmed, until the new one arrives.
 */
import { useMemo } from 'react';
import type { ImportPreview as Preview } from '../../../src-shared/api';
import { CALL_FIELDS, type CallField } from '../../../src-shared/domain';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Spinner } from '../../components/Spinner';
import { SkeletonBlock } from '../../components/Skeleton';
import { messageIn } from '../../../src-shared/i18n/message-code';
import { useFormat, useLanguage, useT } from '../../i18n/language';
import { PeopleEffect } from '../people/PeopleEffect';
import { useImport } from '../../stores/import';
import { missingOrderFields, OrderPreviewBody } from '../orders/OrderPreviewBody';
import { ColumnMappingTable } from './ColumnMappingTable';
import { EndpointMapping } from './EndpointMapping';
import { ImportReading } from './ImportReading';
import { ImportTimeZone } from './ImportTimeZone';
import { PreviewRows } from './PreviewRows';
import { ValueMapping } from './ValueMapping';
import { presetLabel } from './usePresetName';

export function ImportPreview({ onStart }: { onStart(): void }) {
  const t = useT();
  const language = useLanguage();
  const { preview, previewState, previewError, retryPreview } = useImport();
  const ready = previewState === 'ready' && preview !== null;
  const missing = preview ? preview.columns.filter((c) => c.required && c.column === null) : [];
  const ordersMissing = preview ? missingOrderFields(preview).length : 0;

  return (
    <section
      className="preview"
      aria-label={t('import.preview.title')}
      aria-busy={previewState === 'loading'}
      data-testid="preview"
      data-state={previewState === 'idle' ? 'loading' : previewState}
      data-preset={preview?.preset.id ?? ''}
    >
      <div className="preview__bar">
        {preview ? (
          <PreviewSummary preview={preview} />
        ) : previewState === 'error' ? null : (
          <span className="muted">{t('import.preview.loading')}</span>
        )}
        <div className="preview__start">
          {previewState === 'loading' ? <Spinner label={t('import.preview.loading')} /> : null}
          <button
            type="button"
            className="button button--primary"
            disabled={!ready || missing.length > 0 || ordersMissing > 0}
            title={missing.length > 0 ? t('import.preview.fixFirst') : undefined}
            onClick={onStart}
            data-testid="import-start"
          >
            {t('import.start')}
          </button>
        </div>
      </div>
      {previewState === 'error' && previewError ? (
        <ErrorMessage error={previewError} onRetry={retryPreview} />
      ) : null}
      {preview ? (
        <div className={previewState === 'loading' ? 'preview__body is-stale' : 'preview__body'}>
          <PreviewControls preview={preview} />
          {preview.kind === 'calls' ? <ImportReading preview={preview} /> : null}
          {preview.kind === 'orders' ? <OrderPreviewBody preview={preview} /> : null}
          {preview.kind === 'calls' && missing.length > 0 ? (
            <p className="preview__missing" role="alert" data-testid="preview-missing">
              {t('import.preview.missing', {
                fields: missing.map((c) => t(`import.field.${c.field}`)).join(t('list.separator')),
              })}
            </p>
          ) : null}
          {preview.kind === 'calls' && preview.problem ? (
            <p className="preview__missing" role="alert" data-testid="preview-problem">
              {messageIn(t, language, preview.problem.message, preview.problem.code)}
            </p>
          ) : null}
          {preview.kind === 'calls' ? (
            <>
              <div className="preview__mapping">
                <ColumnMapping preview={preview} />
                <ValueMapping preview={preview} />
              </div>
              <EndpointMapping preview={preview} />
              <PreviewRows preview={preview} />
            </>
          ) : null}
        </div>
      ) : previewState !== 'error' ? (
        <SkeletonBlock lines={6} />
      ) : null}
    </section>
  );
}

/** Detected layout (with confidence), encoding, delimiter or sheet, header row, saved mapping. */
function PreviewSummary({ preview }: { preview: Preview }) {
  const t = useT();
  const f = useFormat();
  const confidence = preview.candidates.find((c) => c.id === preview.preset.id)?.confidence ?? 0;
  // The confidence is the layout's own reading; with chosen (or saved) columns or values it says little.
  const choices = useImport((s) => s.choices);
  const mapped =
    preview.profile !== null ||
    Boolean(choices.columns || choices.orderColumns || choices.dispositions || choices.outcomes);
  const sampledOk = preview.sampled - preview.sampledRejected;
  const delimiter =
    preview.delimiter === '\t'
      ? t('import.preview.tab')
      : preview.delimiter === ' '
        ? t('import.preview.space')
        : preview.delimiter;
  return (
    <div className="preview__summary">
      <dl className="preview__facts">
        <div>
          <dt>{t('import.preview.detected')}</dt>
          <dd data-testid="preview-detected">
            {mapped ? (
              <>
                {presetLabel(t, preview.preset.id, preview.preset.name)}{' '}
                <span className="muted">{t('import.preview.custom')}</span>
              </>
            ) : (
              t('import.preview.confidence', {
                name: presetLabel(t, preview.preset.id, preview.preset.name),
                percent: f.percent(confidence, 0),
              })
            )}
          </dd>
        </div>
        {preview.encoding ? (
          <div>
            <dt>{t('import.preview.encoding')}</dt>
            <dd>{preview.encoding.toUpperCase()}</dd>
          </div>
        ) : null}
        {preview.sheet !== null ? (
          <div>
            <dt>{t('import.preview.sheet')}</dt>
            <dd data-testid="preview-sheet">{preview.sheet}</dd>
          </div>
        ) : delimiter ? (
          <div>
            <dt>{t('import.preview.delimiter')}</dt>
            <dd>
              <code>{delimiter}</code>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('import.preview.header')}</dt>
          <dd>{preview.hasHeader ? t('import.preview.yes') : t('import.preview.no')}</dd>
        </div>
        {preview.profile ? (
          <div>
            <dd
              className="badge badge--done"
              title={t('import.preview.profileHint', { date: f.dateTime(preview.profile.savedAt) })}
              data-testid="preview-profile"
            >
              {t('import.preview.profile')}
            </dd>
          </div>
        ) : null}
      </dl>
      <p
        className={preview.sampledRejected > 0 ? 'preview__count has-rejects' : 'preview__count'}
        data-testid="preview-summary"
        data-sampled={preview.sampled}
        data-rejected={preview.sampledRejected}
      >
        {preview.sampled === 0
          ? t('import.preview.noRows')
          : t('import.preview.summary', {
              ok: f.count(sampledOk),
              sampled: f.count(preview.sampled),
              rejected: f.count(preview.sampledRejected),
            })}
      </p>
      {preview.people ? <PeopleEffect effect={preview.people} /> : null}
    </div>
  );
}

/** Layout, header row and time zone: the choices that change how the whole file is read. */
function PreviewControls({ preview }: { preview: Preview }) {
  const t = useT();
  const f = useFormat();
  const { setLayout, setHasHeader } = useImport();
  // What was chosen shows at once, before the preview for it comes back.
  const chosen = useImport((s) => s.choices);
  return (
    <div className="preview__controls">
      <Field label={t('import.preview.layout')}>
        <select
          className="select"
          value={chosen.preset ?? preview.preset.id}
          onChange={(e) => setLayout(e.target.value)}
          data-testid="preview-layout"
        >
          {preview.candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {t('import.preview.confidence', {
                name: presetLabel(t, c.id, c.name),
                percent: f.percent(c.confidence, 0),
              })}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox preview__header-toggle">
        <input
          type="checkbox"
          checked={chosen.hasHeader ?? preview.hasHeader}
          onChange={(e) => setHasHeader(e.target.checked)}
          data-testid="preview-has-header"
        />
        <span>{t('import.preview.hasHeader')}</span>
      </label>
      <ImportTimeZone />
    </div>
  );
}

/** One row per call field (required ones first): which column of the file holds it. */
function ColumnMapping({ preview }: { preview: Preview }) {
  const t = useT();
  const setColumn = useImport((s) => s.setColumn);
  const chosen = useImport((s) => s.choices.columns);
  const f = useFormat();
  // What each column looks like and how sure the proposal is, read from the file's content.
  const inferred = useMemo(
    () => new Map((preview.inferred ?? []).map((g) => [g.column, g])),
    [preview.inferred],
  );
  const noteFor = (column: number | null): string | undefined => {
    const guess = column === null ? undefined : inferred.get(column);
    if (!guess || guess.kind === 'empty') return undefined;
    const kind = t(`import.infer.kind.${guess.kind}` as InferKindKey);
    return guess.confidence > 0
      ? `${kind} · ${t('import.infer.confidence', { percent: f.percent(guess.confidence, 0) })}`
      : kind;
  };
  const rows = useMemo(() => {
    const byField = new Map(preview.columns.map((c) => [c.field, c]));
    const ordered = CALL_FIELDS.map(
      (field) => byField.get(field) ?? { field, column: null, required: false },
    );
    return [...ordered.filter((c) => c.required), ...ordered.filter((c) => !c.required)];
  }, [preview.columns]);
  return (
    <ColumnMappingTable
      title={t('import.preview.columns')}
      hint={t('import.preview.columnsHint')}
      preview={preview}
      rows={rows.map((c) => ({
        ...c,
        label: t(`import.field.${c.field}` as FieldKey),
        // What was chosen shows at once, before the preview for it comes back.
        column: chosen && c.field in chosen ? (chosen[c.field] ?? null) : c.column,
        missing: c.required && c.column === null,
        note: noteFor(chosen && c.field in chosen ? (chosen[c.field] ?? null) : c.column),
      }))}
      onChange={(field, column) => setColumn(field as CallField, column)}
    />
  );
}

type FieldKey = `import.field.${CallField}`;
type InferKindKey =
  `import.infer.kind.${'empty' | 'instant' | 'date' | 'time' | 'duration' | 'phone' | 'extension' | 'agent' | 'status' | 'amount' | 'id' | 'name' | 'text'}`;
