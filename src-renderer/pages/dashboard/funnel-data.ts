/** The funnel's steps from the range's KPIs: each count, its share of dials and the rate from the step before. */
import type { MessageKey } from '../../../src-shared/i18n';
import { effectiveShare, ratio, salesPerDial, type KpiValues } from '../../../src-shared/kpi';

export const FUNNEL_STEPS = ['dials', 'connects', 'effective', 'intents', 'sales'] as const;
export type FunnelStepKey = (typeof FUNNEL_STEPS)[number];

export interface FunnelStep {
  key: FunnelStepKey;
  value: number;
  /** value ÷ dials: the bar's length */
  shareOfDials: number | null;
  /** the rate that leads to this step, and its name; null on the first */
  stepRate: { label: MessageKey; value: number | null } | null;
}

export function funnelSteps(k: KpiValues): { steps: FunnelStep[]; overall: number | null } {
  const share = (n: number) => ratio(n, k.dials);
  return {
    steps: [
      { key: 'dials', value: k.dials, shareOfDials: share(k.dials), stepRate: null },
      {
        key: 'connects',
        value: k.connects,
        shareOfDials: share(k.connects),
        stepRate: { label: 'kpi.connectRate', value: k.connectRate },
      },
      {
        key: 'effective',
        value: k.effective,
        shareOfDials: share(k.effective),
        // Effective conversations are the connects that lasted: their share of connects.
        stepRate: { label: 'dashboard.funnel.effectiveShare', value: effectiveShare(k) },
      },
      {
        key: 'intents',
        value: k.intents,
        shareOfDials: share(k.intents),
        // The KPI intent rate is per connect (DESIGN.md), not per effective conversation.
        stepRate: { label: 'kpi.intentRate', value: k.intentRate },
      },
      {
        key: 'sales',
        value: k.sales,
        shareOfDials: share(k.sales),
        stepRate: { label: 'kpi.leadConversion', value: k.leadConversion },
      },
    ],
    overall: salesPerDial(k),
  };
}
