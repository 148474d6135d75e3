/**
 * The rows of a planned import, turned into what will be stored: calls (legs merged where the
 * layout logs legs), rejected rows with their field and reason, and rows stored with a warning
 * (invalid bytes replaced). The import writes these; the preview shows the first of them.
 */
import { reasonText, type Reason } from './bounds';
import { LegMerger, type MergedCall } from './legs';
import { ImportError } from './import-error';
import { dateOrderConflictText, provenDateOrder } from './infer-columns';
import { createNormaliser, maskPhoneText, type NormalizedCall, type RowResult } from './normalise';
import type { CallKind } from './pbx-classify';
import type { ImportPlan } from './plan';
import { headerKey } from './preset';
import type { Row } from './source';
import type { RejectedPreviewRow } from '../../src-shared/api';

/** The first cell of a totals or summary row: 合计, 总计, 小计, 汇总, Total(s), Sum, Subtotal. */
const SUMMARY_RE = /^(?:合计|总计|小计|汇总|总数|totals?|grand total|sub-?total|sum)(?![a-z])\s*[:：]?/i;

/** The header as `skippedRowReason` compares rows to it (null for a header-less file). */
export function headerKeysOf(plan: Pick<RowsPlan, 'hasHeader' | 'columnNames'>): string | null {
  return plan.hasHeader ? plan.columnNames.map(headerKey).join('\u0001') : null;
}

/**
 * Why a row that does not read as a call is skipped rather than rejected (a totals row, the header
 * repeated by a system that writes it per page), or null.
 */
export function skippedRowReason(cells: readonly string[], headerKeys: string | null): string | null {
  // Only the start of a cell is looked at: a totals word is short, and a huge cell stays cheap.
  const first = (cells.find((c) => c.trim() !== '') ?? '').slice(0, 40).trim();
  if (SUMMARY_RE.test(first.normalize('NFKC'))) return `skipped: a totals row ("${first}")`;
  if (headerKeys !== null && cells.reduce((n, c) => n + c.length, 0) < 4 * headerKeys.length + 100) {
    if (cells.map(headerKey).join('\u0001') === headerKeys) return 'skipped: the header repeated';
  }
  return null;
}

export interface StoredCall {
  /** the line of the call's (first) row */
  line: number;
  legs: number;
  call: NormalizedCall;
}

export interface RowIssue {
  line: number;
  field: string | null;
  reason: string;
  raw: string;
  /** the reason as a translatable key, where it has one (the bounds of bounds.ts) */
  code?: Reason;
}

/** A reject as the preview shows it (calls and orders alike). */
export function rejectedPreviewRow(r: RowIssue): RejectedPreviewRow {
  return { ok: false, line: r.line, field: r.field, reason: r.reason, ...(r.code && { reasonCode: r.code }) };
}

/** The reject of a row a reader had to cut (too long, beyond a sheet's bounds), or null. */
export function cutRowIssue(row: Row): RowIssue | null {
  if (row.cut === undefined) return null;
  return { line: row.line, field: null, reason: reasonText(row.cut), raw: '', code: row.cut };
}

export interface ProducedBatch {
  calls: StoredCall[];
  rejects: RowIssue[];
  warnings: RowIssue[];
  /** rows of the file consumed so far (header excluded) */
  rows: number;
  /** calls of this batch that are no dials, by kind (pbx-classify.ts): inbound ones stored too */
  notDials?: Partial<Record<CallKind, number>>;
}

const REPLACEMENT = '\uFFFD';

/** What of a plan the row mechanics need: calls and orders both read rows through these. */
export interface RowsPlan {
  displayName: string;
  source: ImportPlan['source'];
  hasHeader: boolean;
  columnNames: string[];
  /** rows above the table (a title, export notes) skipped before the header or first data row */
  skipRows?: number;
}

/** The data rows of a planned file in batches (header skipped, at most `maxRows`), with the count so far. */
export async function* dataRows(
  plan: RowsPlan,
  options: { onBytes?: (chunk: Buffer) => void; onProgress?: (bytesDone: number) => void; maxRows?: number },
): AsyncGenerator<{ rows: Row[]; count: number }> {
  const maxRows = options.maxRows ?? Infinity;
  let count = 0;
  let skip = (plan.skipRows ?? 0) + (plan.hasHeader ? 1 : 0);
  const source = plan.source.rows(options.onBytes, options.onProgress);
  try {
    for await (const batch of source) {
      const rows: Row[] = [];
      for (const row of batch) {
        if (skip > 0) {
          skip--;
          continue;
        }
        if (count >= maxRows) break;
        count++;
        rows.push(row);
      }
      yield { rows, count };
      if (count >= maxRows) break;
    }
  } finally {
    await source.return(undefined);
  }
}

/** A row's text as kept with a reject or warning: the customer number masked. */
export function rowText(plan: RowsPlan, cells: readonly string[], phoneColumn: number | undefined): string {
  const delimiter = plan.source.info.delimiter ?? ',';
  return (
    phoneColumn === undefined ? cells : cells.map((c, i) => (i === phoneColumn ? maskPhoneText(c) : c))
  ).join(delimiter);
}

/** The note for a stored row whose bytes were not valid in the file's encoding, or null. */
export function damagedRowIssue(plan: RowsPlan, row: Row, phoneColumn: number | undefined): RowIssue | null {
  const damaged = row.cells.findIndex((c) => c.includes(REPLACEMENT));
  if (damaged === -1) return null;
  const encoding = plan.source.info.encoding ?? 'utf-8';
  return {
    line: row.line,
    field: plan.columnNames[damaged] ?? `Column ${damaged + 1}`,
    reason: `bytes that are not valid ${encoding} were replaced by ${REPLACEMENT}; the row was stored`,
    raw: rowText(plan, row.cells, phoneColumn),
  };
}

/**
 * The file's last row, written without its line break, that also fails its shape (ends inside a
 * quote, or has fewer cells than the header): the file was cut short mid-row, so the import fails
 * as a whole instead of storing the rest as if it were the file. (A complete last row without a
 * line break is common and fine.)
 */
export function truncatedFileError(plan: RowsPlan, row: Row): ImportError | null {
  if (row.unterminated === undefined) return null;
  const cells = row.cells.length;
  const columns = plan.columnNames.length;
  const quote = row.unterminated === 'open-quote';
  if (!quote && cells >= columns) return null;
  const why = quote ? 'ends inside a quoted field' : `has ${cells} of the ${columns} columns`;
  return new ImportError(
    `${plan.displayName}, line ${row.line}: the file looks cut short: its last line has no line break and ${why}. Nothing was stored: export or copy the file again and import the whole file`,
    quote ? 'importError.cutShortQuote' : 'importError.cutShortColumns',
    { file: plan.displayName, line: row.line, cells, columns },
  );
}

/**
 * The whole-column check of the date order in force (null when no order is in force): a row whose
 * `nn/nn/yyyy` start can only be read the other way fails the import as a whole, naming it and
 * the line that settled the order. Only rejected rows need the check: a date written the other
 * way never reads in the order in force (its month would be over 12).
 */
export function dateOrderGuard(plan: ImportPlan): ((row: Row) => ImportError | null) | null {
  const order = plan.readings.dateOrder;
  const column = plan.columns.startedAt;
  if (order === undefined || column === undefined) return null;
  const columnName = plan.columnNames[column] ?? 'start time';
  return (row) => {
    const text = (row.cells[column] ?? '').trim();
    const proven = provenDateOrder(text);
    if (proven === null || proven === order) return null;
    const settled = plan.readings.dateOrderFrom ?? null;
    return new ImportError(
      `${dateOrderConflictText(plan.displayName, columnName, order, settled, { line: row.line, text })}. ` +
        `Nothing was stored`,
    );
  };
}

/**
 * One row through a normaliser. A value error is a rejected row (the normaliser's answer);
 * anything else is a bug or a bad setting (a time zone Intl does not know): stop, naming where.
 */
export function normaliseRow<R>(plan: RowsPlan, row: Row, normalise: (cells: readonly string[]) => R): R {
  try {
    return normalise(row.cells);
  } catch (err) {
    throw new ImportError(
      `${plan.displayName}, line ${row.line}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

export async function* produceCalls(
  plan: ImportPlan,
  options: {
    onBytes?: (chunk: Buffer) => void;
    onProgress?: (bytesDone: number) => void;
    maxRows?: number;
    /** reject a row written in the other date order instead of failing the import (the preview) */
    rowsOnly?: boolean;
  } = {},
): AsyncGenerator<ProducedBatch> {
  const agentColumn = plan.columns.agentCode;
  const merger = plan.preset.legs
    ? new LegMerger({
        agentField: agentColumn === undefined ? undefined : plan.columnNames[agentColumn],
        customerLegTalks: plan.preset.customerLegTalks,
      })
    : null;
  const phoneColumn = plan.columns.phone;
  const headerKeys = headerKeysOf(plan);
  const normalise = createNormaliser(plan.preset, plan.columns, plan.columnNames, plan);
  const wrongDateOrder = options.rowsOnly ? null : dateOrderGuard(plan);
  let rows = 0;

  const take = (merged: MergedCall[], out: ProducedBatch) => {
    for (const m of merged) {
      // A PBX call that is no dial is counted by kind: an inbound call stored for its agent too.
      const kind = m.ok ? (m.call.kind && m.call.direction === 'inbound' ? 'inbound' : undefined) : m.skipped;
      if (kind) {
        out.notDials ??= {};
        out.notDials[kind] = (out.notDials[kind] ?? 0) + 1;
      }
      if (m.ok) out.calls.push({ line: m.line, legs: m.legs, call: m.call });
      else if (m.skipped) continue;
      else out.rejects.push({ line: m.line, field: m.field, reason: m.reason, raw: m.raw ?? '' });
    }
  };

  for await (const batch of dataRows(plan, options)) {
    const out: ProducedBatch = { calls: [], rejects: [], warnings: [], rows: batch.count };
    for (const row of batch.rows) handleRow(row, out);
    rows = batch.count;
    yield out;
  }
  if (merger) {
    const out: ProducedBatch = { calls: [], rejects: [], warnings: [], rows };
    take(merger.finish(), out);
    yield out;
  }

  function handleRow(row: Row, out: ProducedBatch) {
    if (plan.preset.skipRow?.(row.cells)) return;
    const cut = cutRowIssue(row);
    if (cut) {
      out.rejects.push(cut);
      return;
    }
    const truncated = truncatedFileError(plan, row);
    if (truncated) throw truncated;
    const result: RowResult = normaliseRow(plan, row, normalise);
    if (!result.ok) {
      const conflict = wrongDateOrder?.(row);
      if (conflict) throw conflict;
      // Only a row that does not read is looked at again: totals and repeated headers are skipped.
      const skipped = skippedRowReason(row.cells, headerKeys);
      if (skipped) {
        out.warnings.push({
          line: row.line,
          field: null,
          reason: skipped,
          raw: rowText(plan, row.cells, phoneColumn),
        });
        return;
      }
      out.rejects.push({
        line: row.line,
        field: result.field,
        reason: result.reason,
        raw: rowText(plan, row.cells, phoneColumn),
        ...(result.code && { code: result.code }),
      });
      return;
    }
    const damaged = damagedRowIssue(plan, row, phoneColumn);
    if (damaged) out.warnings.push(damaged);
    for (const w of result.warnings ?? []) {
      out.warnings.push({
        line: row.line,
        field: w.field,
        reason: w.reason,
        raw: rowText(plan, row.cells, phoneColumn),
      });
    }
    if (merger) {
      take(
        merger.add({ line: row.line, call: result.call, raw: rowText(plan, row.cells, phoneColumn) }),
        out,
      );
      return;
    }
    // A call of a file of calls that is no dial is counted by kind: inbound stored; internal and a
    // robot's not.
    const notDial = result.call.direction === 'inbound' ? 'inbound' : result.call.kind;
    if (notDial) {
      out.notDials ??= {};
      out.notDials[notDial] = (out.notDials[notDial] ?? 0) + 1;
    }
    if (notDial !== 'internal' && notDial !== 'robot')
      out.calls.push({ line: row.line, legs: 1, call: result.call });
  }
}
