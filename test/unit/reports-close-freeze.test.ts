/**
 * Month close freezes every section, on a real workspace file (demo calls, targets, a scoring
 * profile, orders, audits, a coaching note, a behaviour rating and a training) through the real API:
 * after the close come late calls, late orders, a late audit, a late coaching note, a late rating, a
 * changed target and a changed weight. The closed
 * month's CSV zip must stay byte-identical and its XLSX cell-identical to the export made before,
 * for the floor, a team and an agent, while the live data did move; the notice names every changed
 * section. A close made before this (snapshot version 1, call numbers only) still exports, with the
 * call numbers frozen and the other sections live, and says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { AuditDetail, ScorecardVersion } from '../../src-shared/api';
import { previousPeriod } from '../../src-shared/periods';
import { lastMonth, periodRange, type ReportSpec } from '../../src-shared/reports-model';
import { todayIn } from '../../src-shared/time';
import { csvFiles } from '../../src-main/reports/csv';
import { generateReport, reportFor } from '../../src-main/reports/generate';
import { answersIn, openTestWorkspace, sqlRows, type TestWorkspace } from '../helpers';
import { now } from '../../src-main/clock';

const TZ = 'Asia/Shanghai';

let t: TestWorkspace;
let month: string;
let from: string;
let to: string;
let agents: { id: number; code: string; team_id: number }[];
let card: ScorecardVersion;

/** Submits an audit of the `index`-th sampled call, failing one non-critical yes/no item. */
async function submitAudit(index: number): Promise<AuditDetail> {
  const sample = await t.call('audits.buildSample', {
    from,
    to,
    perAgent: 2,
    seed: 3 + index,
    strata: true,
    minimum: 1,
  });
  const call = sample.calls.find((c) => c.audit === null) ?? sample.calls[0]!;
  const answers: Record<string, string> = {};
  for (const s of card.definition.sections)
    for (const item of s.items) answers[item.key] = item.type === 'yesno' ? 'yes' : String(3 + (index % 3));
  const item = card.definition.sections
    .flatMap((s) => s.items)
    .filter((i) => i.type === 'yesno' && !i.critical)[index]!;
  answers[item.key] = 'no';
  const opened = await t.call('audits.open', {
    callId: call.callId,
    versionId: card.versionId,
    reviewer: 'Lin',
  });
  return t.call('audits.submit', { auditId: opened.id, answers: answersIn(answers), notes: [] });
}

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function ordersFile(name: string, orders: [id: string, code: string, day: string, amount: number][]): string {
  return writeCsv(name, [
    'Order ID,Agent Code,Customer Phone,Order Date,Order Amount,Amount Collected,Collection Date,Product,Status,Customer Type',
    ...orders.map(
      ([id, code, day, amount], i) =>
        `${id},${code},1390000${String(1000 + i)},${day} 10:00,$${amount}.00,$${amount / 2}.00,${day},Annual plan,Partially paid,New`,
    ),
  ]);
}

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: TZ });
  const { jobId } = await t.call('demo.load', { agents: 6, days: 75, seed: 5 });
  expect((await t.api.jobs.wait(jobId)).status).toBe('done');
  month = lastMonth(todayIn(TZ, now()));
  ({ from, to } = periodRange({ kind: 'month', month }));
  agents = await sqlRows<(typeof agents)[number]>(
    t,
    `SELECT id, code, team_id FROM agents WHERE id IN
       (SELECT agent_id FROM daily_agent_stats WHERE day BETWEEN ? AND ?) ORDER BY id`,
    from,
    to,
  );
  expect(agents.length).toBeGreaterThan(2);

  await t.call('targets.set', {
    month,
    entries: [
      ...agents.flatMap((a) => [
        { scope: 'agent' as const, scopeId: a.id, kpi: 'dialsPerDay' as const, value: 120 },
        { scope: 'agent' as const, scopeId: a.id, kpi: 'sales' as const, value: 20 },
      ]),
      { scope: 'all' as const, scopeId: 0, kpi: 'connectRate' as const, value: 0.3 },
    ],
  });
  const cards = await t.call('scorecards.list', { language: 'en' });
  card = cards.find((c) => c.template === 'outbound-sales')!;
  expect(card.definition.passMark).toBe(70);
  await submitAudit(0);
  await submitAudit(1);
  expect(
    (
      await t.importFile(
        ordersFile('orders.csv', [
          ['F-1', agents[0]!.code, `${month}-05`, 1200],
          ['F-2', agents[1]!.code, `${month}-12`, 800],
        ]),
      )
    ).status,
  ).toBe('done');
  await t.call('coaching.createNote', {
    agentId: agents[0]!.id,
    kind: 'oneOnOne',
    day: `${month}-10`,
    coach: 'Lead',
    followUpDay: `${month}-17`,
    actions: [{ text: 'Listen to two sales calls a day', dueDay: `${month}-14` }],
  });
  await t.call('ratings.set', {
    month,
    entries: [leadRating(agents[0]!.id, 4)],
  });
  await t.call('ratings.saveTraining', {
    day: `${month}-08`,
    topic: 'Objection handling',
    hours: 1.5,
    notes: null,
    attendees: [agents[0]!.id, agents[1]!.id],
  });
}, 180_000);

function leadRating(agentId: number, score: number) {
  return {
    agentId,
    raterKind: 'lead' as const,
    raterId: 0,
    dimension: 'attitude' as const,
    score,
    reason: 'on time',
  };
}

afterAll(async () => t?.close());

const NO_SIGNAL = { progress: () => {}, signal: new AbortController().signal };

/** The same instant for every export: the files' own dates (zip entries, workbook) then agree. */
const NOW = now();

const specs = (): ReportSpec[] => [
  { period: { kind: 'month', month }, scope: { kind: 'floor' }, language: 'en' },
  {
    period: { kind: 'month', month },
    scope: { kind: 'team', teamId: agents[0]!.team_id },
    language: 'zh-CN',
  },
  { period: { kind: 'month', month }, scope: { kind: 'agent', agentId: agents[0]!.id }, language: 'en' },
];

/**
 * Every cell of every sheet (value, format), but the report's header lines, which name the close.
 * Notes under a table (italic) are kept by sheet, not address: the close's lines above them move them.
 */
async function workbookCells(bytes: Buffer, name: string): Promise<string[]> {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, bytes);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const cells: string[] = [];
  const headerLine =
    /^(Generated|Month closed|The data has changed|This close|生成于|已月结|月结后|此次月结)/;
  for (const sheet of book.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && headerLine.test(cell.value)) return;
        const where = cell.font?.italic ? 'note' : cell.address;
        cells.push(`${sheet.name}!${where}=${JSON.stringify(cell.value)} ${cell.numFmt ?? ''}`);
      }),
    );
  return cells;
}

async function exportAll(tag: string) {
  const out: { csv: Buffer; xlsx: string[]; lines: string[] }[] = [];
  for (const [i, spec] of specs().entries()) {
    const csv = (await generateReport(t.ws, spec, 'csv', NO_SIGNAL, NOW)).bytes;
    const xlsx = (await generateReport(t.ws, spec, 'xlsx', NO_SIGNAL, NOW)).bytes;
    const report = await reportFor(t.ws, spec, NOW);
    out.push({ csv, xlsx: await workbookCells(xlsx, `${tag}-${i}.xlsx`), lines: report.lines });
  }
  return out;
}

/** The same numbers read live (a custom period of the same days is never served from a close). */
async function liveCsv(spec: ReportSpec): Promise<string[]> {
  const report = await reportFor(t.ws, { ...spec, period: { kind: 'custom', from, to } }, NOW);
  return csvFiles(report).map((f) => f.data.toString('utf8'));
}

describe('a closed month freezes every section', () => {
  it('re-exports the same CSV bytes and XLSX cells after late calls, orders, audit, note, target and weight', async () => {
    const before = await exportAll('before');
    const liveBefore = await Promise.all(specs().map(liveCsv));
    const audited = before[0]!.xlsx.filter((c) => c.startsWith('Audits!'));
    expect(audited.length).toBeGreaterThan(5);

    const closed = await t.call('reports.closeMonth', { month });
    onTestFinished(() => t.call('reports.reopenMonth', { month }).then(() => undefined));
    expect(closed).toMatchObject({
      closed: true,
      changedSince: false,
      changedSections: [],
      callsOnly: false,
    });

    // Late calls: three more connected sales calls of the first agent in the month.
    expect(
      (
        await t.importFile(
          writeCsv('late-calls.csv', [
            'call_id,agent_code,agent_name,team,campaign,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount,recording',
            ...[1, 2, 3].map(
              (i) =>
                `LATE${i},${agents[0]!.code},,,,${month}-2${i} 10:0${i}:00,1380000000${i},outbound,connected,5,300,sale,500,`,
            ),
          ]),
        )
      ).status,
    ).toBe('done');
    // Late orders, a late audit, a late coaching note with a follow-up due in the month.
    expect(
      (await t.importFile(ordersFile('late-orders.csv', [['F-3', agents[0]!.code, `${month}-20`, 5000]])))
        .status,
    ).toBe('done');
    await submitAudit(2);
    await t.call('coaching.createNote', {
      agentId: agents[0]!.id,
      kind: 'oneOnOne',
      day: `${month}-20`,
      coach: 'Lead',
      followUpDay: `${month}-27`,
    });
    // A changed target and a changed weight of the scoring profile.
    await t.call('targets.set', {
      month,
      entries: [{ scope: 'agent' as const, scopeId: agents[0]!.id, kpi: 'sales' as const, value: 35 }],
    });
    // A late behaviour rating.
    await t.call('ratings.set', { month, entries: [leadRating(agents[1]!.id, 2)] });
    const profile = await t.call('targets.profile', {});
    await t.call('targets.setProfile', {
      profile: { ...profile, weights: { ...profile.weights, sales: (profile.weights.sales ?? 0) + 25 } },
    });

    const status = await t.call('reports.closeStatus', { month });
    expect(status).toMatchObject({ closed: true, changedSince: true, checksum: closed.checksum });
    expect(status.changedSections).toEqual([
      'calls',
      'targets',
      'scores',
      'audits',
      'followUps',
      'orders',
      'ratings',
    ]);

    const after = await exportAll('after');
    const liveAfter = await Promise.all(specs().map(liveCsv));
    for (const [i, spec] of specs().entries()) {
      const scope = spec.scope.kind;
      expect(after[i]!.csv.equals(before[i]!.csv), `CSV zip of the ${scope}`).toBe(true);
      expect(after[i]!.xlsx, `XLSX of the ${scope}`).toEqual(before[i]!.xlsx);
    }
    // The live data did move, for every scope: the test compares something that changed.
    for (const i of [0, 1, 2]) expect(liveAfter[i]).not.toEqual(liveBefore[i]);
    const changedTables = (i: number) =>
      liveAfter[i]!.map((text, k) => (text === liveBefore[i]![k] ? null : k)).filter((k) => k !== null);
    // floor: Summary, Agents, Daily, Teams, Campaigns, Audits, Audit items, Ratings, Follow-ups all
    // moved; Audit comments (7) did not: the late audit has no comment
    expect(changedTables(0)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9]);

    expect(after[0]!.lines.join('\n')).toContain(
      'The data has changed since the close in: call numbers, targets and attainment, composite scores, grades and variable pay, recording spot-checks, coaching follow-ups, orders, behaviour ratings and trainings.',
    );
    expect(after[1]!.lines.join('\n')).toContain(
      '月结后以下数据有变动：通话数据、目标与达成率、综合得分、绩效等级与浮动薪酬、录音抽检、辅导跟进、订单、行为评价与培训。',
    );
    expect(after[0]!.lines.join('\n')).not.toContain('earlier version');

    // Reopening is explicit, and the report reads the live data again.
    await t.call('reports.reopenMonth', { month });
    const reopened = await reportFor(t.ws, specs()[0]!, NOW);
    expect(reopened.close).toBeNull();
    expect(csvFiles(reopened).map((f) => f.data.toString('utf8'))).toEqual(liveAfter[0]);
  }, 240_000);

  it('a close holds every team and agent, and names only the sections that changed', async () => {
    await t.call('reports.closeMonth', { month });
    try {
      const close = await t.ws.kysely
        .selectFrom('month_closes')
        .select('snapshot')
        .where('month', '=', month)
        .executeTakeFirstOrThrow();
      const snapshot = JSON.parse(close.snapshot) as {
        version: number;
        sources: Record<string, Record<string, unknown>>;
      };
      expect(snapshot.version).toBe(3);
      const ids = async (table: 'teams' | 'agents') =>
        (await t.ws.kysely.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
      const teams = await ids('teams');
      const all = await ids('agents');
      expect(Object.keys(snapshot.sources['audits']!)).toEqual([
        'floor',
        ...teams.map((id) => `team:${id}`),
        ...all.map((id) => `agent:${id}`),
      ]);
      expect(Object.keys(snapshot.sources['scores']!)).toEqual(['month']);
      expect(Object.keys(snapshot.sources['ratings']!)).toEqual(Object.keys(snapshot.sources['audits']!));

      // Only a coaching follow-up done: only that section is named.
      const note = await t.ws.kysely
        .selectFrom('coaching_notes')
        .select('id')
        .where('follow_up_done_at', 'is', null)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      await t.ws.kysely
        .updateTable('coaching_notes')
        .set({ follow_up_done_at: NOW })
        .where('id', '=', note.id)
        .execute();
      const status = await t.call('reports.closeStatus', { month });
      expect(status.changedSections).toEqual(['followUps']);
      const report = await reportFor(t.ws, specs()[0]!, NOW);
      expect(report.lines.join('\n')).toContain(
        'The data has changed since the close in: coaching follow-ups.',
      );
      // the frozen follow-ups table still lists it
      const followUps = report.tables.find((x) => x.id === 'followUps')!;
      expect(followUps.rows.some((r) => r['due'] === `${month}-27`)).toBe(true);
    } finally {
      await t.call('reports.reopenMonth', { month });
    }
  }, 120_000);
});

describe('a close made before every section was frozen', () => {
  it('still exports: call numbers frozen, the other sections live, and it says so', async () => {
    // A version-1 snapshot as the earlier code wrote it: the call part only.
    const prevFrom = previousPeriod({ from, to }).from;
    // Rows as arrays of their values, in column order, as the earlier code stored them.
    const arrays = async (text: string, ...params: unknown[]) =>
      (await sqlRows<Record<string, unknown>>(t, text, ...params)).map((r) => Object.values(r));
    const text = JSON.stringify({
      version: 1,
      month,
      from: prevFrom,
      to,
      teams: await arrays('SELECT id, name FROM teams ORDER BY id'),
      agents: await arrays('SELECT id, code, name, team_id FROM agents ORDER BY id'),
      campaigns: await arrays('SELECT id, name FROM campaigns ORDER BY id'),
      rows: await arrays(
        `SELECT day, agent_id, campaign_id, dials, connects, effective, talk_seconds, effective_talk_seconds,
              intents, sales, revenue
         FROM daily_agent_stats WHERE day >= ? AND day <= ? ORDER BY day, agent_id, campaign_id`,
        prevFrom,
        to,
      ),
    });
    const { createHash } = await import('node:crypto');
    await t.ws.kysely
      .insertInto('month_closes')
      .values({
        month,
        closed_at: NOW - 86_400_000,
        snapshot: text,
        checksum: createHash('sha256').update(text, 'utf8').digest('hex'),
      })
      .execute();
    try {
      const spec = specs()[0]!;
      const frozenDials = (await reportFor(t.ws, spec, NOW)).tables[0]!.rows.find(
        (r) => r['kpi'] === 'dials',
      )!['current'] as number;
      await submitAudit(3);
      expect(
        (
          await t.importFile(
            writeCsv('later-calls.csv', [
              'call_id,agent_code,agent_name,team,campaign,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount,recording',
              `V1LATE,${agents[1]!.code},,,,${month}-15 11:00:00,13811111111,outbound,no_answer,20,0,,,`,
            ]),
          )
        ).status,
      ).toBe('done');

      const status = await t.call('reports.closeStatus', { month });
      expect(status).toMatchObject({ closed: true, callsOnly: true, changedSections: ['calls'] });
      const report = await reportFor(t.ws, spec, NOW);
      expect(report.close).toMatchObject({ callsOnly: true, changedSections: ['calls'] });
      const dials = report.tables[0]!.rows.find((r) => r['kpi'] === 'dials')!['current'];
      expect(dials).toBe(frozenDials);
      // the audits are live: the audit just submitted is counted
      const live = await reportFor(t.ws, { ...spec, period: { kind: 'custom', from, to } }, NOW);
      const audits = (r: typeof report) =>
        r.tables.find((x) => x.id === 'audits')!.rows.reduce((n, row) => n + (row['audits'] as number), 0);
      expect(audits(report)).toBe(audits(live));
      expect(report.lines.join('\n')).toContain('froze the call numbers only');
      expect(report.lines.join('\n')).toContain('The data has changed since the close in: call numbers.');
      const file = await generateReport(t.ws, spec, 'xlsx', NO_SIGNAL, NOW);
      expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
      expect(file.close).toMatchObject({ callsOnly: true });
    } finally {
      await t.call('reports.reopenMonth', { month });
    }
  }, 120_000);
});
