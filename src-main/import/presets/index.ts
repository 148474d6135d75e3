/** Every layout preset the importer knows, in the order they are tried. */
import type { CallPreset } from '../preset';
import { callscopePreset } from './callscope';
import { zhGenericPreset } from './zh-generic';

export const PRESETS: readonly CallPreset[] = [callscopePreset, zhGenericPreset];

export function presetById(id: string): CallPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
