/**
 * Importing one file (a call log; an order export branches to order-import.ts after sampling): plan (sniff, layout, mapping) -> produce (parse, normalise, merge legs, on
 * a worker thread) -> dedup + insert -> rollup, in ONE transaction on the job's own connection. The file lands
 * whole or not at all: a cancel, an error or a crash leaves the database as it was. Bad rows do
 * not block the file: each is kept in `import_rejects` with its line, field and reason.
 */
import path from 'node:path';
import type { ImportChoices, ImportResult } from '../../src-shared/api';
import type { JobContext } from '../jobs';
import type { Workspace } from '../workspace';
import { runBatch, type BatchSession } from './batch';
import { PackedCallCursor } from './call-transport';
import { ImportError } from './import-error';
import { importOrders } from './order-import';
import { isOrderFile, openAnySampled, planOrders } from './order-plan';
import { planCalls, planProblem } from './plan';
import { produceCallsInWorker, warmProducer } from './produce-in-worker';
import { withBoundedHeapGrowth } from './heap-growth';
import { saveProfile } from './profiles';

export { ImportError } from './import-error';

export interface ImportOptions extends ImportChoices {
  /** the name to record and report (the staged copy of an upload has another name on disk) */
  displayName?: string;
  /** save the choices as the profile of the file's header signature */
  saveProfile?: boolean;
  /**
   * When set, a file whose dates all read either way (03/04/2026) with no order chosen or saved is
   * refused with this message (the CLI, which cannot ask), given an example and the column.
   */
  unsettledDates?: (example: string, column: string) => string;
}

/** Rows between progress reports and yields to the event loop (and cancel checks). */
const TICK_ROWS = 5000;

export async function importFile(
  ws: Workspace,
  file: string,
  options: ImportOptions,
  ctx: JobContext,
): Promise<ImportResult> {
  const { displayName = file, saveProfile: save = false, unsettledDates, ...choices } = options;
  warmProducer(); // the thread starts while the file is sniffed and planned
  const db = ws.kysely;
  const sampled = await openAnySampled(db, file, displayName, choices, (await ws.settings()).timeZone);
  // An order export goes the same way from here, into orders instead of calls.
  if (await isOrderFile(db, sampled, choices)) {
    const { plan } = await planOrders(db, sampled, choices);
    return importOrders(ws, plan, { displayName, saveProfile: save }, ctx);
  }
  const planned = await planCalls(db, sampled, choices);
  const { plan } = planned;
  const problem = planProblem(plan, planned);
  if (problem) throw problem;
  const { dates } = planned;
  if (unsettledDates && dates.kind === 'ambiguous' && plan.choices.dateOrder === undefined) {
    const column = plan.columnNames[plan.columns.startedAt ?? -1] ?? 'start time';
    throw new ImportError(unsettledDates(dates.examples[0] ?? '', column));
  }
  const size = plan.source.size;
  const meta = {
    fileName: path.basename(displayName),
    fileSize: size,
    preset: plan.preset.id,
    mapping: {
      ...plan.source.info,
      hasHeader: plan.hasHeader,
      header: plan.columnNames,
      columns: plan.columns,
      values: plan.values,
    },
    timeZone: plan.timeZone,
  };
  const notDials: Record<string, number> = {};
  const fill = async (batch: BatchSession) => {
    let rows = 0;
    let sinceTick = 0;
    let sha256: string | null = null;
    for await (const produced of produceCallsInWorker(plan)) {
      const cursor = new PackedCallCursor(produced.calls);
      while (cursor.next()) batch.writer.insert(cursor);
      for (const r of produced.rejects) batch.reject(r.line, r.field, r.reason, r.raw, r.code);
      for (const w of produced.warnings) batch.warn(w.line, w.field, w.reason, w.raw);
      for (const [kind, n] of Object.entries(produced.notDials ?? {}))
        notDials[kind] = (notDials[kind] ?? 0) + n;
      sinceTick += produced.rows - rows;
      rows = produced.rows;
      sha256 = produced.sha256;
      if (sinceTick >= TICK_ROWS) {
        sinceTick = 0;
        await batch.tick(produced.bytesRead, size, rows);
      }
    }
    if (sha256 === null) {
      throw new ImportError(
        `${displayName}: the import ended before the file did`,
        'importError.interrupted',
        {
          file: displayName,
        },
      );
    }
    ctx.progress(size, size, rows);
    if (save) await saveProfile(batch.db, plan.signature, plan.choices);
    return { rows, sha256 };
  };
  const totals = await withBoundedHeapGrowth(() => runBatch(ws, meta, ctx, fill));
  return {
    file: displayName,
    preset: plan.preset.id,
    ...totals,
    ...(Object.keys(notDials).length > 0 && { notDials }),
  };
}
