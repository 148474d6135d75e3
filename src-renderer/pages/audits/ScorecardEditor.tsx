/**
 * The scorecard editor (评分表编辑): name, scoring and pass mark, sections and items, with the
 * weights' live total and every problem named by its section and item beside the Save button.
 * Saving an existing scorecard adds its next version (audits already scored keep the version they
 * used); a new scorecard starts from a copy of one, a built-in template or a blank card.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ScorecardVersion } from '../../../src-shared/api';
import type { ScorecardDefinition } from '../../../src-shared/scorecard';
import {
  addSection,
  blankScorecard,
  draftProblems,
  finishDraft,
  sameDefinition,
  weightSummary,
  type DraftProblem,
} from '../../../src-shared/scorecard-edit';
import { call } from '../../api/client';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useLanguage, useT, type Translate } from '../../i18n/language';
import type { EditorTarget } from './editor-route';
import { fieldId, ScorecardSectionEditor } from './ScorecardSectionEditor';

interface EditorProps {
  target: EditorTarget;
  cards: ScorecardVersion[];
  /** back to the Audits page; `saved` is the version just saved, if any */
  onClose(saved: ScorecardVersion | null): void;
}

export function ScorecardEditor({ target, cards, onClose }: EditorProps) {
  const t = useT();
  const editing = target.kind === 'edit' ? cards.find((c) => c.scorecardId === target.scorecardId) : null;
  if (target.kind === 'edit' && !editing)
    return (
      <div className="page page--audits">
        <button type="button" className="link-button" onClick={() => onClose(null)}>
          ← {t('audits.title')}
        </button>
        <p className="muted">{t('audits.editor.notFound')}</p>
      </div>
    );
  return editing ? (
    <DraftEditor key={editing.versionId} base={editing} start={editing.definition} onClose={onClose} />
  ) : (
    <NewScorecard cards={cards} onClose={onClose} />
  );
}

/** A new scorecard: choose what to start from, then edit the copy. */
function NewScorecard({ cards, onClose }: Pick<EditorProps, 'cards' | 'onClose'>) {
  const t = useT();
  const language = useLanguage();
  const templates = useApiQuery('scorecards.templates', { language });
  const [source, setSource] = useState(() => (cards[0] ? `card:${cards[0].versionId}` : 'blank'));
  const start = useMemo((): ScorecardDefinition | null => {
    if (source === 'blank') return blankScorecard(t('audits.editor.newName'), '');
    if (source.startsWith('card:')) {
      const card = cards.find((c) => `card:${c.versionId}` === source);
      return card
        ? { ...card.definition, name: t('audits.editor.copyName', { name: card.definition.name }) }
        : null;
    }
    return templates.data?.find((tpl) => `template:${tpl.id}` === source)?.definition ?? null;
  }, [source, cards, templates.data, t]);

  const chooser = (
    <Field label={t('audits.editor.startFrom')} className="scorecard-editor__source">
      <select
        className="select"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        data-testid="editor-source"
      >
        <optgroup label={t('audits.editor.copyOf')}>
          {cards.map((c) => (
            <option key={c.versionId} value={`card:${c.versionId}`}>
              {c.name} · {t('audits.version', { version: c.version })}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('audits.editor.templates')}>
          {(templates.data ?? []).map((tpl) => (
            <option key={tpl.id} value={`template:${tpl.id}`}>
              {tpl.definition.name}
            </option>
          ))}
        </optgroup>
        <option value="blank">{t('audits.editor.blank')}</option>
      </select>
    </Field>
  );
  if (templates.error) return <ErrorMessage error={templates.error} onRetry={templates.reload} />;
  if (!start) return null;
  // Keyed by the source: choosing another starting point starts a fresh draft.
  return <DraftEditor key={source} base={null} start={start} chooser={chooser} onClose={onClose} />;
}

function DraftEditor({
  base,
  start,
  chooser,
  onClose,
}: {
  /** the scorecard whose next version this becomes; null: a new scorecard */
  base: ScorecardVersion | null;
  start: ScorecardDefinition;
  chooser?: ReactNode;
  onClose: EditorProps['onClose'];
}) {
  const t = useT();
  const f = useFormat();
  const [draft, setDraft] = useState(start);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiCallError | string | null>(null);
  /** the discard question is open: back to the Audits page (null) or to the link the user clicked */
  const [leaving, setLeaving] = useState<{ to: string | null } | null>(null);
  const problems = useMemo(() => draftProblems(draft), [draft]);
  const weights = useMemo(() => weightSummary(draft), [draft]);
  const dirty = !sameDefinition(draft, start);
  /** an existing card saved unchanged would only repeat its version */
  const unchanged = base !== null && !dirty;
  // The editor opens from the foot of the Audits page: start reading at its top.
  useEffect(() => {
    document.querySelector('main')?.scrollTo(0, 0);
  }, []);

  const save = async () => {
    const finished = finishDraft(draft);
    if (!finished.ok) return setError(finished.error);
    setSaving(true);
    setError(null);
    try {
      const saved = await call(
        'scorecards.save',
        base
          ? { scorecardId: base.scorecardId, definition: finished.definition }
          : { definition: finished.definition },
      );
      onClose(saved);
    } catch (err) {
      setError(toApiCallError(err));
      setSaving(false);
    }
  };
  const back = () => (dirty ? setLeaving({ to: null }) : onClose(null));
  // A link elsewhere in the app (the sidebar, say) would drop the draft without a word: ask first.
  useEffect(() => {
    if (!dirty) return;
    const onClick = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null;
      const to = link?.getAttribute('href');
      if (!to || to === window.location.hash) return;
      e.preventDefault();
      setLeaving({ to });
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [dirty]);
  const discard = () => {
    if (leaving?.to) window.location.hash = leaving.to;
    else onClose(null);
  };

  return (
    <div className="page page--audits page--scorecard-editor" data-testid="scorecard-editor">
      <header className="page__header">
        <button
          type="button"
          className="link-button scorecard-editor__back"
          onClick={back}
          data-testid="editor-back"
        >
          ← {t('audits.title')}
        </button>
        <h1 className="page__title">
          {base ? t('audits.editor.editTitle', { name: base.name }) : t('audits.editor.newTitle')}
        </h1>
        <p className="page__lead">
          {base
            ? t('audits.editor.versionLead', { version: base.version, next: base.version + 1 })
            : t('audits.editor.newLead')}
        </p>
      </header>
      <div className="scorecard-editor">
        <div className="scorecard-editor__main">
          <Panel title={t('audits.editor.general')} className="scorecard-editor__general">
            <div className="scorecard-editor__fields">
              {chooser}
              <Field label={t('audits.editor.name')} className="scorecard-editor__name">
                <input
                  id="scorecard-name"
                  className={problems.some((p) => p.code === 'name.empty') ? 'input is-invalid' : 'input'}
                  value={draft.name}
                  maxLength={120}
                  onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                  data-testid="editor-name"
                />
              </Field>
              <Field label={t('audits.editor.scoring')}>
                <select
                  className="select"
                  value={draft.scoring}
                  onChange={(e) =>
                    setDraft({ ...draft, scoring: e.target.value === 'weights' ? 'weights' : 'points' })
                  }
                  data-testid="editor-scoring"
                >
                  <option value="points">{t('audits.editor.scoringPoints')}</option>
                  <option value="weights">{t('audits.editor.scoringWeights')}</option>
                </select>
              </Field>
              <Field label={t('audits.editor.passMark')}>
                <input
                  id="scorecard-pass-mark"
                  className={
                    problems.some((p) => p.code === 'passMark.range')
                      ? 'input input--narrow is-invalid'
                      : 'input input--narrow'
                  }
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  placeholder={t('audits.editor.passMarkNone')}
                  value={draft.passMark === null || Number.isNaN(draft.passMark) ? '' : draft.passMark}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      passMark: e.target.value.trim() === '' ? null : e.target.valueAsNumber,
                    })
                  }
                  data-testid="editor-pass-mark"
                />
              </Field>
              <Field label={t('audits.editor.description')} className="scorecard-editor__description">
                <input
                  className="input"
                  value={draft.description}
                  maxLength={2000}
                  onChange={(e) => setDraft({ ...draft, description: e.target.value })}
                />
              </Field>
            </div>
            <p className="field__hint">
              {t(draft.scoring === 'points' ? 'audits.editor.pointsHint' : 'audits.editor.weightsHint')}
            </p>
          </Panel>
          {draft.sections.map((_, s) => (
            <ScorecardSectionEditor
              key={draft.sections[s]!.key}
              card={draft}
              s={s}
              weights={weights}
              problems={problems}
              onChange={setDraft}
            />
          ))}
          <button
            type="button"
            className="button"
            onClick={() => setDraft(addSection(draft))}
            data-testid="editor-add-section"
          >
            + {t('audits.editor.addSection')}
          </button>
        </div>
        <aside className="panel scorecard-editor__side" data-testid="editor-side">
          <h2 className="panel__title">{t('audits.editor.weights')}</h2>
          <p className="scorecard-editor__total" data-testid="editor-total" data-total={weights.total}>
            {t(draft.scoring === 'points' ? 'audits.editor.totalPoints' : 'audits.editor.totalWeights', {
              total: String(Math.round(weights.total * 100) / 100),
            })}
          </p>
          <ol className="scorecard-editor__bars">
            {draft.sections.map((section, s) => (
              <li key={section.key}>
                <span className="scorecard-editor__bar-label">
                  {section.title.trim() || t('audits.editor.sectionN', { n: s + 1 })}
                </span>
                <span className="scorecard-editor__bar-value">
                  {f.percent((weights.sections[s] ?? 0) / 100, 0)}
                </span>
                <span className="scorecard-editor__bar" aria-hidden="true">
                  <span style={{ width: `${weights.sections[s] ?? 0}%` }} />
                </span>
              </li>
            ))}
          </ol>
          <ProblemList problems={problems} card={draft} />
          {typeof error === 'string' ? (
            <p className="scorecard-editor__error" role="alert">
              {error}
            </p>
          ) : error ? (
            <ErrorMessage error={error} compact />
          ) : null}
          {leaving ? (
            <div className="scorecard-editor__leave" role="alert" data-testid="editor-leave">
              <p>{t('audits.editor.discardQuestion')}</p>
              <button type="button" className="button button--danger button--small" onClick={discard}>
                {t('audits.editor.discard')}
              </button>{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => setLeaving(null)}
                // the question appears away from the link that was clicked: keep the keyboard with it
                autoFocus
              >
                {t('audits.editor.keepEditing')}
              </button>
            </div>
          ) : null}
          <div className="scorecard-editor__save">
            <button
              type="button"
              className="button button--primary"
              disabled={saving || problems.length > 0 || unchanged}
              onClick={() => void save()}
              data-testid="editor-save"
            >
              {saving
                ? t('audits.editor.saving')
                : base
                  ? t('audits.editor.saveVersion', { version: base.version + 1 })
                  : t('audits.editor.saveNew')}
            </button>
            <button type="button" className="button" onClick={back}>
              {t('audits.editor.cancel')}
            </button>
          </div>
          {unchanged ? <p className="field__hint">{t('audits.editor.unchanged')}</p> : null}
        </aside>
      </div>
    </div>
  );
}

/** Where a problem is, in words: “Budget” in “Needs discovery”, or item 3 of section 2. */
function problemText(t: Translate, card: ScorecardDefinition, problem: DraftProblem): string {
  const section = problem.section === undefined ? undefined : card.sections[problem.section];
  const sectionName = section
    ? section.title.trim()
      ? `“${section.title.trim()}”`
      : t('audits.editor.sectionN', { n: problem.section! + 1 })
    : '';
  const item = problem.item === undefined ? undefined : section?.items[problem.item];
  const itemName = item
    ? item.label.trim()
      ? `“${item.label.trim()}”`
      : t('audits.editor.itemN', { n: problem.item! + 1 })
    : '';
  return t(`audits.editor.problem.${problem.code}`, { section: sectionName, item: itemName });
}

function problemField(problem: DraftProblem): string | null {
  if (problem.code === 'name.empty') return 'scorecard-name';
  if (problem.code === 'passMark.range') return 'scorecard-pass-mark';
  if (problem.section === undefined) return null;
  if (problem.item !== undefined)
    return fieldId(problem.section, problem.item, problem.code === 'item.points' ? 'points' : 'label');
  return fieldId(problem.section, null, problem.code === 'section.weight' ? 'weight' : 'title');
}

function ProblemList({ problems, card }: { problems: DraftProblem[]; card: ScorecardDefinition }) {
  const t = useT();
  if (problems.length === 0)
    return (
      <p className="scorecard-editor__ok" data-testid="editor-problems" data-count={0}>
        ✓ {t('audits.editor.noProblems')}
      </p>
    );
  return (
    <div className="scorecard-editor__problems" data-testid="editor-problems" data-count={problems.length}>
      <p className="scorecard-editor__problems-title">
        {t('audits.editor.problems', { count: problems.length })}
      </p>
      <ul>
        {problems.map((problem, n) => {
          const field = problemField(problem);
          return (
            <li key={n} data-testid="editor-problem" data-code={problem.code}>
              <button
                type="button"
                className="link-button"
                disabled={field === null}
                onClick={() => field && document.getElementById(field)?.focus()}
              >
                {problemText(t, card, problem)}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
