/**
 * The query benchmark's workspace on PostgreSQL: the same demo calls as the SQLite one (the one
 * definition of query-workspace.ts, generated in the same order), loaded into a fresh team
 * workspace by COPY straight into `calls` — not through our importer, whose PostgreSQL figures
 * bench:import measures — then the rollups rebuilt by the app's own `rebuildRollups` and the
 * planner's statistics gathered (ANALYZE), as autovacuum would after a real import.
 *
 * Agents, teams, campaigns and batches get their ids in first-sight order, as the importer gives
 * them in the SQLite workspace, so both answer with the same ids (the bench checks every number
 * against DuckDB's by id). The load is a bench's: foreign keys are not checked row by row
 * (session_replication_role = replica; the rows are consistent by construction) and the indexes
 * of `calls` are built after the COPY instead of maintained during it.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { CALL_COLUMNS, callColumnValues } from '../../src-main/db/pg-call-writer';
import { CopyIn, copyField } from '../../src-main/db/pg-copy';
import { rebuildRollups } from '../../src-main/metrics/rollup';
import { phoneSalt } from '../../src-main/settings';
import type { Workspace } from '../../src-main/workspace';
import { now } from '../../src-main/clock';
import { queryWorkspaceCalls, TIME_ZONE, type QueryWorkspaceDefinition } from './query-workspace';
import { DEFAULT_THRESHOLDS } from '../../src-shared/anomalies';

/** What the bench copies into `calls`: the ids it gives, then the columns the app's writer copies. */
const COPIED_COLUMNS = ['batch_id', 'agent_id', 'campaign_id', ...CALL_COLUMNS] as const;

/** Ids in first-sight order. */
class Ids {
  readonly byName = new Map<string, number>();
  of(name: string): number {
    let id = this.byName.get(name);
    if (id === undefined) this.byName.set(name, (id = this.byName.size + 1));
    return id;
  }
}

export interface PgLoadFacts {
  calls: number;
  copySeconds: number;
  indexSeconds: number;
  rollupSeconds: number;
  analyzeSeconds: number;
}

/** Fills the empty, migrated team workspace `ws` (of `url`) with the calls of `def`. */
export async function loadQueryWorkspacePg(
  ws: Workspace,
  url: string,
  def: QueryWorkspaceDefinition,
  threshold: number,
): Promise<PgLoadFacts> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    // The secondary indexes and the dedup key of `calls`, dropped now and built after the COPY.
    const indexes = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE tablename = 'calls' AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    );
    const keys = await client.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = 'calls'::regclass AND contype = 'u'`,
    );
    for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
    for (const k of keys.rows) await client.query(`ALTER TABLE calls DROP CONSTRAINT ${k.name}`);

    const agents = new Ids();
    const teams = new Ids();
    const campaigns = new Ids();
    const agentRows = new Map<number, { code: string; name: string | null; teamId: number | null }>();
    const batches = new Map<string, { id: number; calls: number; firstDay: string; lastDay: string }>();

    const started = performance.now();
    await client.query('BEGIN');
    const copy = new CopyIn(client, 'calls', COPIED_COLUMNS);
    let n = 0;
    for (const c of queryWorkspaceCalls(def, await phoneSalt(ws.kysely))) {
      const month = c.day.slice(0, 7);
      let batch = batches.get(month);
      if (!batch)
        batches.set(month, (batch = { id: batches.size + 1, calls: 0, firstDay: c.day, lastDay: c.day }));
      batch.calls++;
      batch.lastDay = c.day;
      const teamId = c.teamName ? teams.of(c.teamName) : null;
      const agentId = agents.of(c.agentCode);
      if (!agentRows.has(agentId)) agentRows.set(agentId, { code: c.agentCode, name: c.agentName, teamId });
      copy.line(
        [batch.id, agentId, c.campaign ? campaigns.of(c.campaign) : null, ...callColumnValues(c)]
          .map(copyField)
          .join('\t'),
      );
      if (++n % 10_000 === 0) await copy.drain();
      if (n % 1_000_000 === 0)
        process.stderr.write(
          `  PostgreSQL: ${n} calls copied (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
        );
    }
    await copy.end();

    const at = now();
    const insert = async (table: string, columns: string[], rows: (string | number | null)[][]) => {
      for (let i = 0; i < rows.length; i += 1000) {
        const slice = rows.slice(i, i + 1000);
        const params: (string | number | null)[] = [];
        const tuples = slice.map(
          (r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`,
        );
        await client.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
          params,
        );
      }
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`,
      );
    };
    await insert(
      'teams',
      ['id', 'name', 'created_at'],
      [...teams.byName].map(([name, id]) => [id, name, at]),
    );
    await insert(
      'agents',
      ['id', 'code', 'name', 'team_id', 'created_at'],
      [...agentRows].map(([id, a]) => [id, a.code, a.name, a.teamId, at]),
    );
    await insert(
      'campaigns',
      ['id', 'name'],
      [...campaigns.byName].map(([name, id]) => [id, name]),
    );
    await insert(
      'import_batches',
      [
        'id',
        'file_name',
        'file_sha256',
        'file_size',
        'preset',
        'mapping',
        'time_zone',
        'status',
        'rows_total',
        'inserted',
        'first_day',
        'last_day',
        'started_at',
        'finished_at',
      ],
      [...batches].map(([month, b]) => [
        b.id,
        `calls-${month}.csv`,
        '',
        0,
        'demo',
        '{}',
        TIME_ZONE,
        'done',
        b.calls,
        b.calls,
        b.firstDay,
        b.lastDay,
        at,
        at,
      ]),
    );
    await client.query('COMMIT');
    const copySeconds = (performance.now() - started) / 1000;

    const indexed = performance.now();
    for (const k of keys.rows) await client.query(`ALTER TABLE calls ADD CONSTRAINT ${k.name} ${k.def}`);
    for (const i of indexes.rows) await client.query(i.def);
    const indexSeconds = (performance.now() - indexed) / 1000;

    const rolled = performance.now();
    await ws.kysely
      .transaction()
      .execute((trx) => rebuildRollups(trx, { threshold, short: DEFAULT_THRESHOLDS.shortSeconds }));
    const rollupSeconds = (performance.now() - rolled) / 1000;

    const analyzed = performance.now();
    await sql`ANALYZE`.execute(ws.kysely);
    const analyzeSeconds = (performance.now() - analyzed) / 1000;
    return { calls: n, copySeconds, indexSeconds, rollupSeconds, analyzeSeconds };
  } finally {
    client.release();
    await pool.end();
  }
}
