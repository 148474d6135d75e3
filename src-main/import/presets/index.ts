/**
 * Every layout preset the importer knows, in the order they are tried: our own layout first, the
 * layouts of specific products next, the generic ones (broad synonyms) last, so on equal matches a
 * specific layout wins.
 */
import type { CallPreset } from '../preset';
import { aircallPreset } from './aircall';
import { callscopePreset } from './callscope';
import { five9Preset } from './five9';
import { genericEnPreset } from './generic-en';
import { talkdeskPreset } from './talkdesk';
import { vicidialPreset } from './vicidial';
import { zhGenericPreset } from './zh-generic';

export const PRESETS: readonly CallPreset[] = [
  callscopePreset,
  vicidialPreset,
  five9Preset,
  talkdeskPreset,
  aircallPreset,
  zhGenericPreset,
  genericEnPreset,
];

export function presetById(id: string): CallPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
