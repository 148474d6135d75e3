/**
 * The monthly report with the features it ties in, on a real workspace (demo data) through the real
 * API: targets set with `targets.set`, one audit submitted with `audits.submit`, one coaching note
 * with a follow-up. The XLSX of a report job, read back with exceljs, must carry the Summary's target
 * and attainment, the Agents' composite score, grade and variable pay as the targets API gives them,
 * and the Audits, Audit items, Behaviour ratings and Coaching follow-ups sheets.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDetail, Job } from '../../src-shared/api';
import { lastMonth, periodRange } from '../../src-shared/reports-model';
import { todayIn } from '../../src-shared/time';
import { reportFor } from '../../src-main/reports/generate';
import { FIXTURES, openTestWorkspace, type TestWorkspace, answersIn } from '../helpers';
import { now } from '../../src-main/clock';

const TZ = 'Asia/Shanghai';

let t: TestWorkspace;
let month: string;
let from: string;
let to: string;
let agentIds: number[];
/** the stored agents' codes by id */
let codeOf: Map<number, string>;
let audit: AuditDetail;
let failedItem: { key: string; label: string };

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: TZ });
  const { jobId } = await t.call('demo.load', { agents: 6, days: 75, seed: 5 });
  expect((await t.api.jobs.wait(jobId)).status).toBe('done');
  month = lastMonth(todayIn(TZ, now()));
  ({ from, to } = periodRange({ kind: 'month', month }));
  agentIds = (
    await t.ws.kysely
      .selectFrom('daily_agent_stats')
      .select('agent_id')
      .distinct()
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('agent_id')
      .execute()
  ).map((r) => r.agent_id);
  const agents = await t.ws.kysely.selectFrom('agents').select(['id', 'code']).execute();
  codeOf = new Map(agents.map((a) => [a.id, a.code]));
  expect(agentIds.length).toBeGreaterThan(1);

  // Targets: 120 dials per working day and 20 sales for each agent, a 30 % connect rate for all.
  await t.call('targets.set', {
    month,
    entries: [
      ...agentIds.flatMap((id) => [
        { scope: 'agent' as const, scopeId: id, kpi: 'dialsPerDay' as const, value: 120 },
        { scope: 'agent' as const, scopeId: id, kpi: 'sales' as const, value: 20 },
      ]),
      { scope: 'all' as const, scopeId: 0, kpi: 'connectRate' as const, value: 0.3 },
    ],
  });

  // One submitted audit of a call in the month, failing one yes/no item that is not critical.
  const cards = await t.call('scorecards.list', { language: 'en' });
  const card = cards.find((c) => c.template === 'outbound-sales')!;
  const sample = await t.call('audits.buildSample', {
    from,
    to,
    perAgent: 1,
    seed: 3,
    strata: true,
    minimum: 1,
  });
  const call = sample.calls[0]!;
  const answers: Record<string, string> = {};
  for (const s of card.definition.sections)
    for (const item of s.items) answers[item.key] = item.type === 'yesno' ? 'yes' : '4';
  const item = card.definition.sections
    .flatMap((s) => s.items)
    .find((i) => i.type === 'yesno' && !i.critical)!;
  failedItem = { key: item.key, label: item.label };
  answers[item.key] = 'no';
  const opened = await t.call('audits.open', {
    callId: call.callId,
    versionId: card.versionId,
    reviewer: 'Lin',
  });
  audit = await t.call('audits.submit', { auditId: opened.id, answers: answersIn(answers), notes: [] });
  expect(audit.score).not.toBeNull();

  // A 1:1 in the month whose follow-up (and one agreed action) fell due in the month and is still open.
  await t.call('coaching.createNote', {
    agentId: audit.call.agentId,
    kind: 'oneOnOne',
    day: `${month}-10`,
    coach: 'Lead',
    followUpDay: `${month}-17`,
    actions: [{ text: 'Listen to two sales calls a day', dueDay: `${month}-14` }],
  });

  // Behaviour ratings: the lead rates the first agent on every dimension and the second on one; the
  // first agent rates themself and two peers rate them; a training the first and third attended.
  const [a, b, c] = agentIds as [number, number, number];
  const lead = (agentId: number, dimension: 'professionalism' | 'attitude' | 'learning', score: number) => ({
    agentId,
    raterKind: 'lead' as const,
    raterId: 0,
    dimension,
    score,
    reason: 'seen on the floor',
  });
  await t.call('ratings.set', {
    month,
    entries: [
      lead(a, 'professionalism', 5),
      lead(a, 'attitude', 4),
      lead(a, 'learning', 3),
      lead(b, 'attitude', 2),
      {
        agentId: a,
        raterKind: 'self' as const,
        raterId: a,
        dimension: 'professionalism' as const,
        score: 5,
        reason: '',
      },
      {
        agentId: a,
        raterKind: 'self' as const,
        raterId: a,
        dimension: 'attitude' as const,
        score: 4,
        reason: '',
      },
      {
        agentId: a,
        raterKind: 'peer' as const,
        raterId: b,
        dimension: 'attitude' as const,
        score: 3,
        reason: '',
      },
      {
        agentId: a,
        raterKind: 'peer' as const,
        raterId: c,
        dimension: 'attitude' as const,
        score: 4,
        reason: '',
      },
      {
        agentId: a,
        raterKind: 'peer' as const,
        raterId: c,
        dimension: 'learning' as const,
        score: 2,
        reason: '',
      },
    ],
  });
  for (const [day, hours] of [
    [`${month}-06`, 2],
    [`${month}-20`, 1.5],
  ] as const)
    await t.call('ratings.saveTraining', { day, topic: 'Objections', hours, notes: null, attendees: [a, c] });
}, 180_000);

afterAll(async () => t?.close());

async function xlsxOf(language: 'en' | 'zh-CN'): Promise<ExcelJS.Workbook> {
  const spec = { period: { kind: 'month' as const, month }, scope: { kind: 'floor' as const }, language };
  const { jobId } = await t.call('reports.generate', { spec, format: 'xlsx' });
  const job: Job = await t.api.jobs.wait(jobId);
  expect(job.status).toBe('done');
  const file = await t.call('reports.file', { jobId });
  const book = new ExcelJS.Workbook();
  // exceljs's load() is typed for an older Buffer; the workbook goes through a file as a user's would.
  const out = path.join(t.dir, `report-${language}.xlsx`);
  fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
  await book.xlsx.readFile(out);
  return book;
}

/** The data rows of a sheet (row 2 the headers) as header → value, up to the first empty row. */
function sheetRows(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === null || row.getCell(1).value === undefined) break;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return rows;
}

describe('the monthly report with targets, scores, audits and coaching', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await xlsxOf('en');
  }, 60_000);

  it('has every sheet the issue asks for', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Agents',
      'Daily',
      'Teams',
      'Campaigns',
      'Audits',
      'Audit items',
      'Audit comments',
      'Behaviour ratings',
      'Coaching follow-ups',
    ]);
  });

  it('Summary: target and attainment for dials, sales and connect rate as the targets pacing gives them', async () => {
    const pacing = await t.call('targets.pacing', { filter: { from, to } });
    expect(pacing.applies).toBe(true);
    const rows = sheetRows(book.getWorksheet('Summary')!);
    const byKpi = new Map(rows.map((r) => [String(r['KPI']), r]));
    const dials = byKpi.get('Dials')!;
    // the floor's dial target: every agent's 120 a working day over the month's working days
    expect(dials['Target']).toBe(120 * agentIds.length * pacing.workingDays);
    const dialPace = pacing.kpis.find((k) => k.kpi === 'dialsPerDay')!;
    expect(dials['Attainment']).toBeCloseTo(dialPace.pace!, 12);
    // a finished month: attainment is simply the dials over the month's dial target
    expect(dials['Attainment']).toBeCloseTo(
      (dials['This period'] as number) / (120 * agentIds.length * pacing.workingDays),
      12,
    );
    const sales = byKpi.get('Sales')!;
    expect(sales['Target']).toBe(20 * agentIds.length);
    expect(sales['Attainment']).toBeCloseTo((sales['This period'] as number) / (20 * agentIds.length), 12);
    const connect = byKpi.get('Connect rate')!;
    expect(connect['Target']).toBeCloseTo(0.3, 12);
    expect(connect['Attainment']).toBeCloseTo((connect['This period'] as number) / 0.3, 12);
    // a KPI without a target has empty cells
    expect(byKpi.get('Connects')!['Target']).toBeNull();
  });

  it('Agents: composite score, grade and variable pay as targets.scores and targets.bonus give them', async () => {
    const scores = await t.call('targets.scores', { month });
    const pay = await t.call('targets.bonus', { month });
    const codes = new Map([...codeOf].map(([id, code]) => [code, id]));
    const rows = sheetRows(book.getWorksheet('Agents')!).filter((r) => r['Agent code'] !== 'Total');
    expect(rows).toHaveLength(agentIds.length);
    let graded = 0;
    for (const row of rows) {
      const agentId = codes.get(String(row['Agent code']))!;
      const score = scores.rows.find((s) => s.agentId === agentId)!;
      const bonus = pay.rows.find((b) => b.agentId === agentId)!;
      expect(row['Composite score']).toBeCloseTo(score.score!, 9);
      expect(row['Grade']).toBe(score.grade);
      expect(row['Variable pay']).toBeCloseTo(bonus.pay! / 100, 6);
      if (score.grade) graded++;
    }
    expect(graded).toBe(agentIds.length);
  });

  it('Audits: the audited agent with one audit and its score; Audit items: the failed item at 100 %', () => {
    const code = codeOf.get(audit.call.agentId);
    const audits = sheetRows(book.getWorksheet('Audits')!);
    expect(audits.filter((r) => r['Agent code'] !== 'Total')).toEqual([
      expect.objectContaining({ 'Agent code': code, Audits: 1, 'Mean audit score': audit.score }),
    ]);
    const items = sheetRows(book.getWorksheet('Audit items')!);
    expect(items[0]).toMatchObject({ 'Scorecard item': failedItem.label, Failed: 1, 'Failure rate': 1 });
    expect(items.filter((r) => r['Scorecard item'] !== 'Total').every((r) => r['Answered'] === 1)).toBe(true);
    expect(items.slice(1).every((r) => r['Failed'] === 0 || r['Scorecard item'] === 'Total')).toBe(true);
  });

  it('Behaviour ratings: the lead’s scores, self and peer means, trainings; agents with none are left out', () => {
    const code = (id: number) => codeOf.get(id);
    const rows = sheetRows(book.getWorksheet('Behaviour ratings')!);
    const [a, b, c] = agentIds as [number, number, number];
    expect(rows.map((r) => r['Agent code'])).toEqual([code(a), code(b), code(c)].sort());
    expect(rows.find((r) => r['Agent code'] === code(a))).toMatchObject({
      Professionalism: 5,
      Attitude: 4,
      Learning: 3,
      'Self-rating': 4.5,
      'Peer rating': 3, // (3 + 4 + 2) ÷ 3
      Peers: 2,
      Trainings: 2,
      'Training hours': 3.5,
    });
    expect(rows.find((r) => r['Agent code'] === code(b))).toMatchObject({
      Professionalism: null,
      Attitude: 2,
      Trainings: 0,
    });
    // rated by nobody, but attended both trainings
    expect(rows.find((r) => r['Agent code'] === code(c))).toMatchObject({ Attitude: null, Trainings: 2 });
  });

  it('Coaching follow-ups: the open follow-up and action due in the month, overdue today', () => {
    const code = codeOf.get(audit.call.agentId);
    const rows = sheetRows(book.getWorksheet('Coaching follow-ups')!);
    expect(
      rows.map((r) => [(r['Due'] as Date).toISOString().slice(0, 10), r['Status'], r['Agent code']]),
    ).toEqual([
      [`${month}-14`, 'Overdue', code],
      [`${month}-17`, 'Overdue', code],
    ]);
    expect(rows.map((r) => r['Follow-up'])).toEqual([
      'Listen to two sales calls a day',
      `Follow-up on the 1:1 of ${month}-10`,
    ]);
  });

  it('speaks Chinese in zh-CN with the glossary words', async () => {
    const zh = await xlsxOf('zh-CN');
    expect(zh.worksheets.map((s) => s.name).slice(5)).toEqual([
      '录音抽检',
      '抽检项目',
      '质检评语',
      '行为评价',
      '辅导跟进',
    ]);
    const header = (zh.getWorksheet('汇总')!.getRow(2).values as unknown[]).map(String);
    expect(header).toEqual(expect.arrayContaining(['目标', '达成率']));
    const agents = (zh.getWorksheet('坐席')!.getRow(2).values as unknown[]).map(String);
    expect(agents).toEqual(expect.arrayContaining(['综合得分', '绩效等级', '浮动薪酬']));
  }, 60_000);

  it('a quarter has no target or score columns and says so; a closed month freezes them with the rest', async () => {
    const quarter = Number(month.slice(5, 7));
    const q = await reportFor(
      t.ws,
      {
        period: { kind: 'quarter', year: Number(month.slice(0, 4)), quarter: Math.ceil(quarter / 3) },
        scope: { kind: 'floor' },
        language: 'en',
      },
      now(),
    );
    const summary = q.tables.find((x) => x.id === 'summary')!;
    expect(summary.columns.map((c) => c.key)).not.toContain('target');
    expect(summary.note).toContain('single months only');
    expect(q.tables.find((x) => x.id === 'agents')!.columns.map((c) => c.key)).not.toContain('score');
    const ratings = q.tables.find((x) => x.id === 'ratings')!;
    expect(ratings.rows).toEqual([]);
    expect(ratings.empty).toBe('Behaviour ratings exist for single months only.');

    await t.call('reports.closeMonth', { month });
    try {
      const closed = await reportFor(
        t.ws,
        { period: { kind: 'month', month }, scope: { kind: 'floor' }, language: 'en' },
        now(),
      );
      expect(closed.close).not.toBeNull();
      expect(closed.close).toMatchObject({ callsOnly: false, changedSections: [] });
      expect(closed.lines.join('\n')).not.toMatch(/current data|changed since/);
      const agents = closed.tables.find((x) => x.id === 'agents')!;
      expect(agents.rows.every((r) => r['grade'] !== null)).toBe(true);
    } finally {
      await t.call('reports.reopenMonth', { month });
    }
  });
});

describe('orders on the Summary', () => {
  let o: TestWorkspace;
  beforeAll(async () => {
    o = await openTestWorkspace({ timeZone: TZ });
    expect((await o.importFile(path.join(FIXTURES, 'orders/calls-before-orders.csv'))).status).toBe('done');
    expect((await o.importFile(path.join(FIXTURES, 'orders/orders-en.csv'))).status).toBe('done');
  }, 60_000);
  afterAll(async () => o?.close());

  const summaryOf = async (month: string) =>
    (
      await reportFor(
        o.ws,
        { period: { kind: 'month', month }, scope: { kind: 'floor' }, language: 'en' },
        now(),
      )
    ).tables.find((x) => x.id === 'summary')!;

  it('a month with orders shows order revenue, collected and collection rate as orders.summary does', async () => {
    const expected = await o.call('orders.summary', {
      filter: { from: '2026-01-01', to: '2026-01-31' },
    });
    expect(expected.hasOrders).toBe(true);
    const rows = (await summaryOf('2026-01')).rows.filter((r) =>
      ['orderRevenue', 'collected', 'collectionRate'].includes(String(r['kpi'])),
    );
    expect(rows.map((r) => [r['kpi'], r['label'], r['unit'], r['current']])).toEqual([
      ['orderRevenue', 'Order revenue', 'money', expected.current.orderRevenue],
      ['collected', 'Collected', 'money', expected.current.collected],
      ['collectionRate', 'Collection rate', 'percent', expected.current.collectionRate],
    ]);
    expect(expected.current.orderRevenue).toBeGreaterThan(0);
  });

  it('a month without orders has no order rows', async () => {
    const kpis = (await summaryOf('2025-12')).rows.map((r) => r['kpi']);
    expect(kpis).not.toContain('orderRevenue');
    expect(kpis).toContain('dials');
  });
});
