/** Every order layout the importer knows, tried after (and against) the call layouts. */
import type { OrderPreset } from '../order-preset';
import { enOrdersPreset } from './generic-en';
import { zhOrdersPreset } from './zh-generic';

export const ORDER_PRESETS: readonly OrderPreset[] = [zhOrdersPreset, enOrdersPreset];

export function orderPresetById(id: string): OrderPreset | undefined {
  return ORDER_PRESETS.find((p) => p.id === id);
}
