/**
 * A team workspace's cross-process write lock: a session-level PostgreSQL advisory lock, held on a
 * connection of its own (kept from the first write until the workspace closes), polled like the
 * SQLite lock file. Advisory locks belong to one database, so one fixed key is one lock per
 * workspace. The holder names its write in a `settings` row with its backend pid (application_name
 * would do, but PostgreSQL keeps only ASCII there, and file names here are Chinese), which every
 * Callscope on the floor reads: "waiting for the import of 十一月.csv to finish". A row whose pid
 * does not hold the lock is stale and not believed. A holder whose process or machine is gone
 * loses its connection, and the lock with it.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { DEFAULT_LABEL, LOCK_POLL_MS, type CrossProcessLock, type WriteLabel } from '../write-lock';
import { waitingMessage } from '../../src-shared/write-wait';
import type { Database } from './schema';

/** The lock's two keys: "Call" in ASCII, and the write queue (the Migrator's lock has its own). */
const KEY_CLASS = 0x43616c6c;
const KEY_WRITES = 1;
/** The settings row naming the holder: `{ pid, label }` (not a setting: loadSettings ignores it). */
const HOLDER_KEY = 'writeLockHolder';
/** Polls a waiter lets pass before naming a holder that has not named itself yet (it just took the lock). */
const UNNAMED_POLLS = 10;

const HolderSchema = z.object({ pid: z.number(), label: z.string() });

function namedHolder(text: string | null): z.infer<typeof HolderSchema> | null {
  try {
    return HolderSchema.parse(JSON.parse(text ?? 'null'));
  } catch {
    return null; // absent, or not ours to read
  }
}

interface HeldConnection {
  db: Kysely<Database>;
  release(): Promise<void>;
}

/** Checks a connection out of the pool and keeps it until `release` (Kysely's connection(), held open). */
function holdConnection(pool: Kysely<Database>): Promise<HeldConnection> {
  return new Promise((resolve, reject) => {
    let letGo: () => void = () => undefined;
    const done = pool.connection().execute(async (db) => {
      const released = new Promise<void>((r) => (letGo = r));
      resolve({
        db,
        release: async () => {
          letGo();
          await done.catch(() => undefined);
        },
      });
      await released;
    });
    done.catch(reject);
  });
}

export function advisoryLock(pool: Kysely<Database>): CrossProcessLock {
  let held: Promise<HeldConnection> | null = null;
  const connection = () => (held ??= holdConnection(pool));
  /** A connection that failed (the server restarted) is dropped: the next write takes a new one. */
  const dropConnection = async () => {
    const lost = held;
    held = null;
    await (await lost?.catch(() => null))?.release();
  };

  /** Who holds the lock now, by what it wrote; null while it is free. */
  async function holder(db: Kysely<Database>): Promise<{ pid: number; label: WriteLabel | null } | null> {
    const row = await sql<{ pid: number; named: string | null }>`
      SELECT l.pid, s.value AS named
      FROM pg_locks l LEFT JOIN settings s ON s.key = ${HOLDER_KEY}
      WHERE l.locktype = 'advisory' AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = ${KEY_CLASS} AND l.objid = ${KEY_WRITES} AND l.objsubid = 2`
      .execute(db)
      .then((r) => r.rows[0]);
    if (!row) return null;
    const named = namedHolder(row.named);
    return { pid: row.pid, label: named?.pid === row.pid ? named.label : null };
  }

  return {
    async take(label, onWait, waitInLine) {
      let announced: string | null = null;
      let unnamed = 0;
      try {
        const { db } = await connection();
        for (;;) {
          const got = await sql<{
            ok: boolean;
          }>`SELECT pg_try_advisory_lock(${KEY_CLASS}, ${KEY_WRITES}) AS ok`
            .execute(db)
            .then((r) => r.rows[0]?.ok === true);
          if (got) {
            const named = sql<string>`json_build_object('pid', pg_backend_pid(), 'label', ${label}::text)::text`;
            await db
              .insertInto('settings')
              .values({ key: HOLDER_KEY, value: named })
              .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
              .execute();
            return async () => {
              try {
                await sql`SELECT pg_advisory_unlock(${KEY_CLASS}, ${KEY_WRITES})`.execute(db);
              } catch {
                await dropConnection(); // its session, and so the lock, is gone with it
              }
            };
          }
          if (!waitInLine) return null;
          const now = await holder(db);
          if (now && (now.label !== null || ++unnamed > UNNAMED_POLLS)) {
            const shown = now.label ?? DEFAULT_LABEL;
            const token = `${now.pid}:${shown}`;
            if (token !== announced) {
              announced = token;
              onWait?.(waitingMessage(shown));
            }
          }
          await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
        }
      } catch (err) {
        await dropConnection();
        throw err;
      }
    },
    close: dropConnection,
  };
}
