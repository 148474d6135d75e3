/**
 * PBX call semantics (pbx-classify.ts) on a header-less Asterisk cdr_csv Master.csv of our own
 * (test/fixtures/calls/asterisk-pbx-mixed.csv, 21 columns): a provider trunk named with digits
 * (`SIP/211474`) and a second, short digit trunk used only outbound (`PJSIP/7712`), named endpoints
 * (`PJSIP/client1` calling from 201, `SIP/sales-john` from 203) beside a digit one (`PJSIP/202`),
 * feature codes, voicemail, a ConfBridge, `Local/` plumbing, a queue and a click-to-call leg.
 * Only outbound calls are dials; the rest is counted by kind. Workspace zone Asia/Shanghai.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src-shared/api';
import { FIXTURES, openTestWorkspace, rejectsOf, type TestWorkspace } from '../helpers';
import { expectHandCounts, storedInboundByAgent, type TruthCall } from '../truth-table';

const MIXED = path.join(FIXTURES, 'calls/asterisk-pbx-mixed.csv');
const range = { from: '2026-11-01', to: '2026-11-30' };

/** The fixture's calls as a person reads them off the CDRs (file lines in the comments). */
function truth(client1 = '201'): TruthCall[] {
  return [
    { day: '2026-11-09', agent: client1, direction: 'outbound', answered: true, talk: 95 }, // 1
    { day: '2026-11-09', agent: '202', direction: 'outbound', answered: false, talk: 0 }, // 2
    { day: '2026-11-09', agent: '203', direction: 'outbound', answered: true, talk: 40 }, // 3 landline
    { day: '2026-11-09', agent: '202', direction: 'inbound', answered: true, talk: 120 }, // 4 DID
    { day: '2026-11-09', agent: '202', direction: 'inbound', answered: true, talk: 60 }, // 5+6 queue
    { day: '2026-11-09', agent: client1, direction: 'outbound', answered: true, talk: 70 }, // 14 click-to-call
    { day: '2026-11-09', agent: '202', direction: 'outbound', answered: false, talk: 0 }, // 15 congestion
    { day: '2026-11-10', agent: client1, direction: 'outbound', answered: false, talk: 0 }, // 16 busy
    { day: '2026-11-10', agent: '203', direction: 'outbound', answered: true, talk: 200 }, // 17
    { day: '2026-11-10', agent: '202', direction: 'outbound', answered: true, talk: 15 }, // 18 trunk 7712
    { day: '2026-11-10', agent: '203', direction: 'inbound', answered: false, talk: 0 }, // 19
  ];
}
// Line 7 IVR only; 8 and 9 feature codes (*97, *8); 10 voicemail; 11 ConfBridge; 12 and 20
// internal; 13 Local/ plumbing.
// The inbound calls (stored for whoever answered) are counted as no dials too.
const NOT_DIALS = {
  inbound: truth().filter((c) => c.direction === 'inbound').length,
  ivr: 1,
  feature: 2,
  voicemail: 1,
  conference: 1,
  internal: 2,
  local: 1,
};

describe('PBX call semantics on a header-less Master.csv', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  const stage = async (name: string, bytes: Uint8Array) =>
    (await t.call('import.stage', { name, bytes: new Uint8Array(bytes) })).stagedId;

  it('learns trunks and extensions from the file: only outbound calls of extensions are dials', async () => {
    const job = await t.importFile(MIXED);
    expect(job.error).toBeNull();
    const calls = truth();
    expect(job.result).toMatchObject({
      preset: 'asterisk-cdr-csv',
      rows: 20,
      inserted: calls.length,
      rejected: 0,
      notDials: NOT_DIALS,
    });
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([]);
    await expectHandCounts(t, calls, range);
    const inbound = await storedInboundByAgent(t);
    const handInbound = new Map<string, { n: number; talk: number }>();
    for (const c of calls.filter((c) => c.direction === 'inbound')) {
      const e = handInbound.get(c.agent) ?? { n: 0, talk: 0 };
      handInbound.set(c.agent, { n: e.n + 1, talk: e.talk + c.talk });
    }
    expect(inbound).toEqual([...handInbound].sort().map(([code, { n, talk }]) => ({ code, n, talk })));
    // No trunk became an agent.
    const codes = await t.ws.kysely.selectFrom('agents').select('code').orderBy('code').execute();
    expect(codes.map((a) => a.code)).toEqual(['201', '202', '203']);
  });

  it('shows the endpoints in the preview and takes the agent codes the user gives them, saved with the profile', async () => {
    const bytes = fs.readFileSync(MIXED);
    const preview = await t.call('import.preview', {
      stagedId: await stage('Master.csv', bytes),
    });
    expect(preview.preset.id).toBe('asterisk-cdr-csv');
    const roles = Object.fromEntries(
      (preview.endpoints ?? []).map((e) => [e.endpoint, [e.role, e.agentCode]]),
    );
    expect(roles).toEqual({
      'SIP/211474': ['trunk', ''],
      'PJSIP/7712': ['trunk', ''],
      'PJSIP/202': ['extension', '202'],
      'PJSIP/client1': ['extension', '201'],
      'SIP/sales-john': ['extension', '203'],
    });
    expect(preview.notDials).toEqual(NOT_DIALS);

    const stagedId = await stage('Master.csv', bytes);
    const endpoints = { 'PJSIP/client1': 'A01' };
    const { jobId } = await t.call('import.start', {
      stagedId,
      endpoints,
      saveProfile: true,
    });
    const job = await t.api.jobs.wait(jobId);
    expect((job as Job).error).toBeNull();
    // client1's own dials and the click-to-call placed from its number 201 are A01's.
    await expectHandCounts(t, truth('A01'), range);

    // The next file of the same shape gets the naming from the profile.
    const again = await t.call('import.preview', {
      stagedId: await stage('Master-2.csv', bytes),
    });
    expect(again.profile).not.toBeNull();
    expect(again.endpoints?.find((e) => e.endpoint === 'PJSIP/client1')?.agentCode).toBe('A01');
  });
});
