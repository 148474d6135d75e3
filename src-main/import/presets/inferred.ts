/**
 * The layout of a file no named layout reads: its columns proposed from their content and header
 * words (infer-columns.ts), its texts read with the value maps of the generic Chinese and English
 * layouts. Only an agent and a start time are needed: without a status column a call with talk
 * time is connected. Never named after a product: the preview calls it what it is.
 */
import type { CallPreset } from '../preset';
import { genericEnPreset } from './generic-en';
import { zhGenericPreset } from './zh-generic';

export const inferredPreset: CallPreset = {
  id: 'inferred',
  name: '按内容识别 / Read from the content',
  columns: {},
  required: ['agentCode', 'startedAt'],
  sourceKeyPrefix: 'in',
  dispositions: { ...genericEnPreset.dispositions, ...zhGenericPreset.dispositions },
  outcomes: { ...genericEnPreset.outcomes, ...zhGenericPreset.outcomes },
  directions: { ...genericEnPreset.directions, ...zhGenericPreset.directions },
};
