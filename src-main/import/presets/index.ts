/** Every layout preset the importer knows, in the order they are tried. */
import type { CallPreset } from '../preset';
import { asteriskCdrCsvPreset } from './asterisk-cdr-csv';
import { asteriskCdrCustomPreset } from './asterisk-cdr-custom';
import { callscopePreset } from './callscope';
import { freeswitchCdrCsvPreset } from './freeswitch-cdr-csv';
import { threeCxPreset } from './threecx';
import { zhGenericPreset } from './zh-generic';

export const PRESETS: readonly CallPreset[] = [
  callscopePreset,
  zhGenericPreset,
  threeCxPreset,
  asteriskCdrCsvPreset,
  asteriskCdrCustomPreset,
  freeswitchCdrCsvPreset,
];

export function presetById(id: string): CallPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
