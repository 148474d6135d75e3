/**
 * The copy's bulk path keeps every call exact (issue 20, "moving between them"): a file of a few
 * thousand demo calls — some with a recording reference holding a tab, a newline and backslashes,
 * which COPY's text format must escape — is copied into a team workspace in several pages, then
 * exported back to a new file. Each side is read with the same plain SQL, the ids replaced by
 * what they name (the agent's code, the campaign's name, the batch's file and start), and every
 * call's fields compared; a second copy adds nothing.
 */
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_COLUMNS } from '../../src-main/db/pg-call-writer';
import type { Database } from '../../src-main/db/schema';
import { openWorkspace } from '../../src-main/workspace';
import { copyWorkspace } from '../../src-main/workspace-copy/copy';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

/**
 * The columns of `calls` that are the call's own (the ids are compared by what they name): the
 * bulk writer's list, so a column added there is compared here too, and `phone_full`, which no
 * import fills (only the last four digits and a hash are kept) but a copy must carry as it is.
 */
const OWN_COLUMNS = [...CALL_COLUMNS, 'phone_full'];
const ID_COLUMNS = ['id', 'batch_id', 'agent_id', 'campaign_id'];
const NUMBERS = new Set([
  'started_at',
  'hour',
  'weekday',
  'ring_seconds',
  'talk_seconds',
  'is_intent',
  'is_sale',
  'sale_amount',
  'batch_started',
]);
/** a few hundred pages of the source's calls: the pages' edges are walked many times */
const PAGE_SIZE = 700;
const AWKWARD_REF = 'C:\\rec\\new\tfolder\nline\\\\end.wav';

let file: TestWorkspace;
let team: TestWorkspace;

/** Every call of `db`, its ids replaced by what they name, in source-key order; numbers as numbers. */
async function callsOf(db: Kysely<Database>): Promise<Record<string, unknown>[]> {
  const own = sql.join(OWN_COLUMNS.map((c) => sql.ref(`c.${c}`)));
  const rows = await sql<Record<string, unknown>>`
    SELECT ${own}, a.code AS agent, k.name AS campaign, b.file_sha256 AS batch_file,
      b.started_at AS batch_started
    FROM calls c
    JOIN agents a ON a.id = c.agent_id
    LEFT JOIN campaigns k ON k.id = c.campaign_id
    JOIN import_batches b ON b.id = c.batch_id
    ORDER BY c.source_key`.execute(db);
  return rows.rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, NUMBERS.has(k) && v !== null ? Number(v) : v])),
  );
}

async function countCalls(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM calls`.execute(db);
  return Number(r.rows[0]!.n);
}

beforeAll(async () => {
  file = await openTestWorkspace({ timeZone: 'Asia/Shanghai' }, { engine: 'sqlite' });
  const job = await file.call('demo.load', { agents: 6, days: 8, seed: 11 });
  expect((await file.api.jobs.wait(job.jobId)).status).toBe('done');
  // COPY's text format escapes these; a stored reference must come back byte for byte.
  file.ws.db.prepare('UPDATE calls SET recording_ref = ? WHERE id % 37 = 0').run(AWKWARD_REF);
  team = await openTestWorkspace({ timeZone: 'Asia/Shanghai' }, { engine: 'postgres' });
}, 120_000);

afterAll(async () => {
  await team?.close();
  await file?.close();
});

describe('the copy of a few thousand calls', () => {
  it('keeps every call exact into a team workspace and back into a file, and a second copy adds nothing', async () => {
    const live = file.ws.db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('calls')")
      .all();
    expect(live.map((c) => c.name).sort()).toEqual([...OWN_COLUMNS, ...ID_COLUMNS].sort());
    const expected = await callsOf(file.ws.kysely);
    expect(expected.length).toBeGreaterThan(3 * PAGE_SIZE);
    expect(expected.filter((c) => c['recording_ref'] === AWKWARD_REF).length).toBeGreaterThan(10);

    const first = await copyWorkspace(file.ws, team.ws, { pageSize: PAGE_SIZE });
    expect(first.tables.calls).toEqual({ read: expected.length, added: expected.length, leftOut: 0 });
    expect(await countCalls(team.ws.kysely)).toBe(expected.length);
    expect(await callsOf(team.ws.kysely)).toEqual(expected);

    const again = await copyWorkspace(file.ws, team.ws, { pageSize: PAGE_SIZE });
    expect(again.tables.calls).toEqual({ read: expected.length, added: 0, leftOut: 0 });
    for (const [table, outcome] of Object.entries(again.tables))
      expect([table, outcome.added]).toEqual([table, 0]);
    expect(await countCalls(team.ws.kysely)).toBe(expected.length);

    const out = await openWorkspace(path.join(file.dir, 'export.sqlite'));
    try {
      const exported = await copyWorkspace(team.ws, out, { pageSize: PAGE_SIZE });
      expect(exported.tables.calls?.added).toBe(expected.length);
      expect(await countCalls(out.kysely)).toBe(expected.length);
      expect(await callsOf(out.kysely)).toEqual(expected);
      const exportedAgain = await copyWorkspace(team.ws, out, { pageSize: PAGE_SIZE });
      expect(exportedAgain.tables.calls?.added).toBe(0);
      expect(await countCalls(out.kysely)).toBe(expected.length);
    } finally {
      await out.close();
    }
  }, 300_000);
});
