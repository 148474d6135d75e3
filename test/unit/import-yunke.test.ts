/**
 * 云客 (Yunke) call logs (test/fixtures/yunke.ts): the 飞书多维表格 export with Chinese labels as
 * UTF-8-BOM CSV and as XLSX, and the API's records under their field names. The truth is counted
 * here from the rows the fixtures were written from: callStatus 2 connects, 0 does not, any other
 * value is read by its talk time with a warning; 呼入标记 1 is inbound, not a dial.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n';
import { presetLabel } from '../../src-renderer/pages/import/usePresetName';
import { inferColumns } from '../../src-main/import/infer-columns';
import {
  API_CSV,
  API_HEADER,
  FEISHU_CSV,
  FEISHU_HEADER,
  apiCsv,
  cellsOf,
  feishuCsv,
  feishuXlsx,
  YUNKE_ROWS,
  type YunkeRow,
} from '../fixtures/yunke';
import { FIXTURES, rejectsOf, type TestWorkspace } from '../helpers';
import { workspacePerTest } from '../workspace-per-test';
import { expectHandCounts, type TruthCall } from '../truth-table';

const range = { from: '2026-11-01', to: '2026-11-30' };

const truth: TruthCall[] = YUNKE_ROWS.map((r) => ({
  day: r.startCallTime.slice(0, 10),
  agent: r.userIdName,
  direction: r.incomingCall === '1' ? 'inbound' : 'outbound',
  // 2 = 接通, 0 = 未接; an undocumented value connects when the call has talk time.
  answered: r.callStatus === '2' || (r.callStatus !== '0' && r.callSeconds > 0),
  talk: r.callSeconds,
}));
const undocumented = YUNKE_ROWS.filter((r) => r.callStatus !== '2' && r.callStatus !== '0');

const workspace = workspacePerTest({ timeZone: 'Asia/Shanghai' });

/** Everything the import stored, checked against the rows (the status column named `status`). */
async function expectStored(w: TestWorkspace, file: string, status: string) {
  const job = await w.importFile(file);
  expect(job.error).toBeNull();
  expect(job.result).toMatchObject({
    preset: 'yunke',
    rows: YUNKE_ROWS.length,
    inserted: YUNKE_ROWS.length,
    rejected: 0,
  });
  await expectHandCounts(w, truth, range);

  // Agents by name: the code derived from the name, the name shown, the department as team.
  const agents = await w.ws.kysely
    .selectFrom('agents as a')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .select(['a.code', 'a.name', 't.name as team'])
    .orderBy('a.code')
    .execute();
  const byName = new Map(YUNKE_ROWS.map((r) => [r.userIdName, r.departmentList]));
  expect(agents).toEqual(
    [...byName]
      .map(([name, team]) => ({ code: name, name, team }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  );

  // Each call under its 通话记录ID, with ring and talk seconds, direction and recording.
  const calls = await w.ws.kysely
    .selectFrom('calls')
    .select(['source_key', 'direction', 'ring_seconds', 'talk_seconds', 'recording_ref'])
    .orderBy('source_key')
    .execute();
  expect(calls).toEqual(
    YUNKE_ROWS.map((r) => ({
      source_key: `yunke:${r.id}`,
      direction: r.incomingCall === '1' ? 'inbound' : 'outbound',
      ring_seconds: r.ringSecond,
      talk_seconds: r.callSeconds,
      recording_ref: r.recordFile === '' ? null : r.recordFile,
    })),
  );

  // The undocumented status is kept, read by its talk time, with a warning naming column and value.
  const issues = await rejectsOf(w, job.result!.batchId);
  expect(issues).toEqual(
    undocumented.map((r) =>
      expect.objectContaining({
        kind: 'warning',
        field: status,
        reason: expect.stringContaining(`unknown status "${r.callStatus}"`),
      }),
    ),
  );
  return job;
}

describe('a 云客 call log', () => {
  it('the committed fixtures are the rows the truth is counted from', () => {
    expect(fs.readFileSync(path.join(FIXTURES, FEISHU_CSV))).toEqual(feishuCsv(YUNKE_ROWS));
    expect(fs.readFileSync(path.join(FIXTURES, API_CSV))).toEqual(apiCsv(YUNKE_ROWS));
    // Three agents, two days, one inbound call, one undocumented status: the shape the tests need.
    expect(new Set(YUNKE_ROWS.map((r) => r.userIdName)).size).toBe(3);
    expect(YUNKE_ROWS.filter((r) => r.incomingCall === '1')).toHaveLength(1);
    expect(undocumented).toHaveLength(1);
  });

  it('飞书多维表格 export (CSV, UTF-8 with BOM, Chinese labels): counts per day and agent', async () => {
    const w = await workspace();
    await expectStored(w, path.join(FIXTURES, FEISHU_CSV), '通话状态');
  });

  it('the same table exported to XLSX', async () => {
    const w = await workspace();
    const file = path.join(w.dir, 'yunke.xlsx');
    await feishuXlsx(YUNKE_ROWS, file);
    await expectStored(w, file, '通话状态');
  });

  it('API records under their field names', async () => {
    const w = await workspace();
    await expectStored(w, path.join(FIXTURES, API_CSV), 'callStatus');
  });

  it('re-importing adds nothing; a changed row with the same 通话记录ID is a duplicate', async () => {
    const w = await workspace();
    await w.importFile(path.join(FIXTURES, FEISHU_CSV));
    const again = await w.importFile(path.join(FIXTURES, FEISHU_CSV));
    expect(again.result).toMatchObject({ inserted: 0, duplicates: YUNKE_ROWS.length });

    // A later export: one call's progress and talk time changed, one new call appended.
    const changed: YunkeRow[] = YUNKE_ROWS.map((r, i) =>
      i === 0 ? { ...r, progress: '已成交', callSeconds: r.callSeconds + 30 } : r,
    );
    const added: YunkeRow = { ...YUNKE_ROWS[1]!, id: '88031999999', startCallTime: '2026-11-05 09:00:00' };
    const file = path.join(w.dir, 'later.csv');
    fs.writeFileSync(file, feishuCsv([...changed, added]));
    const later = await w.importFile(file);
    expect(later.result).toMatchObject({ inserted: 1, duplicates: YUNKE_ROWS.length });
    const total = await w.ws.kysely
      .selectFrom('calls')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(YUNKE_ROWS.length + 1);
  });

  it('the preview names the layout in both languages and maps the seconds columns', async () => {
    const w = await workspace();
    const bytes = fs.readFileSync(path.join(FIXTURES, FEISHU_CSV));
    const { stagedId } = await w.call('import.stage', { name: 'yunke.csv', bytes: new Uint8Array(bytes) });
    const p = await w.call('import.preview', { stagedId });
    expect(p.preset.id).toBe('yunke');
    const en = presetLabel((k, v) => translate('en', k, v), p.preset.id, p.preset.name);
    const zh = presetLabel((k, v) => translate('zh-CN', k, v), p.preset.id, p.preset.name);
    expect(en).toBe('Yunke (云客) call log');
    expect(zh).toBe('云客通话记录');
    const mapped = Object.fromEntries(
      p.columns.filter((c) => c.column !== null).map((c) => [c.field, p.columnNames[c.column!]]),
    );
    expect(mapped).toMatchObject({
      callId: '通话记录ID',
      agentCode: '坐席名称',
      agentName: '坐席名称',
      team: '部门',
      startedAt: '通话时间',
      phone: '客户电话',
      direction: '呼入标记',
      disposition: '通话状态',
      talkSeconds: '通话时长(秒)',
      ringSeconds: '振铃时长(秒)',
      recording: '录音地址',
    });
    expect(API_HEADER).toHaveLength(p.columnNames.length);
  });
});

describe('the same columns in a file no preset reads (inferred from header and content)', () => {
  const names = (header: readonly string[], columns: Partial<Record<string, number>>) =>
    Object.fromEntries(Object.entries(columns).map(([field, i]) => [field, header[i!]]));

  it('takes 通话记录ID as the call id, the seconds columns, the agent by name, 通话状态 as status', () => {
    // Customers repeat here, so 客户名称 has as few values as a status column.
    const rows = YUNKE_ROWS.map((r, i) =>
      cellsOf({ ...r, planCustomerName: ['陈明', '刘洋', '赵磊'][i % 3]! }),
    );
    const { columns } = inferColumns(FEISHU_HEADER, rows);
    expect(names(FEISHU_HEADER, columns)).toMatchObject({
      callId: '通话记录ID',
      agentCode: '坐席名称',
      agentName: '坐席名称',
      disposition: '通话状态',
      talkSeconds: '通话时长(秒)',
      ringSeconds: '振铃时长(秒)',
      startedAt: '通话时间',
      phone: '客户电话',
    });
  });

  it('prefers a seconds header to its formatted twin, whatever its brackets or dash', () => {
    const data = [
      ['1001', '2026-11-03 09:00:00', '00:01:05', '65'],
      ['1002', '2026-11-03 09:05:00', '00:00:00', '0'],
      ['1001', '2026-11-03 09:07:00', '00:00:12', '12'],
    ];
    const swap = (r: readonly string[]) => [r[0]!, r[1]!, r[3]!, r[2]!];
    for (const seconds of ['通话时长（秒）', '通话时长(秒)', 'Talk time - seconds']) {
      const header = ['工号', '开始时间', seconds.startsWith('Talk') ? 'Talk time' : '通话时长', seconds];
      // In either order: the formatted twin first, then the seconds first.
      for (const [h, cells] of [
        [header, data],
        [swap(header), data.map(swap)],
      ] as const) {
        expect(names(h, inferColumns(h, cells).columns).talkSeconds, h.join(',')).toBe(seconds);
      }
    }
  });

  it('an …编号 header over unique values is the call id; a Caller ID of numbers and a row number are not', () => {
    const header = ['序号', '记录编号', 'Caller ID', '工号', '开始时间', '通话时长'];
    const data = [1, 2, 3, 4, 5].map((n) => [
      String(n),
      `R2026110300${n}`,
      `1381234000${n}`,
      '1001',
      `2026-11-03 09:0${n}:00`,
      String(n * 10),
    ]);
    const { columns } = inferColumns(header, data);
    expect(names(header, columns)).toMatchObject({ callId: '记录编号', agentCode: '工号' });
    expect(columns.agentName).toBeUndefined(); // codes are not names
  });

  it('imports by inference: agents by name, dedup by 通话记录ID, statuses by talk time', async () => {
    const w = await workspace();
    // The inferred layout reads no inbound flag: the file here holds outbound calls only.
    const rows = YUNKE_ROWS.filter((r) => r.incomingCall === '0');
    const file = path.join(w.dir, 'inferred.csv');
    fs.writeFileSync(file, feishuCsv(rows));
    const job = await w.importFile(file, { preset: 'inferred' });
    expect(job.result).toMatchObject({ preset: 'inferred', inserted: rows.length, rejected: 0 });
    await expectHandCounts(
      w,
      truth.filter((c) => c.direction === 'outbound'),
      range,
    );
    const agents = await w.ws.kysely.selectFrom('agents').select(['code', 'name']).orderBy('code').execute();
    const agentNames = [...new Set(rows.map((r) => r.userIdName))].sort((a, b) => a.localeCompare(b));
    expect(agents).toEqual(agentNames.map((n) => ({ code: n, name: n })));

    const changed = rows.map((r, i) =>
      i === 0 ? { ...r, progress: '已成交', callSeconds: r.callSeconds + 30 } : r,
    );
    fs.writeFileSync(file, feishuCsv(changed));
    const again = await w.importFile(file, { preset: 'inferred' });
    expect(again.result).toMatchObject({ inserted: 0, duplicates: rows.length });
  });
});
