/**
 * 百应 (BYAI) 通话记录 exports (test/fixtures/byrobot.ts): GBK CSV and XLSX with a title and an
 * export line above the header, masked numbers and a 合计 row. The truth is counted here from the
 * rows the fixtures were written from: a call with a human seat (人工坐席) counts for that seat;
 * a robot-only call (no seat) is no dial, counted as a robot call, neither stored
 * nor rejected, never counted for anyone; 已接听 connects; a status word
 * the docs do not list is read by its talk time with a warning; an A-level 客户意向等级 is intent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n';
import { presetLabel } from '../../src-renderer/pages/import/usePresetName';
import {
  BYROBOT_CSV,
  BYROBOT_HEADER,
  BYROBOT_ROWS,
  byrobotCsv,
  byrobotXlsx,
  type ByrobotRow,
} from '../fixtures/byrobot';
import { FIXTURES, rejectsOf, runCli, type TestWorkspace } from '../helpers';
import { workspacePerTest } from '../workspace-per-test';
import { expectHandCounts, type TruthCall } from '../truth-table';

const range = { from: '2026-11-01', to: '2026-11-30' };
const DOCUMENTED = ['已接听', '拒接', '无应答', '未接', '占线', '空号', '关机', '停机', '主叫欠费', '呼损'];

const seated = BYROBOT_ROWS.filter((r) => r.seat !== '');
const robotOnly = BYROBOT_ROWS.filter((r) => r.seat === '');
const undocumented = seated.filter((r) => !DOCUMENTED.includes(r.status));
const answered = (r: ByrobotRow) =>
  r.status === '已接听' || (!DOCUMENTED.includes(r.status) && r.duration > 0);

const truth: TruthCall[] = seated.map((r) => ({
  day: r.startTime.slice(0, 10),
  agent: r.seat,
  direction: 'outbound',
  answered: answered(r),
  talk: r.duration,
}));

const workspace = workspacePerTest({ timeZone: 'Asia/Shanghai' });

async function expectStored(w: TestWorkspace, file: string) {
  const job = await w.importFile(file);
  expect(job.error).toBeNull();
  expect(job.result).toMatchObject({
    preset: 'byrobot',
    inserted: seated.length,
    rejected: 0,
    notDials: { robot: robotOnly.length },
  });
  await expectHandCounts(w, truth, range);

  // Seats by name (the code derived from it); each call under its 通话记录ID, in its task, with
  // its talk seconds, its masked number's last digits and intent only for an A level.
  const agents = await w.ws.kysely.selectFrom('agents').select(['code', 'name']).orderBy('code').execute();
  const seats = [...new Set(seated.map((r) => r.seat))].sort((a, b) => a.localeCompare(b));
  expect(agents).toEqual(seats.map((s) => ({ code: s, name: s })));
  const calls = await w.ws.kysely
    .selectFrom('calls as c')
    .leftJoin('campaigns as k', 'k.id', 'c.campaign_id')
    .select(['c.source_key', 'k.name as campaign', 'c.talk_seconds', 'c.outcome', 'c.phone_last4'])
    .orderBy('c.source_key')
    .execute();
  expect(calls).toEqual(
    seated.map((r) => ({
      source_key: `byrobot:${r.callInstanceId}`,
      campaign: r.jobName,
      talk_seconds: r.duration,
      outcome: r.intentLevel.startsWith('A') ? 'intent' : 'none',
      phone_last4: r.customerTelephone.slice(-4),
    })),
  );

  // Robot-only calls are no rejects; the undocumented word is a warning.
  const issues = await rejectsOf(w, job.result!.batchId);
  expect(issues.filter((i) => i.kind === 'rejected')).toEqual([]);
  expect(issues.filter((i) => i.kind === 'warning')).toEqual([
    ...undocumented.map((r) =>
      expect.objectContaining({
        field: '通话状态',
        reason: expect.stringContaining(`unknown status "${r.status}"`),
      }),
    ),
    // The 合计 row is skipped and said so, not read as a call.
    expect.objectContaining({ field: null, reason: expect.stringContaining('totals row') }),
  ]);
}

describe('a 百应 通话记录 export', () => {
  it('the committed fixture is the rows the truth is counted from', () => {
    expect(fs.readFileSync(path.join(FIXTURES, BYROBOT_CSV))).toEqual(byrobotCsv(BYROBOT_ROWS));
    // Three seats, two days, robot-only calls, an undocumented status, A and other levels.
    expect(new Set(seated.map((r) => r.seat)).size).toBe(3);
    expect(new Set(seated.map((r) => r.startTime.slice(0, 10))).size).toBe(2);
    expect(robotOnly.length).toBeGreaterThan(0);
    expect(undocumented).toHaveLength(1);
    expect(seated.some((r) => r.intentLevel.startsWith('A'))).toBe(true);
    expect(seated.some((r) => r.intentLevel.startsWith('B'))).toBe(true);
  });

  it('GBK CSV with a title, masked numbers, `1分5秒` durations and a 合计 row: counts per day and seat', async () => {
    const w = await workspace();
    await expectStored(w, path.join(FIXTURES, BYROBOT_CSV));
  });

  it('the same export as XLSX (merged title, seconds as numbers)', async () => {
    const w = await workspace();
    const file = path.join(w.dir, 'byrobot.xlsx');
    await byrobotXlsx(BYROBOT_ROWS, file);
    await expectStored(w, file);
  });

  it('statuses as the API finishStatus codes (0 已接听, 1 拒接, 6 占线, …) read the same', async () => {
    const w = await workspace();
    const codes: Record<string, string> = {
      已接听: '0',
      拒接: '1',
      无应答: '2',
      空号: '4',
      关机: '5',
      占线: '6',
      未接: '8',
    };
    const file = path.join(w.dir, 'codes.csv');
    fs.writeFileSync(
      file,
      byrobotCsv(BYROBOT_ROWS.map((r) => ({ ...r, status: codes[r.status] ?? r.status }))),
    );
    await expectStored(w, file);
  });

  it('an export of mostly robot calls (one seated call in six) is still read as 百应, the robot calls no dials', async () => {
    const w = await workspace();
    // Every row keeps its seat only if it is the first of its seat's calls: 3 seated of 14.
    const firstOfSeat = new Set(seated.map((r) => BYROBOT_ROWS.find((x) => x.seat === r.seat)));
    const rows = BYROBOT_ROWS.map((r) => (firstOfSeat.has(r) ? r : { ...r, seat: '' }));
    const kept = rows.filter((r) => r.seat !== '');
    expect(kept.length * 4).toBeLessThan(rows.length);
    const file = path.join(w.dir, 'mostly-robots.csv');
    fs.writeFileSync(file, byrobotCsv(rows));
    const job = await w.importFile(file);
    expect(job.result).toMatchObject({
      preset: 'byrobot',
      inserted: kept.length,
      rejected: 0,
      notDials: { robot: rows.length - kept.length },
    });
    const campaigns = await w.ws.kysely.selectFrom('campaigns').select('name').orderBy('name').execute();
    expect(campaigns.map((c) => c.name)).toEqual([...new Set(kept.map((r) => r.jobName))].sort());
  });

  it('the command line says how many robot calls were no dials, in either language', async () => {
    const w = await workspace();
    const file = path.join(FIXTURES, BYROBOT_CSV);
    for (const [language, words] of [
      ['en', `${robotOnly.length} robot calls no person took over: not counted as dials`],
      ['zh-CN', `未转人工的机器人外呼 ${robotOnly.length} 通：不计入外呼`],
    ] as const) {
      const db = path.join(w.dir, `${language}.sqlite`);
      const r = runCli(['import', file, '--db', db, '--tz', 'Asia/Shanghai', '--lang', language]);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`${file}: ${words}`);
    }
  });

  it('re-importing adds nothing: 通话记录ID is the call id', async () => {
    const w = await workspace();
    await w.importFile(path.join(FIXTURES, BYROBOT_CSV));
    const again = await w.importFile(path.join(FIXTURES, BYROBOT_CSV));
    expect(again.result).toMatchObject({ inserted: 0, duplicates: seated.length });
  });

  it('the preview names the layout in both languages and maps the documented columns', async () => {
    const w = await workspace();
    const bytes = fs.readFileSync(path.join(FIXTURES, BYROBOT_CSV));
    const { stagedId } = await w.call('import.stage', { name: 'byrobot.csv', bytes: new Uint8Array(bytes) });
    const p = await w.call('import.preview', { stagedId });
    expect(p.preset.id).toBe('byrobot');
    expect(presetLabel((k, v) => translate('en', k, v), p.preset.id, p.preset.name)).toBe(
      'BYAI (百应) call records',
    );
    expect(presetLabel((k, v) => translate('zh-CN', k, v), p.preset.id, p.preset.name)).toBe('百应通话记录');
    const mapped = Object.fromEntries(
      p.columns.filter((c) => c.column !== null).map((c) => [c.field, p.columnNames[c.column!]]),
    );
    expect(mapped).toMatchObject({
      callId: '通话记录ID',
      agentCode: '人工坐席',
      agentName: '人工坐席',
      campaign: '任务名称',
      startedAt: '开始拨打时间',
      phone: '客户电话',
      disposition: '通话状态',
      talkSeconds: '通话时长',
      outcome: '客户意向等级',
    });
    expect(p.columnNames).toEqual(BYROBOT_HEADER);
    // The robot-only calls of the sample are said to be no dials, in both languages.
    expect(p.notDials).toEqual({ robot: robotOnly.length });
    expect(translate('zh-CN', 'pbx.kind.robot', { count: robotOnly.length })).toBe(
      `未转人工的机器人外呼 ${robotOnly.length} 通`,
    );
    // The intent levels are listed by their letter: A is intent, the others no outcome.
    const levels = Object.fromEntries(p.values.outcomes.map((v) => [v.text, v.mapped]));
    expect(levels).toMatchObject({ A: 'intent', B: 'none', C: 'none' });
  });
});
