/**
 * The rows of a planned import, turned into what will be stored: calls (legs merged where the
 * layout logs legs), rejected rows with their field and reason, and rows stored with a warning
 * (invalid bytes replaced). The import writes these; the preview shows the first of them.
 */
import { LegMerger, type MergedCall } from './legs';
import { ImportError } from './import-error';
import { createNormaliser, maskPhoneText, type NormalizedCall, type RowResult } from './normalise';
import type { ImportPlan } from './plan';
import type { Row } from './source';

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
}

export interface ProducedBatch {
  calls: StoredCall[];
  rejects: RowIssue[];
  warnings: RowIssue[];
  /** rows of the file consumed so far (header excluded) */
  rows: number;
}

const REPLACEMENT = '\uFFFD';

export async function* produceCalls(
  plan: ImportPlan,
  options: {
    onBytes?: (chunk: Buffer) => void;
    onProgress?: (bytesDone: number) => void;
    maxRows?: number;
  } = {},
): AsyncGenerator<ProducedBatch> {
  const normalise = createNormaliser(plan.preset, plan.columns, plan.columnNames, plan);
  const agentColumn = plan.columns.agentCode;
  const merger = plan.preset.legs
    ? new LegMerger({ agentField: agentColumn === undefined ? undefined : plan.columnNames[agentColumn] })
    : null;
  const delimiter = plan.source.info.delimiter ?? ',';
  const phoneColumn = plan.columns.phone;
  /** A row's text as kept with a reject or warning: the customer number masked. */
  const rawText = (cells: string[]) =>
    (phoneColumn === undefined
      ? cells
      : cells.map((c, i) => (i === phoneColumn ? maskPhoneText(c) : c))
    ).join(delimiter);
  const encoding = plan.source.info.encoding ?? 'utf-8';
  const maxRows = options.maxRows ?? Infinity;
  let rows = 0;
  let skipHeader = plan.hasHeader;

  const take = (merged: MergedCall[], out: ProducedBatch) => {
    for (const m of merged) {
      if (m.ok) out.calls.push({ line: m.line, legs: m.legs, call: m.call });
      else out.rejects.push({ line: m.line, field: m.field, reason: m.reason, raw: m.raw ?? '' });
    }
  };

  const source = plan.source.rows(options.onBytes, options.onProgress);
  try {
    for await (const batch of source) {
      const out: ProducedBatch = { calls: [], rejects: [], warnings: [], rows: 0 };
      for (const row of batch) {
        if (skipHeader) {
          skipHeader = false;
          continue;
        }
        if (rows >= maxRows) break;
        rows++;
        handleRow(row, out);
      }
      out.rows = rows;
      yield out;
      if (rows >= maxRows) break;
    }
    if (merger) {
      const out: ProducedBatch = { calls: [], rejects: [], warnings: [], rows };
      take(merger.finish(), out);
      yield out;
    }
  } finally {
    await source.return(undefined);
  }

  function handleRow(row: Row, out: ProducedBatch) {
    let result: RowResult;
    try {
      result = normalise(row.cells);
    } catch (err) {
      // A value error is a rejected row; anything else is a bug or a bad setting (a time zone
      // Intl does not know): stop, naming where.
      throw new ImportError(
        `${plan.displayName}, line ${row.line}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (!result.ok) {
      out.rejects.push({
        line: row.line,
        field: result.field,
        reason: result.reason,
        raw: rawText(row.cells),
      });
      return;
    }
    const damaged = row.cells.findIndex((c) => c.includes(REPLACEMENT));
    if (damaged !== -1) {
      out.warnings.push({
        line: row.line,
        field: plan.columnNames[damaged] ?? `Column ${damaged + 1}`,
        reason: `bytes that are not valid ${encoding} were replaced by ${REPLACEMENT}; the row was stored`,
        raw: rawText(row.cells),
      });
    }
    if (merger) {
      take(merger.add({ line: row.line, call: result.call, raw: rawText(row.cells) }), out);
    } else out.calls.push({ line: row.line, legs: 1, call: result.call });
  }
}
