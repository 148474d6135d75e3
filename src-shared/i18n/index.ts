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

/**
 * How one column of numbers is written: every row in the same unit and precision, so a column
 * reads down without "¥10.11万" above "¥63,772" or "¥3,836" above "¥112.94". A single value (a
 * tile) picks its own style; a table asks `columnStyle` for the style of all its values.
 */
export interface ColumnStyle {
  /** zh-CN: in 万 (a value reached 100,000) */
  wan: boolean;
  /** money: two decimals (some amount has cents and none is in 万) */
  cents: boolean;
}

/** The style that fits every value of a column (money in minor units: fen/cents). */
export function columnStyle(
  language: Language,
  values: readonly (number | null)[],
  kind: 'count' | 'money',
): ColumnStyle {
  const divisor = kind === 'money' ? 100 : 1;
  const present = values.filter((v): v is number => v !== null);
  const wan = language === 'zh-CN' && present.some((v) => Math.abs(v / divisor) >= 100_000);
  // Money with cents below 1,000 keeps them; from 1,000 up the cents are noise (as for a tile).
  const cents =
    kind === 'money' &&
    !wan &&
    present.some((v) => v % 100 !== 0) &&
    present.every((v) => Math.abs(v / 100) < 1000);
  return { wan, cents };
}

/** Counts: grouped digits; in zh-CN, 万 from 100,000 up (as Chinese reports write them). */
export function formatCount(language: Language, n: number, style?: ColumnStyle): string {
  const wan = style ? style.wan : language === 'zh-CN' && Math.abs(n) >= 100_000;
  if (wan) {
    // In a column every value keeps one decimal so they align; alone, trailing zeros go.
    const digits = { minimumFractionDigits: style ? 1 : 0, maximumFractionDigits: 1 };
    return `${numberFormat(language, digits).format(n / 10_000)}万`;
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

/**
 * A share of a goal (attainment, pace), floored to the digits shown: 99.96 % must not read
 * "100 %" beside a colour that says the goal is not met. (The 1e-9 absorbs float error such as
 * 0.29 * 100 = 28.999….)
 */
export function formatAttainment(language: Language, rate: number | null, digits = 0): string | null {
  if (rate === null) return null;
  const scale = 10 ** (digits + 2);
  return formatPercent(language, Math.floor(rate * scale + 1e-9) / scale, digits);
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

/** Money from integer minor units. Large zh-CN amounts use 万; `style` makes a column consistent. */
export function formatMoney(
  language: Language,
  minorUnits: number | null,
  currency: string,
  style?: ColumnStyle,
): string | null {
  if (minorUnits === null) return null;
  const major = minorUnits / 100;
  const wan = style ? style.wan : language === 'zh-CN' && Math.abs(major) >= 100_000;
  if (wan) {
    const symbol = currency === 'CNY' ? '¥' : `${currency} `;
    const digits = { minimumFractionDigits: style ? 2 : 0, maximumFractionDigits: 2 };
    return `${symbol}${numberFormat(language, digits).format(major / 10_000)}万`;
  }
  // Alone: whole amounts (and anything from 1,000 up) without cents: 0.00 and 1,999.00 read as noise.
  const cents = style ? style.cents : !Number.isInteger(major) && Math.abs(major) < 1000;
  return numberFormat(language, {
    style: 'currency',
    currency,
    ...(cents
      ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
      : { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  }).format(major);
}
