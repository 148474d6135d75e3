/**
 * A closed month's report for a lead's set of teams: a floor of three teams (calls of this month and
 * the one before, team and everyone's targets, audits with comments, orders, coaching follow-ups,
 * behaviour ratings) written by the test. The close stores the floor, each team and each agent only;
 * the report for teams {Alpha, Beta} is made of the two teams' stored figures, and must print what
 * the live report for the two printed before the close, section by section, with the numbers this
 * test computes from the rows it wrote; calls imported into the closed month later change nothing;
 * its XLSX, CSV and PDF are not empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardVersion } from '../../src-shared/api';
import { lastMonth, periodRange, type Report, type ReportSpec } from '../../src-shared/reports-model';
import { addDays, todayIn } from '../../src-shared/time';
import { previousPeriod } from '../../src-shared/periods';
import { generateReport, reportFor } from '../../src-main/reports/generate';
import { csvFiles } from '../../src-main/reports/csv';
import { answersIn, openTestWorkspace, type TestWorkspace } from '../helpers';
import { now, pinClock } from '../../src-main/clock';
import { PINNED_NOW } from '../pinned-clock';

const TZ = 'Asia/Shanghai';
// The clock the app and this test read, pinned: the suite's instant (a Monday), or the 1st of a
// month in the second pass (test/run-all.mjs), never the machine's date. "Last month" follows it.
pinClock(process.env.CALLSCOPE_NOW ?? PINNED_NOW);
const NOW = now();
const NO_SIGNAL = { progress: () => {}, signal: new AbortController().signal };

/** code, team, sales amount (yuan) of each of its sales */
const AGENTS = [
  ['A1', 'Alpha', 300],
  ['A2', 'Alpha', 450],
  ['B1', 'Beta', 500],
  ['B2', 'Beta', 250],
  ['C1', 'Gamma', 800],
] as const;
const IN_AB = new Set(['A1', 'A2', 'B1', 'B2']);

interface CallLine {
  id: string;
  code: string;
  day: string;
  connected: boolean;
  sale: number;
}

let t: TestWorkspace;
let month: string;
let from: string;
let to: string;
let card: ScorecardVersion;
const lines: CallLine[] = [];
const teamId = new Map<string, number>();
const agentId = new Map<string, number>();
let failedLabels: string[];

function writeCsv(name: string, rows: string[]): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

function callsFile(name: string, calls: CallLine[]): string {
  return writeCsv(name, [
    'call_id,agent_code,agent_name,team,campaign,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount,recording',
    ...calls.map((c, i) => {
      const team = AGENTS.find((a) => a[0] === c.code)![1];
      const time = `${String(9 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
      return [
        c.id,
        c.code,
        `Agent ${c.code}`,
        team,
        'Spring',
        `${c.day} ${time}`,
        `139${String(10_000_000 + i).padStart(8, '0')}`,
        'outbound',
        c.connected ? 'connected' : 'no_answer',
        '5',
        c.connected ? '180' : '0',
        c.sale > 0 ? 'sale' : '',
        c.sale > 0 ? String(c.sale) : '',
        '',
      ].join(',');
    }),
  ]);
}

/** Each agent's calls of some days: `dials` a day, every second one connected, one sale a day on some days. */
function callsOf(days: string[], tag: string): CallLine[] {
  const out: CallLine[] = [];
  for (const [a, [code, , amount]] of AGENTS.entries())
    for (const [d, day] of days.entries()) {
      const dials = 3 + ((a + d) % 3);
      for (let n = 0; n < dials; n++)
        out.push({
          id: `${tag}-${code}-${day}-${n}`,
          code,
          day,
          connected: n % 2 === 0,
          sale: n === 0 && (a + d) % 2 === 0 ? amount : 0,
        });
    }
  return out;
}

async function submitAudit(code: string, index: number, failItem: number, comment: string) {
  const call = await t.ws.kysely
    .selectFrom('calls')
    .select('id')
    .where('source_key', 'like', `%M-${code}-%`)
    .orderBy('id')
    .offset(index)
    .limit(1)
    .executeTakeFirstOrThrow();
  const opened = await t.call('audits.open', { callId: call.id, versionId: card.versionId, reviewer: 'Lin' });
  const items = card.definition.sections.flatMap((s) => s.items);
  const answers: Record<string, string> = {};
  for (const item of items) answers[item.key] = item.type === 'yesno' ? 'yes' : String(3 + (index % 3));
  const failed = items.filter((i) => i.type === 'yesno' && !i.critical)[failItem]!;
  answers[failed.key] = 'no';
  await t.call('audits.submit', { auditId: opened.id, answers: answersIn(answers), notes: [], comment });
}

beforeAll(async () => {
  t = await openTestWorkspace({ timeZone: TZ });
  month = lastMonth(todayIn(TZ, NOW));
  ({ from, to } = periodRange({ kind: 'month', month }));
  const before = previousPeriod({ from, to }).from;
  const days = (start: string, n: number) => Array.from({ length: n }, (_, i) => addDays(start, i + 1));
  lines.push(...callsOf(days(from, 10), 'M'), ...callsOf(days(before, 4), 'P'));
  expect((await t.importFile(callsFile('calls.csv', lines))).status).toBe('done');
  for (const r of await t.ws.kysely.selectFrom('teams').select(['id', 'name']).execute())
    teamId.set(r.name, r.id);
  for (const r of await t.ws.kysely.selectFrom('agents').select(['id', 'code', 'team_id']).execute()) {
    agentId.set(r.code, r.id);
    expect(r.team_id).toBe(teamId.get(AGENTS.find((a) => a[0] === r.code)![1]));
  }

  const team = (name: string) => teamId.get(name)!;
  await t.call('targets.set', {
    month,
    entries: [
      { scope: 'team', scopeId: team('Alpha'), kpi: 'sales', value: 30 },
      { scope: 'team', scopeId: team('Beta'), kpi: 'sales', value: 20 },
      { scope: 'team', scopeId: team('Gamma'), kpi: 'sales', value: 10 },
      { scope: 'agent', scopeId: agentId.get('B1')!, kpi: 'dialsPerDay', value: 5 },
      // Alpha's own connect rate differs from Beta's (everyone's): the two teams' is everyone's.
      { scope: 'team', scopeId: team('Alpha'), kpi: 'connectRate', value: 0.4 },
      { scope: 'all', scopeId: 0, kpi: 'connectRate', value: 0.3 },
    ],
  });
  const cards = await t.call('scorecards.list', { language: 'en' });
  card = cards.find((c) => c.template === 'outbound-sales')!;
  const yesno = card.definition.sections
    .flatMap((s) => s.items)
    .filter((i) => i.type === 'yesno' && !i.critical);
  failedLabels = [yesno[0]!.label, yesno[1]!.label];
  await submitAudit('A1', 0, 0, 'Greeting too fast');
  await submitAudit('A1', 3, 1, '');
  await submitAudit('B2', 1, 0, 'Good close');
  await submitAudit('C1', 0, 1, 'Gamma only');

  const orders = writeCsv('orders.csv', [
    'Order ID,Agent Code,Customer Phone,Order Date,Order Amount,Amount Collected,Collection Date,Product,Status,Customer Type',
    `O-1,A2,13900001001,${addDays(from, 4)} 10:00,$1200.00,$600.00,${addDays(from, 4)},Plan,Partially paid,New`,
    `O-2,B1,13900001002,${addDays(from, 6)} 10:00,$800.00,$800.00,${addDays(from, 6)},Plan,Paid,New`,
    `O-3,C1,13900001003,${addDays(from, 6)} 10:00,$5000.00,$100.00,${addDays(from, 6)},Plan,Partially paid,New`,
  ]);
  expect((await t.importFile(orders)).status).toBe('done');
  for (const [code, day] of [
    ['B2', 3],
    ['A1', 8],
    ['C1', 5],
  ] as const)
    await t.call('coaching.createNote', {
      agentId: agentId.get(code)!,
      kind: 'oneOnOne',
      day: addDays(from, day),
      coach: 'Lead',
      followUpDay: addDays(from, day + 7),
      actions: [{ text: `Practise objections (${code})`, dueDay: addDays(from, day + 2) }],
    });
  const rating = (code: string, score: number) => ({
    agentId: agentId.get(code)!,
    raterKind: 'lead' as const,
    raterId: 0,
    dimension: 'attitude' as const,
    score,
    reason: 'steady',
  });
  await t.call('ratings.set', { month, entries: [rating('B2', 4), rating('A2', 3), rating('C1', 5)] });
}, 180_000);

afterAll(async () => t?.close());

const spec = (): ReportSpec => ({
  period: { kind: 'month', month },
  scope: { kind: 'teams', teamIds: [teamId.get('Alpha')!, teamId.get('Beta')!] },
  language: 'en',
});

/** Everything a report prints but its header lines (which name the close). */
const printed = (r: Report) => ({ tables: r.tables, charts: r.charts, scope: r.scopeLabel });
const table = (r: Report, id: string) => r.tables.find((x) => x.id === id)!;
const summaryValue = (r: Report, kpi: string) => table(r, 'summary').rows.find((x) => x['kpi'] === kpi)!;

describe("a closed month's report for a set of teams", () => {
  it('prints what the live report of the two teams printed, from the rows written, and stays frozen', async () => {
    const live = await reportFor(t.ws, spec(), NOW);
    expect(live.close).toBeNull();
    await t.call('reports.closeMonth', { month });
    const closed = await reportFor(t.ws, spec(), NOW);
    expect(closed.close).not.toBeNull();

    // Every section as the live report printed it, table by table (a readable failure first).
    for (const live1 of live.tables) expect(table(closed, live1.id), live1.id).toEqual(live1);
    expect(printed(closed)).toEqual(printed(live));

    // The numbers from the rows the test wrote.
    const ab = lines.filter((l) => IN_AB.has(l.code) && l.day >= from && l.day <= to);
    const dials = ab.length;
    const connects = ab.filter((l) => l.connected).length;
    const sales = ab.filter((l) => l.sale > 0).length;
    const revenue = ab.reduce((s, l) => s + l.sale * 100, 0);
    expect(summaryValue(closed, 'dials')['current']).toBe(dials);
    expect(summaryValue(closed, 'connects')['current']).toBe(connects);
    expect(summaryValue(closed, 'sales')['current']).toBe(sales);
    expect(summaryValue(closed, 'revenue')['current']).toBe(revenue);
    expect(summaryValue(closed, 'connectRate')['current']).toBeCloseTo(connects / dials, 12);
    const agents = table(closed, 'agents')
      .rows.map((r) => r['code'])
      .sort();
    expect(agents).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(
      table(closed, 'teams').rows.map((r) => [r['team'] ?? r['label'] ?? r['name'], r['dials']]),
    ).toEqual(
      ['Alpha', 'Beta'].map((name) => [
        name,
        ab.filter((l) => AGENTS.find((a) => a[0] === l.code)![1] === name).length,
      ]),
    );
    // Targets: the sales target is the teams' sum; the connect rate everyone's (the two teams differ).
    expect(summaryValue(closed, 'sales')['target']).toBeCloseTo(30 + 20, 9);
    expect(summaryValue(closed, 'sales')['attainment']).toBeCloseTo(sales / 50, 12);
    expect(summaryValue(closed, 'connectRate')['target']).toBe(0.3);
    expect(summaryValue(closed, 'connectRate')['attainment']).toBeCloseTo(connects / dials / 0.3, 12);
    // Orders: revenue and collected summed, the collection rate of the sums.
    expect(summaryValue(closed, 'orderRevenue')['current']).toBe(200_000);
    expect(summaryValue(closed, 'collected')['current']).toBe(140_000);
    expect(summaryValue(closed, 'collectionRate')['current']).toBeCloseTo(140_000 / 200_000, 12);
    // Audits: A1's two and B2's one, never Gamma's; the items failed as written.
    const audits = table(closed, 'audits').rows.map((r) => [r['code'], r['audits']]);
    expect(audits.sort()).toEqual([
      ['A1', 2],
      ['B2', 1],
    ]);
    const items = table(closed, 'auditItems').rows.filter((r) => (r['failures'] as number) > 0);
    expect(items.map((r) => [r['item'], r['failures']]).sort()).toEqual(
      [
        [failedLabels[0], 2],
        [failedLabels[1], 1],
      ].sort(),
    );
    const trend = closed.charts.find((c) => c.kind === 'auditTrend');
    expect(trend?.kind === 'auditTrend' && trend.weeks.reduce((n, w) => n + w.audits, 0)).toBe(3);
    expect(table(closed, 'auditComments').rows.map((r) => r['comment'])).toEqual(
      expect.arrayContaining(['Greeting too fast', 'Good close']),
    );
    expect(table(closed, 'auditComments').rows).toHaveLength(2);
    // Follow-ups of B2 then A1 (by due day; a note's follow-up and its action each), none of Gamma.
    const followUps = table(closed, 'followUps').rows.map((r) => [r['due'], r['code']]);
    expect(followUps).toEqual(
      [
        [addDays(from, 5), 'B2'],
        [addDays(from, 10), 'B2'],
        [addDays(from, 10), 'A1'],
        [addDays(from, 15), 'A1'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]!.localeCompare(b[1]!))),
    );
    expect(table(closed, 'ratings').rows.map((r) => [r['code'], r['attitude']])).toEqual([
      ['A2', 3],
      ['B2', 4],
    ]);

    // Calls imported into the closed month later: the live report moves, the closed one does not.
    const late = callsOf([addDays(from, 12)], 'L').filter((l) => l.code === 'A1' || l.code === 'B2');
    expect((await t.importFile(callsFile('late.csv', late))).status).toBe('done');
    await submitAudit('B1', 0, 0, 'Late audit');
    const after = await reportFor(t.ws, spec(), NOW);
    expect(printed(after)).toEqual(printed(live));
    const moved = await reportFor(t.ws, { ...spec(), period: { kind: 'custom', from, to } }, NOW);
    expect(summaryValue(moved, 'dials')['current']).toBe(dials + late.length);

    // The files of it are not empty.
    const xlsx = await generateReport(t.ws, spec(), 'xlsx', NO_SIGNAL, NOW);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.bytes.length).toBeGreaterThan(5_000);
    const csvText = csvFiles(after)
      .map((f) => f.data.toString('utf8'))
      .join('\n');
    for (const text of ['A1', 'B2', 'Greeting too fast', String(dials)]) expect(csvText).toContain(text);
    expect(csvText).not.toContain('Gamma only');
    const csv = await generateReport(t.ws, spec(), 'csv', NO_SIGNAL, NOW);
    expect(csv.bytes.length).toBeGreaterThan(1_000);
    const pdf = await generateReport(t.ws, spec(), 'pdf', NO_SIGNAL, NOW);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }, 240_000);

  it('a close made before the merge parts were kept is not reported as changed for them', async () => {
    await t.call('reports.reopenMonth', { month });
    await t.call('reports.closeMonth', { month });
    const row = await t.ws.kysely
      .selectFrom('month_closes')
      .select('snapshot')
      .where('month', '=', month)
      .executeTakeFirstOrThrow();
    // The version-2 form: the same figures without what only merging needs.
    const mergeOnly = new Set(['parts', 'key', 'labelVersion', 'scoreSum', 'scored', 'passMarks', 'auditId']);
    const v2 = JSON.stringify({ ...JSON.parse(row.snapshot), version: 2 }, (k, v: unknown) =>
      mergeOnly.has(k) ? undefined : v,
    );
    expect(v2).not.toContain('"parts"');
    const { createHash } = await import('node:crypto');
    await t.ws.kysely
      .updateTable('month_closes')
      .set({ snapshot: v2, checksum: createHash('sha256').update(v2, 'utf8').digest('hex') })
      .where('month', '=', month)
      .execute();
    expect((await t.call('reports.closeStatus', { month })).changedSections).toEqual([]);
    await t.call('reports.reopenMonth', { month });
  }, 120_000);
});
