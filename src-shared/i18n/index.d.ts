/** Message lookup and locale-aware number, duration and money formatting. */
import type { Language } from '../domain';
import { type MessageKey } from './en';
export type { MessageKey } from './en';
export type MessageParams = Record<string, string | number>;
export declare function translate(language: Language, key: MessageKey, params?: MessageParams): string;
/** The UI language for the OS/browser preferences: Chinese of any region reads zh-CN, else English. */
export declare function languageFor(preferred: readonly string[]): Language;
/** Counts: grouped digits; in zh-CN, 万 from 100,000 up (as Chinese reports write them). */
export declare function formatCount(language: Language, n: number): string;
export declare function formatPercent(language: Language, rate: number | null, digits?: number): string | null;
/** Durations as talk-time reports write them: `3分25秒` / `1时02分`, `3m 25s` / `1h 02m`. */
export declare function formatDuration(language: Language, totalSeconds: number | null): string | null;
/** Money from integer minor units. Large zh-CN amounts use 万. */
export declare function formatMoney(language: Language, minorUnits: number | null, currency: string): string | null;
