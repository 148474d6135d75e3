/**
 * The explorer's own filters under the dashboard filter bar: call results and outcomes (toggle
 * chips, several at once), direction, and a talk-time range typed as seconds or m:ss.
 */
import { useState, type ReactNode } from 'react';
import { DIRECTIONS, DISPOSITIONS, OUTCOMES, type Direction } from '../../../src-shared/domain';
import { useT } from '../../i18n/language';
import { hasNarrowing, useCallsFilters } from '../../stores/calls-filters';
import { formatClock, parseClock } from './clock';

export function CallsNarrowing() {
  const t = useT();
  const s = useCallsFilters();
  return (
    <div className="calls-narrowing" role="group" aria-label={t('calls.filter.label')}>
      <ChipGroup label={t('calls.filter.dispositions')}>
        {DISPOSITIONS.map((d) => (
          <Chip
            key={d}
            pressed={s.dispositions.includes(d)}
            onClick={() => s.toggleDisposition(d)}
            testId={`calls-disposition-${d}`}
          >
            {t(`import.disposition.${d}`)}
          </Chip>
        ))}
      </ChipGroup>
      <ChipGroup label={t('calls.filter.outcomes')}>
        {OUTCOMES.map((o) => (
          <Chip
            key={o}
            pressed={s.outcomes.includes(o)}
            onClick={() => s.toggleOutcome(o)}
            testId={`calls-outcome-${o}`}
          >
            {t(`import.outcome.${o}`)}
          </Chip>
        ))}
      </ChipGroup>
      <div className="calls-narrowing__group">
        <select
          className="select calls-narrowing__direction"
          aria-label={t('calls.filter.direction')}
          value={s.direction ?? ''}
          onChange={(e) => s.setDirection(DIRECTIONS.find((d) => d === e.target.value) ?? null)}
          data-testid="calls-direction"
        >
          <option value="">{t('calls.filter.anyDirection')}</option>
          {DIRECTIONS.map((d: Direction) => (
            <option key={d} value={d}>
              {t(`calls.directionLong.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="calls-narrowing__group calls-narrowing__talk">
        <span className="calls-narrowing__label" id="calls-talk-label">
          {t('calls.filter.talk')}
        </span>
        {/* Keyed on the stored value: "clear" (or another tab) resets the typed text. */}
        <TalkBound
          key={`min-${s.talkMin}`}
          value={s.talkMin}
          onCommit={s.setTalkMin}
          placeholder={t('calls.filter.talkPlaceholderMin')}
          label={t('calls.filter.talkMin')}
          testId="calls-talk-min"
        />
        <span className="filter-bar__dash" aria-hidden="true">
          –
        </span>
        <TalkBound
          key={`max-${s.talkMax}`}
          value={s.talkMax}
          onCommit={s.setTalkMax}
          placeholder={t('calls.filter.talkPlaceholderMax')}
          label={t('calls.filter.talkMax')}
          testId="calls-talk-max"
        />
      </div>
      {hasNarrowing(s) ? (
        <button type="button" className="button button--small" onClick={s.clear} data-testid="calls-clear">
          {t('calls.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}

function ChipGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="calls-narrowing__group" role="group" aria-label={label}>
      <span className="calls-narrowing__label" aria-hidden="true">
        {label}
      </span>
      <div className="chips">{children}</div>
    </div>
  );
}

function Chip({
  pressed,
  onClick,
  testId,
  children,
}: {
  pressed: boolean;
  onClick(): void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={pressed ? 'chip is-on' : 'chip'}
      aria-pressed={pressed}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

/** A talk-time bound: typed freely, applied on Enter or when focus leaves; shown back as m:ss. */
function TalkBound({
  value,
  onCommit,
  placeholder,
  label,
  testId,
}: {
  value: number | null;
  onCommit(seconds: number | null): void;
  placeholder: string;
  label: string;
  testId: string;
}) {
  const t = useT();
  const [text, setText] = useState(value === null ? '' : formatClock(value));
  const parsed = parseClock(text);
  const invalid = parsed === undefined;
  const commit = () => {
    if (parsed !== undefined && parsed !== value) onCommit(parsed);
  };
  return (
    <input
      type="text"
      inputMode="numeric"
      className={invalid ? 'input calls-narrowing__seconds is-invalid' : 'input calls-narrowing__seconds'}
      value={text}
      placeholder={placeholder}
      aria-label={label}
      aria-invalid={invalid}
      title={invalid ? t('calls.filter.talkInvalid') : t('calls.filter.talkHint')}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      data-testid={testId}
    />
  );
}
