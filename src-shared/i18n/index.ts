/** Message lookup and locale-aware number, duration and money formatting. */
import type { Language } from '../domain';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey } from './en';

const catalogues: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type MessageParams = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The UI language for the OS/browser preferences: Chinese of any region reads zh-CN, else English. */
export function languageFor(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = language + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, options);
    numberFormats.set(key, f);
  }
  return f;
}

/** Counts: grouped digits; in zh-CN, 万 from 100,000 up (as Chinese reports write them). */
export function formatCount(language: Language, n: number): string {
  if (language === 'zh-CN' && Math.abs(n) >= 100_000) {
    return `${numberFormat(language, { maximumFractionDigits: 1 }).format(n / 10_000)}万`;
  }
  return numberFormat(language, { maximumFractionDigits: 0 }).format(n);
}

export function formatPercent(language: Language, rate: number | null, digits = 1): string | null {
  if (rate === null) return null;
  return numberFormat(language, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(rate);
}

/** Durations as talk-time reports write them: `3分25秒` / `1时02分`, `3m 25s` / `1h 02m`. */
export function formatDuration(language: Language, totalSeconds: number | null): string | null {
  if (totalSeconds === null) return null;
  const s = Math.round(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(sec).padStart(2, '0');
  if (language === 'zh-CN') {
    if (h > 0) return `${formatCount('en', h)}时${mm}分`;
    return m > 0 ? `${m}分${ss}秒` : `${sec}秒`;
  }
  if (h > 0) return `${formatCount('en', h)}h ${mm}m`;
  return m > 0 ? `${m}m ${ss}s` : `${sec}s`;
}

/** Money from integer minor units. Large zh-CN amounts use 万. */
export function formatMoney(language: Language, minorUnits: number | null, currency: string): string | null {
  if (minorUnits === null) return null;
  const major = minorUnits / 100;
  if (language === 'zh-CN' && Math.abs(major) >= 100_000) {
    const symbol = currency === 'CNY' ? '¥' : `${currency} `;
    return `${symbol}${numberFormat(language, { maximumFractionDigits: 2 }).format(major / 10_000)}万`;
  }
  return numberFormat(language, {
    style: 'currency',
    currency,
    // whole amounts (and anything from 1,000 up) without cents: 0.00 and 1,999.00 read as noise
    ...(Number.isInteger(major) || Math.abs(major) >= 1000
      ? { minimumFractionDigits: 0, maximumFractionDigits: 0 }
      : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  }).format(major);
}
