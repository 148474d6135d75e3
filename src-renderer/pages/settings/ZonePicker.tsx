/**
 * The time-zone picker: a search box over a short list. Finds a zone by city in English or Chinese
 * ("shanghai", "北京", "东京"), by IANA name, or by offset ("+8", "UTC-5", "+5:30").
 */
import { useMemo, useState } from 'react';
import { useLanguage, useT } from '../../i18n/language';
import { searchZones, zoneOptions } from './time-zones';

interface ZonePickerProps {
  value: string;
  onChange(zone: string): void;
  disabled?: boolean;
  testId?: string;
}

export function ZonePicker({ value, onChange, disabled, testId = 'settings-timezone' }: ZonePickerProps) {
  const t = useT();
  const language = useLanguage();
  const [query, setQuery] = useState('');
  // Offsets as of when the page opened: the list does not reorder under the user's hands.
  const [openedAt] = useState(() => Date.now());
  const options = useMemo(() => zoneOptions(language, value, openedAt), [language, value, openedAt]);
  const found = useMemo(() => searchZones(options, query), [options, query]);
  // The chosen zone stays visible (and selected) whatever the search shows.
  const shown = found.some((o) => o.id === value)
    ? found
    : [...options.filter((o) => o.id === value), ...found];
  return (
    <div className="zone-picker">
      <input
        type="search"
        className="input zone-picker__search"
        value={query}
        placeholder={t('zone.search')}
        aria-label={t('zone.search')}
        onChange={(e) => {
          setQuery(e.target.value);
          const first = searchZones(options, e.target.value)[0];
          // Typing narrows and picks the best match, so Enter-less searching works.
          if (first && e.target.value.trim() !== '') onChange(first.id);
        }}
        disabled={disabled}
        data-testid="zone-search"
      />
      <select
        className="select zone-picker__list"
        size={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        data-testid={testId}
      >
        {shown.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <span className="field__hint" aria-live="polite" data-testid="zone-matches">
        {found.length === 0 ? t('zone.noMatch', { query }) : t('zone.matches', { count: found.length })}
      </span>
    </div>
  );
}
