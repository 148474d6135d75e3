/**
 * The import's bulk path, one interface every engine implements: a batch is one transaction on
 * a connection of its own that stores normalised calls (or order rows), their rejects and their
 * rollup deltas, and commits whole or not at all; undo removes a batch the same way. SQLite's
 * implementation (sqlite-bulk.ts) binds prepared statements synchronously; a network engine's
 * (PostgreSQL COPY) buffers rows in `insert` and sends them from the async methods, so the
 * per-row call stays synchronous for calls, where it is the hot path.
 */
import type { Kysely } from 'kysely';
import type { NormalizedCall } from '../import/normalise';
import type { NormalizedOrderRow } from '../import/order-normalise';
import type { Database, ImportBatchesTable } from './schema';
import type { RollupParams } from '../../src-shared/kpi';

/** The batch row's facts known before its first row. */
export interface BatchOpening {
  fileName: string;
  fileSize: number;
  preset: string;
  /** stored as JSON */
  mapping: unknown;
  timeZone: string;
}

/** What a batch's writer has stored; final once the batch has finished. */
export interface BulkCounts {
  readonly inserted: number;
  readonly duplicates: number;
  readonly firstDay: string | null;
  readonly lastDay: string | null;
}

export interface CallBulkWriter extends BulkCounts {
  /**
   * Stores a call unless a call with its source key is stored (a duplicate). The call object is
   * not kept (the importer passes one cursor for every call); agents, teams and campaigns are
   * created on first sight, and the call's rollup contribution is accumulated.
   */
  insert(call: NormalizedCall): void;
}

/** Why a payment row cannot be stored: its order is not (the row is kept as a rejected row). */
export interface PaymentProblem {
  field: 'orderId';
  reason: string;
}

export function unknownOrderReason(orderNo: string): string {
  return `no order "${orderNo}" is stored (订单未导入): import the order export that has it, then this payment again`;
}

export interface OrderBulkWriter extends BulkCounts {
  /** new orders (a subset of what the rows stored) */
  readonly orders: number;
  /** Stores a row; a payment whose order is not stored is not, and the problem says why. */
  insert(row: NormalizedOrderRow): Promise<PaymentProblem | null>;
}

/** A row of the file that was not stored (rejected) or was stored with a note (warning). */
export interface BatchIssue {
  kind: 'rejected' | 'warning';
  line: number;
  field: string | null;
  reason: string;
  raw: string;
  /** the reason's translatable key and its values as JSON, where it has one */
  reasonCode: string | null;
  reasonParams: string | null;
}

/** The batch row's facts known at its end. */
export interface BatchEnding {
  sha256: string;
  rows: number;
  rejected: number;
  warnings: number;
}

export interface BulkBatch<W extends BulkCounts> {
  readonly batchId: number;
  readonly writer: W;
  /** The batch's own transaction, for its few small writes (the saved profile, an index). */
  readonly db: Kysely<Database>;
  issue(issue: BatchIssue): void;
  /**
   * Waits until what the writer buffered has reached the engine (a network engine's backpressure:
   * a COPY stream that is not drained); called between chunks of rows. SQLite has nothing to wait for.
   */
  drain(): Promise<void>;
  /** Stores what is pending (rows, rollup deltas), completes the batch row and commits. */
  finish(ending: BatchEnding): Promise<void>;
  /** Lets go of the connection; an unfinished batch is rolled back (nothing of it stays). */
  close(): Promise<void>;
}

/** A batch row as undo reads it inside its transaction. */
export interface StoredBatchState {
  status: ImportBatchesTable['status'];
  kind: 'calls' | 'orders';
  inserted: number;
}

export interface UndoOptions {
  /** the workspace's rollup parameters (the calls' rollup contribution) */
  rollupParams: RollupParams;
  /** Throws unless the batch may be undone (read inside the undo's transaction, so two undos cannot both pass). */
  verify(batch: StoredBatchState | undefined): StoredBatchState;
  /** Called between chunks of deleted calls: reports progress, may throw to cancel (all is rolled back). */
  onChunk(removed: number, total: number): Promise<void>;
}

export interface BulkWriter extends RowCopyWriter {
  openCallBatch(opening: BatchOpening, rollupParams: RollupParams): Promise<BulkBatch<CallBulkWriter>>;
  openOrderBatch(opening: BatchOpening): Promise<BulkBatch<OrderBulkWriter>>;
  /**
   * Removes a batch's calls (or orders, with the payments and reversals it brought) and their
   * rollup contribution in one transaction, and marks the batch undone.
   */
  undoBatch(batchId: number, options: UndoOptions): Promise<void>;
}

/**
 * Rows of another workspace for one table (workspace-copy), their foreign keys already the
 * target's ids: each row's values in `columns` order.
 */
export interface RowCopy {
  table: keyof Database & string;
  columns: readonly string[];
  /** a unique key of the table: a row whose key the table holds already is left out */
  key: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/** The copy's bulk path, one per engine: rows go in as a set, not statement by statement. */
export interface RowCopyWriter {
  /** Stores the rows whose key the table does not hold, in one transaction; how many it stored. */
  copyRows(copy: RowCopy): Promise<number>;
}
