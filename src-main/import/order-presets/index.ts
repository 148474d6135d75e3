/** Every order layout the importer knows, tried after (and against) the call layouts. */
import type { OrderPreset } from '../order-preset';
import { enOrdersPreset } from './generic-en';
import { enPaymentsPreset, zhPaymentsPreset } from './payments';
import { zhOrdersPreset } from './zh-generic';

/** An order file and a payments file both read as payments: the order layouts match more columns and win. */
export const ORDER_PRESETS: readonly OrderPreset[] = [
  zhOrdersPreset,
  enOrdersPreset,
  zhPaymentsPreset,
  enPaymentsPreset,
];

export function orderPresetById(id: string): OrderPreset | undefined {
  return ORDER_PRESETS.find((p) => p.id === id);
}
