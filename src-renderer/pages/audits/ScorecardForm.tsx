/**
 * The scorecard as a form: sections, items with their guidance, and an answer per item. One item
 * has the keyboard focus (highlighted); answering moves on to the next.
 */
import { useEffect, useRef, useState } from 'react';
import {
  sectionShares,
  type AnswerValue,
  type Answers,
  type ScorecardDefinition,
  type ScorecardItem,
} from '../../../src-shared/scorecard';
import { useFormat, useT } from '../../i18n/language';

interface ScorecardFormProps {
  card: ScorecardDefinition;
  answers: Answers;
  focused: number;
  readOnly: boolean;
  onFocus(index: number): void;
  onAnswer(key: string, value: AnswerValue): void;
  /** item key → the reviewer's comment on it */
  comments: Readonly<Record<string, string>>;
  onComment(key: string, text: string): void;
  /** comments shown but not editable while the answers are (a dispute's revision sends answers only) */
  commentsReadOnly?: boolean;
}

export function ScorecardForm({
  card,
  answers,
  focused,
  readOnly,
  onFocus,
  onAnswer,
  comments,
  onComment,
  commentsReadOnly = false,
}: ScorecardFormProps) {
  const t = useT();
  const f = useFormat();
  const shares = sectionShares(card);
  // Items are focused by their position over all sections: where each section's items start.
  const starts = card.sections.map((_, s) =>
    card.sections.slice(0, s).reduce((sum, section) => sum + section.items.length, 0),
  );
  return (
    <div className="scorecard-form" data-testid="scorecard-form">
      {card.sections.map((section, s) => (
        <section key={section.key} className="scorecard-form__section">
          <header className="scorecard-form__section-head">
            <h3>{section.title}</h3>
            <span className="muted">
              {t('audits.section.share', { share: f.percent((shares[section.key] ?? 0) / 100, 0) })}
            </span>
          </header>
          <ol className="scorecard-form__items">
            {section.items.map((item, n) => {
              const i = starts[s]! + n;
              return (
                <ItemRow
                  key={item.key}
                  item={item}
                  value={answers[item.key]}
                  focused={i === focused}
                  readOnly={readOnly}
                  commentsReadOnly={readOnly || commentsReadOnly}
                  onFocus={() => onFocus(i)}
                  onAnswer={(value) => onAnswer(item.key, value)}
                  comment={comments[item.key] ?? ''}
                  onComment={(text) => onComment(item.key, text)}
                />
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

function ItemRow({
  item,
  value,
  focused,
  readOnly,
  commentsReadOnly,
  onFocus,
  onAnswer,
  comment,
  onComment,
}: {
  item: ScorecardItem;
  value: AnswerValue | undefined;
  focused: boolean;
  readOnly: boolean;
  commentsReadOnly: boolean;
  onFocus(): void;
  onAnswer(value: AnswerValue): void;
  comment: string;
  onComment(text: string): void;
}) {
  const t = useT();
  const row = useRef<HTMLLIElement>(null);
  // The comment box opens on demand (or when there is one), so twenty items stay one screen.
  const [commenting, setCommenting] = useState(false);
  const showComment = comment !== '' || (commenting && !commentsReadOnly);
  useEffect(() => {
    if (focused) row.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  const choices: { value: AnswerValue; label: string }[] =
    item.type === 'yesno'
      ? [
          { value: 'yes', label: t('audits.answer.yes') },
          { value: 'no', label: t('audits.answer.no') },
        ]
      : (['1', '2', '3', '4', '5'] as const).map((v) => ({ value: v, label: v }));
  if (item.allowNA) choices.push({ value: 'na', label: t('audits.answer.na') });

  return (
    <li
      ref={row}
      className={focused ? 'scorecard-item is-focused' : 'scorecard-item'}
      onClick={onFocus}
      data-testid="scorecard-item"
      data-key={item.key}
      data-value={value ?? ''}
      aria-current={focused ? 'true' : undefined}
    >
      <div className="scorecard-item__text">
        <span className="scorecard-item__label">
          {item.label}
          {item.critical ? (
            <span className="badge badge--failed scorecard-item__critical">{t('audits.form.critical')}</span>
          ) : null}
        </span>
        {item.guidance && focused ? <span className="scorecard-item__guidance">{item.guidance}</span> : null}
        {showComment && commentsReadOnly ? (
          <p className="scorecard-item__comment" data-testid="item-comment">
            {comment}
          </p>
        ) : null}
        {showComment && !commentsReadOnly ? (
          <textarea
            className="input scorecard-item__comment-input"
            rows={2}
            maxLength={2000}
            value={comment}
            aria-label={t('audits.comment.itemOn', { item: item.label })}
            placeholder={t('audits.comment.itemOn', { item: item.label })}
            onChange={(e) => onComment(e.target.value)}
            onClick={(e) => e.stopPropagation()}
            data-testid="item-comment-input"
            autoFocus={commenting && comment === ''}
          />
        ) : null}
      </div>
      {!commentsReadOnly && !showComment ? (
        <button
          type="button"
          className="link-button scorecard-item__comment-add"
          onClick={(e) => {
            e.stopPropagation();
            setCommenting(true);
          }}
          title={t('audits.comment.itemOn', { item: item.label })}
          data-testid="item-comment-add"
        >
          {t('audits.comment.item')}
        </button>
      ) : null}
      <div className="segmented scorecard-item__answers" role="group" aria-label={item.label}>
        {choices.map((choice) => {
          const chosen = value === choice.value;
          const bad = chosen && (choice.value === 'no' || choice.value === '1');
          return (
            <button
              key={choice.value}
              type="button"
              className={[
                'segmented__item',
                chosen ? 'is-active' : '',
                bad ? 'is-bad-answer' : '',
                choice.value === 'na' ? 'is-na' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              aria-pressed={chosen}
              disabled={readOnly}
              onClick={(e) => {
                e.stopPropagation();
                onFocus();
                onAnswer(choice.value);
              }}
            >
              {choice.label}
            </button>
          );
        })}
      </div>
    </li>
  );
}
