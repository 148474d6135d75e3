/**
 * Finding a call's recording in a real folder: by its stored reference, by the dialer's file-name
 * patterns (the defaults cover `20261204-091502-1001-13812345678.wav`), and by the folder's index
 * built as a job (bounded in files and depth). Real files in a temp folder, real SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-shared/api';
import { buildRecordingIndex } from '../../src-main/recordings/index-files';
import { expandPattern, nameLike, nameMatcher, patternProblem } from '../../src-main/recordings/patterns';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

let t: TestWorkspace;
let folder: string;
const ids: Record<string, number> = {};

const CALLS = [
  'call_id,agent_code,started_at,phone,disposition,talk_seconds,recording',
  // a stored reference to a file that is there
  'REF1,1001,2026-12-04 08:00:00,13800000001,connected,40,2026/12/04/ref1.wav',
  // no reference: the dialer's own naming, date-time-agent-number
  'PAT1,1001,2026-12-04 09:15:02,13812345678,connected,60,',
  // no reference: a file named by the call id
  'CID-77,1002,2026-12-04 10:00:00,13900000077,connected,30,',
  // filed deep in day/agent folders under a name no pattern of the folder's root reaches
  'DEEP1,1002,2026-12-04 11:30:00,13700001234,connected,30,',
  // a reference from another machine: only the file name is good (found through the index)
  'MOVED,1003,2026-12-04 12:00:00,13600000009,connected,30,D:\\\\rec\\\\old\\\\moved-call.wav',
  // nothing anywhere
  'NONE1,1003,2026-12-04 13:00:00,13500000000,connected,30,',
].join('\n');

function touch(relative: string, bytes = 44): void {
  const file = path.join(folder, ...relative.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.alloc(bytes, 1));
}

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' });
  const csv = path.join(t.dir, 'calls.csv');
  fs.writeFileSync(csv, CALLS);
  expect((await t.importFile(csv, { preset: 'callscope' })).status).toBe('done');
  for (const r of await t.ws.kysely.selectFrom('calls').select(['id', 'source_key']).execute())
    ids[r.source_key.slice(r.source_key.indexOf(':') + 1)] = r.id;
  // A team workspace lies in no folder: it is given the absolute one a file has beside it by default.
  if (t.ws.engine === 'postgres')
    await t.call('audits.setRecordingsFolder', { folder: path.join(t.dir, 'recordings') });
  folder = (await t.call('recordings.setup')).folder.folder;
});

afterAll(async () => t?.close());

const find = (name: string) => t.call('recordings.find', { callId: ids[name]! });

describe('file-name patterns', () => {
  it('expand the tokens of a call (local day and time) and match any text where * stands', () => {
    const call = {
      callId: 'PAT1',
      day: '2026-12-04',
      time: '09:15:02',
      agent: '1001',
      phoneLast4: '5678',
      phone: null,
    };
    expect(expandPattern('{date:YYYYMMDD}-{time:HHmmss}-{agent}-*{phoneLast4}.*', call)).toBe(
      '20261204-091502-1001-*5678.*',
    );
    expect(expandPattern('{date:YYYY-MM-DD}/{callId}.wav', call)).toBe('2026-12-04/PAT1.wav');
    expect(expandPattern('{phone}.wav', call)).toBeNull(); // no full number kept: the pattern does not apply
    const m = nameMatcher('20261204-091502-1001-*5678.*');
    expect(m.test('20261204-091502-1001-13812345678.wav')).toBe(true);
    expect(m.test('20261204-091502-1001-13812345679.wav')).toBe(false);
    expect(m.test('x20261204-091502-1001-13812345678.wav')).toBe(false);
  });

  it('look a wildcard name up in the index with a LIKE that takes %, _ and \\ literally', async () => {
    expect(nameLike('a_b%c\\d*.wav')).toBe('a\\_b\\%c\\\\d%.wav');
    // On the real database: LIKE is case-blind on SQLite, not on PostgreSQL (the finder checks the
    // case with nameMatcher either way).
    const like = async (name: string, pattern: string) =>
      (
        await sql<{
          hit: number;
        }>`SELECT CASE WHEN CAST(${name} AS text) LIKE CAST(${pattern} AS text) ESCAPE '\\' THEN 1 ELSE 0 END AS hit`.execute(
          t.ws.kysely,
        )
      ).rows[0]!.hit;
    expect(await like('a_b%c\\dX.wav', nameLike('a_b%c\\d*.wav'))).toBe(1);
    expect(await like('aXb%c\\d.wav', nameLike('a_b%c\\d*.wav'))).toBe(0);
    expect(await like('a_bXc\\d.wav', nameLike('a_b%c\\d*.wav'))).toBe(0);
    expect(nameMatcher('A*.wav').test('a1.wav')).toBe(false);
  });

  it('refuses patterns that could leave the folder or that it cannot read', () => {
    expect(patternProblem('../{callId}.wav')).toMatch(/\.\./);
    expect(patternProblem('/abs/{callId}.wav')).toMatch(/inside the recordings folder/);
    expect(patternProblem('*/x/{callId}.wav')).toMatch(/file name only/);
    expect(patternProblem('{nope}.wav')).toMatch(/unknown token \{nope\}/);
    expect(patternProblem('{date:YYYYMMDD}/{callId}.*')).toBeNull();
  });
});

describe('finding a call’s recording', () => {
  it('says the folder is missing until it is created', async () => {
    expect(await find('REF1')).toMatchObject({ found: false, problem: 'no_folder' });
    const setup = await t.call('recordings.createFolder');
    expect(setup.folder.exists).toBe(true);
    expect(fs.statSync(folder).isDirectory()).toBe(true);
  });

  it('by reference, by the default patterns, not by guessing', async () => {
    touch('2026/12/04/ref1.wav');
    touch('20261204-091502-1001-13812345678.wav');
    touch('20261204-091502-1001-13812340000.wav'); // same second and agent, another number
    touch('CID-77.mp3');
    touch('2026/12/04/1002/20261204-113000-1002-13700001234.wav');
    touch('old/moved-call.wav');
    expect(await find('REF1')).toMatchObject({ found: true, via: 'reference', file: '2026/12/04/ref1.wav' });
    expect(await find('PAT1')).toMatchObject({
      found: true,
      via: 'pattern',
      file: '20261204-091502-1001-13812345678.wav',
    });
    expect(await find('CID-77')).toMatchObject({ found: true, via: 'pattern', file: 'CID-77.mp3' });
    // Filed deeper than any pattern reaches, and a foreign reference: not found before the index.
    expect(await find('DEEP1')).toMatchObject({ found: false, problem: 'not_found' });
    // An absolute reference is refused as a path (only its file name can be looked up, in the index).
    expect(await find('MOVED')).toMatchObject({ found: false, problem: 'refused' });
    expect(await find('NONE1')).toMatchObject({ found: false, problem: 'not_found', lookedFor: null });
  });

  it('through the index of the folder, built as a job', async () => {
    const { jobId } = await t.call('recordings.buildIndex');
    const job: Job = await t.api.jobs.wait(jobId);
    expect(job.status, job.error ?? '').toBe('done');
    const setup = await t.call('recordings.setup');
    expect(setup.index).toMatchObject({ files: 6, truncated: false });
    expect(await find('DEEP1')).toMatchObject({
      found: true,
      via: 'index',
      file: '2026/12/04/1002/20261204-113000-1002-13700001234.wav',
    });
    expect(await find('MOVED')).toMatchObject({ found: true, via: 'index', file: 'old/moved-call.wav' });
    expect(await find('NONE1')).toMatchObject({ found: false });
    // The calls list marks exactly the calls whose file is found.
    const list = await t.call('calls.list', {
      filter: { from: '2026-12-04', to: '2026-12-04' },
      limit: 50,
    });
    const marked = list.rows.filter((r) => r.hasRecording).map((r) => r.id);
    expect(marked.sort()).toEqual(['REF1', 'PAT1', 'CID-77', 'DEEP1', 'MOVED'].map((n) => ids[n]!).sort());
  });

  it('keeps the index bounded in files and depth', async () => {
    const controller = new AbortController();
    const ctx = { progress: () => undefined, signal: controller.signal };
    const capped = await buildRecordingIndex(t.ws, ctx, { maxFiles: 3, maxDepth: 6 });
    expect(capped).toMatchObject({ files: 3, truncated: true });
    const shallow = await buildRecordingIndex(t.ws, ctx, { maxFiles: 1000, maxDepth: 1 });
    // depth 1: the root's files and those one folder down (old/), not 2026/12/04/...
    expect(shallow).toMatchObject({ files: 4, truncated: true });
    const stored = await t.ws.kysely.selectFrom('recording_files').select('path').orderBy('path').execute();
    expect(stored.map((f) => f.path)).toEqual([
      '20261204-091502-1001-13812340000.wav',
      '20261204-091502-1001-13812345678.wav',
      'CID-77.mp3',
      'old/moved-call.wav',
    ]);
  });

  it('uses the patterns the workspace sets, and refuses a bad one', async () => {
    await expect(t.call('recordings.setPatterns', { patterns: ['../{callId}.wav'] })).rejects.toThrow(
      /bad_input/,
    );
    await t.call('recordings.setPatterns', { patterns: [] });
    const { jobId } = await t.call('recordings.buildIndex');
    await t.api.jobs.wait(jobId);
    // Without patterns the dialer-named file is not linked (the reference still is).
    expect(await find('PAT1')).toMatchObject({ found: false });
    expect(await find('REF1')).toMatchObject({ found: true, via: 'reference' });
    const setup = await t.call('recordings.setPatterns', { patterns: null });
    expect(setup.patterns).toEqual(setup.defaultPatterns);
    expect(await find('PAT1')).toMatchObject({ found: true, via: 'pattern' });
  });
});
