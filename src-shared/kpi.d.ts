/**
 * The single source of every KPI formula (DESIGN.md, "KPI definitions"). Counts are integers,
 * money is integer minor units (fen/cents), durations integer seconds. A rate whose denominator
 * is 0 is `null` ("no data"), never 0 and never NaN.
 */
import type { Disposition } from './domain';
/** The additive counts a rollup row carries; every KPI is derived from them. */
export interface KpiCounts {
  dials: number;
  connects: number;
  effective: number;
  talkSeconds: number;
  effectiveTalkSeconds: number;
  intents: number;
  sales: number;
  revenue: number;
}
export interface KpiRates {
  connectRate: number | null;
  avgTalkSeconds: number | null;
  intentRate: number | null;
  leadConversion: number | null;
  conversionRate: number | null;
  avgOrderValue: number | null;
}
export type KpiValues = KpiCounts & KpiRates;
export declare const COUNT_KEYS: readonly [
  'dials',
  'connects',
  'effective',
  'talkSeconds',
  'effectiveTalkSeconds',
  'intents',
  'sales',
  'revenue',
];
export declare const RATE_KEYS: readonly [
  'connectRate',
  'avgTalkSeconds',
  'intentRate',
  'leadConversion',
  'conversionRate',
  'avgOrderValue',
];
export type KpiKey = keyof KpiValues;
export declare function emptyCounts(): KpiCounts;
export declare function addCounts(into: KpiCounts, add: KpiCounts, sign?: 1 | -1): KpiCounts;
export declare function ratio(numerator: number, denominator: number): number | null;
export declare function rates(c: KpiCounts): KpiRates;
export declare function kpiValues(c: KpiCounts): KpiValues;
/** A connect: the dial was answered by a person and there was conversation. */
export declare function isConnect(disposition: Disposition, talkSeconds: number): boolean;
/** An effective conversation: a connect that lasted at least the workspace threshold. */
export declare function isEffective(
  disposition: Disposition,
  talkSeconds: number,
  thresholdSeconds: number,
): boolean;
/** What one outbound call adds to its rollup row. */
export declare function callContribution(
  call: {
    disposition: Disposition;
    talkSeconds: number;
    intent: boolean;
    sale: boolean;
    saleAmount: number;
  },
  thresholdSeconds: number,
): KpiCounts;
/** Relative change from `previous` to `current`; null when there is nothing to compare with. */
export declare function change(current: number | null, previous: number | null): number | null;
/** How each KPI on screen is computed, for the "how is this computed" popovers and docs. */
export interface KpiDefinition {
  key: KpiKey;
  unit: 'count' | 'seconds' | 'money' | 'rate';
  /** i18n key of the formula text */
  formula: string;
  /** whether a higher value is better (colours the change arrow) */
  higherIsBetter: boolean;
}
export declare const KPI_DEFINITIONS: Record<KpiKey, KpiDefinition>;
