/**
 * Every layout preset the importer knows, in the order they are tried: our own layout first, the
 * layouts of specific products next, the generic ones (broad synonyms) last, so on equal matches a
 * specific layout wins. Header-less PBX layouts never compete with header layouts on one file:
 * each reads only the rows the other takes for a header.
 */
import type { CallPreset } from '../preset';
import { aircallPreset } from './aircall';
import { asteriskCdrCsvPreset } from './asterisk-cdr-csv';
import { asteriskCdrCustomPreset } from './asterisk-cdr-custom';
import { byrobotPreset } from './byrobot';
import { callscopePreset } from './callscope';
import { ciscoCucmHeaderlessPreset, ciscoCucmPreset } from './cisco-cucm';
import { five9Preset } from './five9';
import { freepbxCdrPreset } from './freepbx-cdr';
import { freeswitchCdrCsvPreset } from './freeswitch-cdr-csv';
import { genericEnPreset } from './generic-en';
import { pbxNumbersPreset } from './pbx-numbers';
import { ringCentralPreset } from './ringcentral';
import { inferredPreset } from './inferred';
import { talkdeskPreset } from './talkdesk';
import { threeCxPreset } from './threecx';
import { threeCxReportPreset } from './threecx-report';
import { twilioPreset } from './twilio';
import { vicidialPreset } from './vicidial';
import { yunkePreset } from './yunke';
import { zhGenericPreset } from './zh-generic';
import { zoomPhonePreset } from './zoom-phone';

export const PRESETS: readonly CallPreset[] = [
  callscopePreset,
  vicidialPreset,
  five9Preset,
  talkdeskPreset,
  aircallPreset,
  threeCxPreset,
  threeCxReportPreset,
  zoomPhonePreset,
  twilioPreset,
  ringCentralPreset,
  ciscoCucmPreset,
  freepbxCdrPreset,
  asteriskCdrCsvPreset,
  asteriskCdrCustomPreset,
  freeswitchCdrCsvPreset,
  ciscoCucmHeaderlessPreset,
  yunkePreset,
  byrobotPreset,
  zhGenericPreset,
  pbxNumbersPreset,
  genericEnPreset,
];

export function presetById(id: string): CallPreset | undefined {
  // The layout read from the content is never ranked by header: it is proposed by plan.ts.
  return PRESETS.find((p) => p.id === id) ?? (id === inferredPreset.id ? inferredPreset : undefined);
}
