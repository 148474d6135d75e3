/**
 * One transaction of PostgreSQL's bulk writer on a pooled connection of its own: Kysely for its
 * statements, and COPY streams into its temporary tables. A connection runs one thing at a time,
 * so a statement first completes the COPY in progress (staging resumes with a new COPY after it).
 * The transaction starts by taking the workspace's bulk lock: imports and undos into one
 * database take turns, so two at once neither double-count nor deadlock.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { CopyIn } from './pg-copy';
import type { Database } from './schema';

/** Where the bulk writer's connections come from: a pg Pool. */
export type PgConnections = Pick<pg.Pool, 'connect'>;

/**
 * The transaction-level advisory lock every batch and undo takes first (`pg_advisory_xact_lock`,
 * released at commit or rollback). Advisory locks are per database, and a database is one
 * workspace, so one constant key is "this workspace's bulk lock".
 */
const WORKSPACE_BULK_LOCK = 0x43_53_42_4c; // "CSBL"

export class PgBulkSession {
  /** The transaction's statements (each first completes a COPY in progress). Never destroyed by its users. */
  readonly db: Kysely<Database>;
  private copy: { table: string; stream: CopyIn } | null = null;
  private inTransaction = false;
  private released = false;

  private constructor(private readonly client: pg.PoolClient) {
    // Kysely asks its "pool" for a connection per statement: always this one, kept (not released).
    const kept = new Proxy(client, {
      get(target, property) {
        if (property === 'release') return () => undefined;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    this.db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: {
          connect: async () => {
            await this.endCopy();
            return kept;
          },
          end: () => Promise.resolve(),
        },
      }),
    });
  }

  /** Takes a connection from `pool`, begins the transaction and takes the workspace's bulk lock. */
  static async begin(pool: PgConnections): Promise<PgBulkSession> {
    const session = new PgBulkSession(await pool.connect());
    try {
      session.inTransaction = true;
      await sql`BEGIN`.execute(session.db);
      await sql`SELECT pg_advisory_xact_lock(${sql.lit(WORKSPACE_BULK_LOCK)})`.execute(session.db);
      return session;
    } catch (err) {
      await session.close();
      throw err;
    }
  }

  /** The COPY into `table` in progress, or a new one (completing another table's first). */
  copyInto(table: string, columns: readonly string[]): CopyIn {
    if (this.copy?.table === table) return this.copy.stream;
    if (this.copy) throw new Error(`a COPY into ${this.copy.table} is in progress`);
    const stream = new CopyIn(this.client, table, columns);
    this.copy = { table, stream };
    return stream;
  }

  /** Waits for the COPY in progress to take what was written (its backpressure). */
  async drainCopy(): Promise<void> {
    await this.copy?.stream.drain();
  }

  /** Completes the COPY in progress, if any: its rows are then in the table. */
  async endCopy(): Promise<void> {
    const copy = this.copy;
    this.copy = null;
    await copy?.stream.end();
  }

  async commit(): Promise<void> {
    await sql`COMMIT`.execute(this.db);
    this.inTransaction = false;
  }

  /** Rolls back what is not committed and gives the connection back (or drops it when its state is unknown). */
  async close(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (!this.inTransaction) {
      this.client.release();
      return;
    }
    if (this.copy) {
      // A COPY half sent: drop the connection, the server rolls the transaction back.
      this.client.release(new Error('the import stopped during a COPY'));
      return;
    }
    try {
      await this.client.query('ROLLBACK');
      this.client.release();
    } catch (err) {
      this.client.release(err instanceof Error ? err : new Error(String(err)));
    }
  }
}
