/** The UI language and the bound message/format helpers every component uses. */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Language } from '../../src-shared/domain';
import {
  formatCount,
  formatDuration,
  formatMoney,
  columnStyle,
  formatPercent,
  formatAttainment,
  languageFor,
  translate,
  type MessageKey,
  type MessageParams,
} from '../../src-shared/i18n';
import type { KpiDefinition } from '../../src-shared/kpi';
import { useWorkspace } from '../stores/workspace';

function subscribeToSystemLanguage(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

function systemLanguages(): string {
  // A string snapshot: useSyncExternalStore needs a value that is stable between renders.
  return navigator.languages.join(',');
}

export function useLanguage(): Language {
  const setting = useWorkspace((s) => s.info?.settings.language ?? 'auto');
  const system = useSyncExternalStore(subscribeToSystemLanguage, systemLanguages);
  return setting === 'auto' ? languageFor(system.split(',')) : setting;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}

export interface Formatters {
  language: Language;
  count(n: number): string;
  percent(rate: number | null, digits?: number): string;
  /** Attainment or pace: floored, so a goal not met never reads 100 %. */
  attainment(rate: number | null, digits?: number): string;
  duration(seconds: number | null): string;
  money(minorUnits: number | null): string;
  /** A KPI value in its unit; null reads "no data". */
  kpi(unit: KpiDefinition['unit'], value: number | null): string;
  /** A formatter for one table column: every value in the same unit and precision. */
  column(unit: KpiDefinition['unit'], values: readonly (number | null)[]): (value: number | null) => string;
  /** `2026-11-03` -> `11-03`, the compact label of chart axes. */
  shortDay(day: string): string;
  /** `2026-11-03` -> `Tue, Nov 3, 2026` / `2026年11月3日 周二`. */
  longDay(day: string): string;
  /** An instant as wall-clock time in the workspace time zone. */
  dateTime(epochMs: number): string;
  /** An instant as wall-clock time of day (with seconds) in the workspace time zone. */
  time(epochMs: number): string;
  /** A file size: `840 KB`, `152.3 MB`. */
  bytes(n: number): string;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

export function useFormat(): Formatters {
  const language = useLanguage();
  const currency = useWorkspace((s) => s.info?.settings.currency ?? 'CNY');
  const timeZone = useWorkspace((s) => s.info?.settings.timeZone ?? 'UTC');
  return useMemo(() => {
    const noData = translate(language, 'common.noData');
    const longDayFormat = new Intl.DateTimeFormat(language, {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    const dateTimeFormat = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    const timeFormat = new Intl.DateTimeFormat(language, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    const f: Formatters = {
      language,
      count: (n) => formatCount(language, n),
      percent: (rate, digits) => formatPercent(language, rate, digits) ?? noData,
      attainment: (rate, digits) => formatAttainment(language, rate, digits) ?? noData,
      duration: (seconds) => formatDuration(language, seconds) ?? noData,
      money: (minor) => formatMoney(language, minor, currency) ?? noData,
      kpi(unit, value) {
        if (value === null) return noData;
        switch (unit) {
          case 'count':
            return f.count(value);
          case 'seconds':
            return f.duration(value);
          case 'money':
            return f.money(value);
          case 'rate':
            return f.percent(value);
        }
      },
      column(unit, values) {
        if (unit !== 'count' && unit !== 'money') return (value) => f.kpi(unit, value);
        const style = columnStyle(language, values, unit);
        return (value) => {
          if (value === null) return noData;
          return unit === 'money'
            ? (formatMoney(language, value, currency, style) ?? noData)
            : formatCount(language, value, style);
        };
      },
      shortDay: (day) => day.slice(5),
      // Days are calendar strings: format them at UTC noon so no zone can shift them.
      longDay: (day) => longDayFormat.format(new Date(`${day}T12:00:00Z`)),
      dateTime: (epochMs) => dateTimeFormat.format(new Date(epochMs)),
      time: (epochMs) => timeFormat.format(new Date(epochMs)),
      bytes(n) {
        let value = n;
        let unit = 0;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
          value /= 1024;
          unit++;
        }
        const digits = unit === 0 || value >= 100 ? 0 : 1;
        return `${value.toLocaleString(language, { maximumFractionDigits: digits })} ${BYTE_UNITS[unit]}`;
      },
    };
    return f;
  }, [language, currency, timeZone]);
}
