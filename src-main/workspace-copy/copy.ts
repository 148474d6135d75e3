/**
 * Copies one workspace into another — a local file into a team workspace, or a team workspace
 * into a new file (export) — through Kysely on both, table by table in the plan's order
 * (tables.ts), each table's rows in pages by key, every foreign key rewritten to the target's ids.
 * Tables whose key is a unique constraint (calls, orders, audits' answers… most of a copy's rows)
 * go in as sets through the target engine's bulk path (db/bulk.ts RowCopyWriter: COPY into a
 * stage and one INSERT … SELECT on PostgreSQL, one prepared statement on SQLite); the others,
 * matched by key and looked up, through Kysely.
 *
 * - Bounded: a page of rows at a time (two for the bulk path: one stored while the next is read),
 *   and the ids it resolves; the id cache is capped.
 * - Idempotent and resumable: each page is one target transaction, and rows are matched by natural
 *   keys, so a copy run again (or after it was killed) adds only what is missing and finishes.
 * - The rollups are rebuilt on the target for the copied agents (after the last page, or when the
 *   copy is cancelled or fails midway: the dashboards count what was copied), never copied.
 * - The whole copy holds the target's write queue: no import interleaves with it.
 */
import type { Kysely, Transaction } from 'kysely';
import { adoptHistory, joined, type Span } from '../people/membership';
import type { RowCopyWriter } from '../db/bulk';
import type { Database } from '../db/schema';
import { JobCancelled } from '../jobs';
import { rebuildRollups } from '../metrics/rollup';
import { loadRollupParams } from '../metrics/rollup-params';
import { ensureCallPhoneIndex, hasOrders } from '../orders/phone-index';
import { rebuildOrderRollup } from '../orders/rollup';
import type { Workspace } from '../workspace';
import { keyText, pageAfter, rowsMatching, rowsOf, type RowDb } from './rows';
import { copySettings, isEmptyWorkspace, refuseOtherZone } from './settings';
import {
  COPY_ORDER,
  TABLE_PLAN,
  type IdTable,
  type KeyedTable,
  type Row,
  type TableName,
  type TablePlan,
} from './tables';

export interface CopyProgress {
  table: TableName;
  /** source rows walked so far, of `total` (counted when the copy started) */
  done: number;
  total: number;
}

export interface TableOutcome {
  /** source rows walked */
  read: number;
  /** rows the target did not hold and now does */
  added: number;
  /**
   * rows left out: their parent is not in the source any more (an audit of an undone call), or the
   * target holds another row in their place (another reviewer's audit of the same call)
   */
  leftOut: number;
}

export interface CopyResult {
  /** the target held nothing: it took the source's settings */
  targetWasEmpty: boolean;
  tables: Partial<Record<TableName, TableOutcome>>;
}

export interface CopyOptions {
  onProgress?: (progress: CopyProgress) => void;
  signal?: AbortSignal;
  /** rows per page (tests use small pages to walk several) */
  pageSize?: number;
}

const PAGE_SIZE = 500;
/** Rows per page of the tables stored as sets (calls, orders, audits' answers…): one transaction each. */
const BULK_PAGE_SIZE = 10_000;
/** Resolved ids kept per table before the cache starts over: memory stays bounded. */
const CACHE_LIMIT = 50_000;

type Db = Kysely<Database> | Transaction<Database>;

/** Source ids → target ids for each parent table, resolved by natural key on demand. */
class IdMap {
  private readonly cache = new Map<TableName, Map<number, number | null>>();

  constructor(
    private readonly source: RowDb,
    private target: RowDb,
  ) {}

  /** Resolution inside the page's transaction sees the rows it inserted. */
  useTarget(target: RowDb): void {
    this.target = target;
  }

  private tableCache(table: TableName): Map<number, number | null> {
    let map = this.cache.get(table);
    if (!map) this.cache.set(table, (map = new Map()));
    if (map.size > CACHE_LIMIT) map.clear();
    return map;
  }

  remember(table: TableName, pairs: Iterable<[number, number]>): void {
    const map = this.tableCache(table);
    for (const [from, to] of pairs) map.set(from, to);
  }

  async one(table: TableName, id: number): Promise<number | null> {
    return (await this.resolve(table, [id])).get(id) ?? null;
  }

  /** The target ids of `ids` that the target holds (none of a table the copy skips: users, say). */
  async resolve(table: TableName, ids: readonly number[]): Promise<Map<number, number>> {
    const plan: TablePlan = TABLE_PLAN[table];
    if (plan.kind !== 'id') return new Map();
    const cache = this.tableCache(table);
    const out = new Map<number, number>();
    const misses: number[] = [];
    for (const id of new Set(ids)) {
      const hit = cache.get(id);
      if (hit === undefined) misses.push(id);
      else if (hit !== null) out.set(id, hit);
    }
    for (let i = 0; i < misses.length; i += PAGE_SIZE) {
      const chunk = misses.slice(i, i + PAGE_SIZE);
      const rows = await this.source.selectFrom(table).selectAll().where('id', 'in', chunk).execute();
      // Only the foreign keys in the natural key matter to find the row (a call is found by its dedup key alone).
      const keyForeignKeys = plan.foreignKeys.filter((fk) => plan.keyColumns.includes(fk.column));
      const { kept } = await remapRows(this, { foreignKeys: keyForeignKeys }, rows);
      const found = await findInTarget(this.target, table, plan, kept);
      for (const id of chunk) {
        const to = found.get(id) ?? null;
        cache.set(id, to);
        if (to !== null) out.set(id, to);
      }
    }
    return out;
  }
}

const keyOfRow = (plan: IdTable, row: Row): unknown[] =>
  plan.keyOf ? plan.keyOf(row) : plan.keyColumns.map((c) => row[c]);

/** Source id → target id of the `rows` (their foreign keys already the target's) the target holds. */
async function findInTarget(
  target: RowDb,
  table: TableName,
  plan: IdTable,
  rows: readonly Row[],
): Promise<Map<number, number>> {
  if (rows.length === 0) return new Map();
  const narrow = plan.narrow ?? plan.keyColumns.slice(0, 1);
  const held = await rowsMatching(target, table, ['id', ...plan.keyColumns], narrow, rows);
  const byKey = new Map(held.map((r) => [keyText(keyOfRow(plan, r)), Number(r['id'])]));
  if (table === 'agents') {
    // A code merged into another person (people/merge.ts) names that person.
    const merged = await rowsMatching(target, 'agent_codes', ['code', 'agent_id'], ['code'], rows);
    for (const m of merged)
      if (!byKey.has(keyText([m['code']]))) byKey.set(keyText([m['code']]), Number(m['agent_id']));
  }
  const out = new Map<number, number>();
  for (const row of rows) {
    const to = byKey.get(keyText(keyOfRow(plan, row)));
    if (to !== undefined) out.set(Number(row['id']), to);
  }
  return out;
}

/** The rows with their foreign keys rewritten to target ids; rows whose parent is missing are left out. */
async function remapRows(
  ids: IdMap,
  plan: Pick<IdTable | KeyedTable, 'foreignKeys'>,
  rows: readonly Row[],
): Promise<{ kept: Row[]; leftOut: number }> {
  const out = rows.map((r) => ({ ...r }));
  const dropped = new Set<Row>();
  for (const fk of plan.foreignKeys) {
    const applies = (source: Row) => source[fk.column] !== null && (fk.when?.(source) ?? true);
    const wanted = rows.filter(applies).map((r) => Number(r[fk.column]));
    if (wanted.length === 0) continue;
    const map = await ids.resolve(fk.parent, wanted);
    rows.forEach((source, i) => {
      if (!applies(source)) return;
      const to = map.get(Number(source[fk.column]));
      if (to !== undefined) out[i]![fk.column] = to;
      else if (fk.missing === 'null') out[i]![fk.column] = null;
      else dropped.add(out[i]!);
    });
  }
  return { kept: out.filter((r) => !dropped.has(r)), leftOut: dropped.size };
}

/** Rows of one key once (the first), in order. */
function distinctBy(rows: readonly Row[], key: (row: Row) => string): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The `rows` the target can take: none collides with a row it holds on one of the plan's other unique indexes. */
async function withoutCollisions(
  target: RowDb,
  table: TableName,
  plan: IdTable,
  rows: Row[],
): Promise<Row[]> {
  let out = rows;
  for (const unique of plan.oneRowPer ?? []) {
    const bound = out.filter(unique.when);
    if (bound.length === 0) continue;
    const keyOfUnique = (r: Row) => keyText(unique.columns.map((c) => r[c]));
    // `when` reads key columns (an audit's calibration): select them too
    const select = [...new Set([...unique.columns, ...plan.keyColumns])];
    const held = await rowsMatching(target, table, select, unique.columns, bound);
    const taken = new Set(held.filter(unique.when).map(keyOfUnique));
    out = out.filter((r) => {
      if (!unique.when(r)) return true;
      const k = keyOfUnique(r);
      if (taken.has(k)) return false;
      taken.add(k); // one row per value among the rows themselves too
      return true;
    });
  }
  return out;
}

/**
 * A scorecard version whose number the target already gives another definition (both leads edited
 * the built-in template) takes the next free number: its definition, not its number, is the version.
 */
async function renumberVersions(target: RowDb, rows: Row[]): Promise<void> {
  for (const row of rows) {
    const taken = await target
      .selectFrom('scorecard_versions')
      .select('version')
      .where('scorecard_id', '=', row['scorecard_id'])
      .execute();
    const numbers = new Set(taken.map((t) => Number(t['version'])));
    if (numbers.has(Number(row['version']))) row['version'] = Math.max(...numbers) + 1;
  }
}

/**
 * Stores the rows whose key the target does not hold through the target engine's bulk path (a
 * set per page, not a statement per row: a year of calls is most of a copy); how many it stored.
 */
async function storeRows(bulk: RowCopyWriter, table: TableName, rows: Row[], key: readonly string[]) {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!);
  return bulk.copyRows({ table, columns, key, rows: rows.map((r) => columns.map((c) => r[c])) });
}

const withoutId = ({ id: _id, ...rest }: Row): Row => rest;

class Copier {
  private readonly ids: IdMap;
  private done = 0;
  readonly result: CopyResult;

  constructor(
    private readonly source: RowDb,
    private readonly target: Kysely<Database>,
    private readonly bulk: RowCopyWriter,
    private readonly total: number,
    private readonly options: CopyOptions,
    targetWasEmpty: boolean,
  ) {
    this.ids = new IdMap(source, rowsOf(target));
    this.result = { targetWasEmpty, tables: {} };
  }

  private get pageSize(): number {
    return this.options.pageSize ?? PAGE_SIZE;
  }

  private get bulkPageSize(): number {
    return this.options.pageSize ?? BULK_PAGE_SIZE;
  }

  private step(table: TableName, rows: number): void {
    this.done += rows;
    if (this.options.signal?.aborted) throw new JobCancelled();
    this.options.onProgress?.({ table, done: this.done, total: this.total });
  }

  /** One page in one target transaction; the id map reads the transaction meanwhile. */
  private async inTransaction<T>(work: (trx: RowDb) => Promise<T>): Promise<T> {
    return this.target.transaction().execute(async (trx) => {
      const rows = rowsOf(trx);
      this.ids.useTarget(rows);
      try {
        return await work(rows);
      } finally {
        this.ids.useTarget(rowsOf(this.target));
      }
    });
  }

  /** The source's rows of `table` in pages, by `key` (keyset: each page starts after the last). */
  private async *pages(
    table: TableName,
    key: readonly string[],
    size = this.pageSize,
  ): AsyncGenerator<Row[]> {
    let after: unknown[] | null = null;
    for (;;) {
      const page = await pageAfter(this.source, table, key, after, size);
      if (page.length === 0) return;
      const last = page[page.length - 1]!;
      after = key.map((c) => last[c]);
      yield page;
    }
  }

  private outcome(table: TableName): TableOutcome {
    let o = this.result.tables[table];
    if (!o) this.result.tables[table] = o = { read: 0, added: 0, leftOut: 0 };
    return o;
  }

  async copyIdTable(table: TableName, plan: IdTable): Promise<void> {
    if (plan.unique) return this.copyUniqueTable(table, plan);
    const outcome = this.outcome(table);
    for await (const page of this.pages(table, ['id'])) {
      await this.inTransaction(async (trx) => {
        const { kept, leftOut } = await remapRows(this.ids, plan, page);
        outcome.leftOut += leftOut;
        const held = await findInTarget(trx, table, plan, kept);
        const missing = distinctBy(
          kept.filter((r) => !held.has(Number(r['id']))),
          (r) => keyText(keyOfRow(plan, r)),
        );
        const fresh = await withoutCollisions(trx, table, plan, missing);
        outcome.leftOut += missing.length - fresh.length;
        if (table === 'scorecard_versions') await renumberVersions(trx, fresh);
        if (fresh.length > 0) await trx.insertInto(table).values(fresh.map(withoutId)).execute();
        outcome.added += fresh.length;
        // Every row of the page, new or held, is now found by its key.
        this.ids.remember(table, (await findInTarget(trx, table, plan, kept)).entries());
      });
      outcome.read += page.length;
      this.step(table, page.length);
    }
  }

  /** A table whose key is a unique constraint: pages go in as sets, the target leaving out what it holds. */
  private async copyUniqueTable(table: TableName, plan: IdTable): Promise<void> {
    await this.storePages(table, ['id'], plan.keyColumns, this.bulkPageSize, async (page) => {
      const { kept, leftOut } = await remapRows(this.ids, plan, page);
      return { rows: kept.map(withoutId), leftOut };
    });
  }

  async copyKeyedTable(table: TableName, plan: KeyedTable): Promise<void> {
    const size = plan.pageSize ?? this.bulkPageSize;
    await this.storePages(table, plan.primaryKey, plan.primaryKey, size, async (page) => {
      const { kept, leftOut } = await remapRows(this.ids, plan, page);
      const rows: Row[] = [];
      for (const row of kept) {
        const rewritten = plan.rewrite ? await plan.rewrite(row, (t, id) => this.ids.one(t, id)) : row;
        if (rewritten) rows.push(rewritten);
      }
      return { rows, leftOut: leftOut + kept.length - rows.length };
    });
  }

  /**
   * The source's pages of `table` through the target's bulk path, each its own transaction. While
   * one page is being stored the next is read and remapped (the source and the target work at
   * once); a page starts only once the one before it has committed, so pages commit in order and a
   * copy stopped anywhere leaves whole pages.
   */
  private async storePages(
    table: TableName,
    pageKey: readonly string[],
    key: readonly string[],
    size: number,
    prepare: (page: Row[]) => Promise<{ rows: Row[]; leftOut: number }>,
  ): Promise<void> {
    const outcome = this.outcome(table);
    let storing: Promise<void> = Promise.resolve();
    try {
      for await (const page of this.pages(table, pageKey, size)) {
        const { rows, leftOut } = await prepare(page);
        await storing;
        outcome.leftOut += leftOut;
        storing = storeRows(this.bulk, table, rows, key).then((added) => {
          outcome.added += added;
          outcome.read += page.length;
          this.step(table, page.length);
        });
        // awaited before the next page, or below: never an unhandled rejection meanwhile
        storing.catch(() => undefined);
      }
    } catch (err) {
      await storing.catch(() => undefined);
      throw err;
    }
    await storing;
  }

  /**
   * A copied batch counts the calls it holds in the target: a file both leads imported keeps its
   * calls in the batch copied first, and the other's says they were duplicates, as a second
   * import of one file into one workspace says.
   */
  async settleBatchCounts(): Promise<void> {
    for await (const page of this.pages('import_batches', ['id'])) {
      const done = page.filter((b) => b['status'] === 'done' && b['kind'] === 'calls');
      const ids = [
        ...(
          await this.ids.resolve(
            'import_batches',
            done.map((b) => Number(b['id'])),
          )
        ).values(),
      ];
      if (ids.length === 0) continue;
      await this.target.transaction().execute(async (trx) => {
        const held = await trx
          .selectFrom('calls')
          .select((eb) => ['batch_id', eb.fn.countAll<number>().as('n')])
          .where('batch_id', 'in', ids)
          .groupBy('batch_id')
          .execute();
        const stored = new Map(held.map((r) => [r.batch_id, Number(r.n)]));
        for (const id of ids) {
          const n = stored.get(id) ?? 0;
          await trx
            .updateTable('import_batches')
            .set((eb) => ({ inserted: n, duplicates: eb('duplicates', '+', eb('inserted', '-', n)) }))
            .where('id', '=', id)
            .where('status', '=', 'done')
            .where('inserted', '<>', n)
            .execute();
        }
      });
    }
  }

  /**
   * The team histories of the source's agents who moved (src-main/people/membership.ts): taken
   * by the target's agent where it never moved itself (adoptHistory), team ids remapped (a team
   * the target lacks: no team on those days).
   */
  async copyTeamHistories(source: Kysely<Database>): Promise<void> {
    const rows = await source
      .selectFrom('agent_team_history')
      .select(['agent_id', 'team_id', 'from_day', 'to_day'])
      .where(
        'agent_id',
        'in',
        source.selectFrom('agent_team_history').select('agent_id').where('to_day', 'is not', null),
      )
      .orderBy('agent_id')
      .orderBy('from_day')
      .execute();
    if (rows.length === 0) return;
    const agents = await this.ids.resolve('agents', [...new Set(rows.map((r) => r.agent_id))]);
    const teams = await this.ids.resolve('teams', [
      ...new Set(rows.flatMap((r) => (r.team_id === null ? [] : [r.team_id]))),
    ]);
    const byAgent = new Map<number, Span[]>();
    for (const r of rows) {
      const target = agents.get(r.agent_id);
      if (target === undefined) continue;
      const teamId = r.team_id === null ? null : (teams.get(r.team_id) ?? null);
      byAgent.set(target, [...(byAgent.get(target) ?? []), { teamId, from: r.from_day, to: r.to_day }]);
    }
    await this.target.transaction().execute(async (trx) => {
      for (const [agentId, spans] of byAgent) await adoptHistory(trx, agentId, joined(spans));
    });
  }

  /** The target ids of every source agent (the rollups to rebuild). */
  async agentIds(): Promise<number[]> {
    const out: number[] = [];
    for await (const page of this.pages('agents', ['id'])) {
      out.push(
        ...(
          await this.ids.resolve(
            'agents',
            page.map((r) => Number(r['id'])),
          )
        ).values(),
      );
    }
    return out;
  }
}

async function countRows(source: RowDb): Promise<number> {
  let total = 0;
  for (const table of COPY_ORDER) {
    const plan: TablePlan = TABLE_PLAN[table];
    if (plan.kind !== 'id' && plan.kind !== 'keyed') continue;
    const r = await source
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(r.n);
  }
  return total;
}

/** Rollups of the copied agents, from the calls and orders the target now holds. */
async function rebuildTargetRollups(db: Db, agentIds: number[]): Promise<void> {
  await rebuildRollups(db, await loadRollupParams(db), agentIds);
  if (await hasOrders(db)) {
    await rebuildOrderRollup(db);
    await ensureCallPhoneIndex(db);
  }
}

/**
 * Copies everything of `source` into `target` (under the target's write queue). Throws
 * `CopyRefused` before writing anything when the two count days in different time zones, and
 * `JobCancelled` when `signal` aborts (the pages copied so far stay; running the copy again
 * finishes it).
 */
export async function copyWorkspace(
  source: Workspace,
  target: Workspace,
  options: CopyOptions = {},
): Promise<CopyResult> {
  if (source.path === target.path) throw new Error('a workspace cannot be copied into itself');
  return target.writes.run(
    () =>
      target.withJobDb(async (db) => {
        const empty = await isEmptyWorkspace(db);
        if (!empty) await refuseOtherZone(source.kysely, db);
        await db.transaction().execute((trx) => copySettings(source.kysely, trx, empty));
        const from = rowsOf(source.kysely);
        const copier = new Copier(from, db, target.bulk, await countRows(from), options, empty);
        const rebuild = async () => {
          const agents = await copier.agentIds();
          await db.transaction().execute((trx) => rebuildTargetRollups(trx, agents));
        };
        try {
          for (const table of COPY_ORDER) {
            const plan: TablePlan = TABLE_PLAN[table];
            if (plan.kind === 'id') await copier.copyIdTable(table, plan);
            else if (plan.kind === 'keyed') await copier.copyKeyedTable(table, plan);
          }
        } catch (err) {
          // Cancelled or failed midway: the dashboards still count what was copied (a rerun adds the rest).
          await rebuild().catch(() => undefined);
          throw err;
        }
        await copier.copyTeamHistories(source.kysely);
        await rebuild();
        await copier.settleBatchCounts();
        return copier.result;
      }),
    { label: `copying ${source.path}` },
  );
}
