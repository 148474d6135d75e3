/** The audits feature's share of the contract: scorecards, recordings folder, samples, audits, calibrations. */
import type { Method, Sample } from '../../src-shared/api';
import { recordingsPresent } from '../recordings/finder';
import type { auditsContract } from '../../src-shared/api/contract-audits';
import type { HandlersFor } from '../dispatch';
import type { Workspace } from '../workspace';
import { auditAnalytics } from './analytics';
import { auditSummary, getAudit, listAudits, openAudit, saveDraft, submitAudit } from './audits';
import { calibrationReport, createCalibration, listCalibrations, openCalibrationAudit } from './calibration';
import { recordingsFolder, setRecordingsFolder } from './recordings';
import { buildSample, getSample } from './sampling';
import {
  exportScorecard,
  getScorecardVersion,
  importScorecard,
  listScorecards,
  saveScorecard,
  seedBuiltInScorecards,
} from './scorecards';
import { loadTemplate, TEMPLATE_IDS } from './templates';

type AuditsMethod = keyof typeof auditsContract & Method;

export function auditsHandlers(ws: Workspace): HandlersFor<AuditsMethod> {
  const db = ws.kysely;
  /** A sample says which calls have a recording file found, not only a stored reference. */
  const withRecordings = async (sample: Sample | null): Promise<Sample | null> => {
    if (!sample) return sample;
    const found = await recordingsPresent(
      ws,
      sample.calls.map((c) => c.callId),
    );
    return { ...sample, calls: sample.calls.map((c) => ({ ...c, hasRecording: found.has(c.callId) })) };
  };
  return {
    'scorecards.list': async ({ language }) => {
      await ws.writes.run(() => seedBuiltInScorecards(db, language));
      return listScorecards(db);
    },
    'scorecards.version': ({ versionId }) => getScorecardVersion(db, versionId),
    'scorecards.templates': ({ language }) =>
      TEMPLATE_IDS.map((id) => ({ id, definition: loadTemplate(id, language) })),
    'scorecards.save': ({ scorecardId, definition }) =>
      ws.writes.run(() => saveScorecard(db, definition, scorecardId)),
    'scorecards.import': ({ json, scorecardId }) =>
      ws.writes.run(() => importScorecard(db, json, scorecardId)),
    'scorecards.export': ({ versionId }) => exportScorecard(db, versionId),

    'audits.recordingsFolder': () => recordingsFolder(ws.kysely, ws.path),
    'audits.setRecordingsFolder': ({ folder }) =>
      ws.writes.run(() => setRecordingsFolder(ws.kysely, ws.path, folder)),

    'audits.buildSample': async (request) => {
      const id = await ws.writes.run(() => buildSample(db, request));
      return (await withRecordings(await getSample(db, id)))!;
    },
    'audits.sample': async ({ sampleId, teamIds }) =>
      withRecordings(await getSample(db, sampleId, { teamIds })),

    'audits.open': (input) => ws.writes.run(() => openAudit(db, input)),
    'audits.get': ({ auditId }) => getAudit(db, auditId),
    'audits.saveDraft': ({ auditId, ...write }) => ws.writes.run(() => saveDraft(db, auditId, write)),
    'audits.submit': ({ auditId, allowUnanswered, ...write }) =>
      ws.writes.run(() => submitAudit(db, auditId, write, allowUnanswered)),
    'audits.list': async ({ filter, limit }) => ({ rows: await listAudits(db, filter, limit) }),
    'audits.summary': ({ filter }) => auditSummary(db, filter),
    'audits.analytics': ({ filter, by }) => auditAnalytics(db, filter, by),

    'calibrations.create': async ({ callId, versionId }) => ({
      calibrationId: await ws.writes.run(() => createCalibration(db, callId, versionId)),
    }),
    'calibrations.list': ({ teamIds }) => listCalibrations(db, { teamIds }),
    'calibrations.open': ({ calibrationId, reviewer }) =>
      ws.writes.run(() => openCalibrationAudit(db, calibrationId, reviewer)),
    'calibrations.report': ({ calibrationId, reviewer }) => calibrationReport(db, calibrationId, reviewer),
  };
}
