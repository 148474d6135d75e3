/**
 * Importing one file: sniff -> decode -> parse (streaming) -> map columns -> normalise ->
 * dedup + insert -> rollup, in ONE transaction on the job's own connection. The file lands whole
 * or not at all: a cancel, an error or a crash leaves the database as it was. Bad rows do not
 * block the file: each is kept in `import_rejects` with its line, field and reason.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImportResult } from '../../src-shared/api';
import type { JobContext } from '../jobs';
import { phoneSalt } from '../settings';
import type { Workspace } from '../workspace';
import { runBatch } from './batch';
import { createNormaliser } from './normalise';
import { rankLayouts, type LayoutCandidate } from './detect-layout';
import { LegMerger, type MergedCall } from './legs';
import { PRESETS, presetById } from './presets';
import { readRows, type Row } from './read-rows';
import { sniffFile } from './sniff';

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface ImportOptions {
  /** the name to record and report (the staged copy of an upload has another name on disk) */
  displayName?: string;
  presetId?: string;
  timeZone?: string;
}

/** Rows between progress reports and yields to the event loop (and cancel checks). */
const TICK_ROWS = 5000;

/** Sample rows the layout is chosen from (by what they read, not by the header alone). */
const SAMPLE_ROWS = 200;

function chooseLayout(
  sample: string[][],
  presetId: string | undefined,
  file: string,
  options: { timeZone: string; salt: string },
): LayoutCandidate {
  let presets = PRESETS;
  if (presetId) {
    const preset = presetById(presetId);
    if (!preset)
      throw new ImportError(
        `${file}: unknown layout preset "${presetId}" (known: ${PRESETS.map((p) => p.id).join(', ')})`,
      );
    presets = [preset];
  }
  const best = rankLayouts(sample, { ...options, presets })[0];
  if (!best) {
    const counts = presets[0]?.headerless?.columnCounts.join(' or ') ?? '?';
    throw new ImportError(
      `${file}: the rows have ${sample[0]?.length ?? 0} columns; the ${presets[0]?.name} layout has ${counts}`,
    );
  }
  return best;
}

export async function importFile(
  ws: Workspace,
  file: string,
  options: ImportOptions,
  ctx: JobContext,
): Promise<ImportResult> {
  const displayName = options.displayName ?? file;
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new ImportError(`${displayName}: not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(
      `${displayName}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  if (size === 0) throw new ImportError(`${displayName}: the file is empty`);
  const settings = ws.settings();
  const timeZone = options.timeZone ?? settings.timeZone;
  const sniffed = await sniffFile(file);
  const salt = phoneSalt(ws.db);

  // Read the header first: the layout decides the batch's preset and mapping.
  const hash = createHash('sha256');
  let bytesRead = 0;
  const rows = readRows(file, sniffed, (chunk) => {
    hash.update(chunk);
    bytesRead += chunk.length;
  });
  try {
    // The first batch holds the header row (a batch is never empty).
    const first = await rows.next();
    if (first.done) throw new ImportError(`${displayName}: the file has no rows`);
    const firstBatch = first.value;
    const headerRow = firstBatch[0]!;
    const sample = firstBatch.slice(0, SAMPLE_ROWS).map((r) => r.cells);
    const layout = chooseLayout(sample, options.presetId, displayName, { timeZone, salt });
    const { preset, columnNames: header, columns } = layout;
    const firstRows = layout.hasHeader ? firstBatch.slice(1) : firstBatch;
    if (layout.missing.length > 0) {
      const wanted = layout.missing.map((f) => preset.columns[f]?.[0] ?? f).join(', ');
      throw new ImportError(
        `${displayName}, line ${headerRow.line}: the header lacks the column(s) ${wanted} of the ` +
          `${preset.name} layout (found: ${header.join(', ')})`,
      );
    }
    const normalise = createNormaliser(preset, columns, header, { timeZone, salt });
    const meta = {
      fileName: path.basename(displayName),
      fileSize: size,
      preset: preset.id,
      mapping: {
        header,
        hasHeader: layout.hasHeader,
        columns,
        encoding: sniffed.encoding,
        delimiter: sniffed.delimiter,
      },
      timeZone,
    };
    const totals = await runBatch(ws, meta, ctx, async (batch) => {
      let total = 0;
      let sinceTick = 0;
      // Rows that are legs of calls are merged into calls before they are stored.
      const agentColumn = columns.agentCode;
      const legs = preset.legs
        ? new LegMerger({ agentField: agentColumn === undefined ? undefined : header[agentColumn] })
        : null;
      const store = (merged: MergedCall[]) => {
        for (const m of merged) {
          if (m.ok) batch.writer.insert(m.call);
          else batch.reject(m.line, m.field, m.reason, m.raw ?? '');
        }
      };
      const take = (batchRows: Row[]) => {
        for (const row of batchRows) {
          const result = normalise(row.cells);
          const raw = () => row.cells.join(sniffed.delimiter);
          if (!result.ok) batch.reject(row.line, result.field, result.reason, raw());
          else if (legs) store(legs.add({ line: row.line, call: result.call, raw: raw() }));
          else batch.writer.insert(result.call);
        }
        total += batchRows.length;
        sinceTick += batchRows.length;
      };
      take(firstRows);
      for await (const batchRows of rows) {
        take(batchRows);
        if (sinceTick >= TICK_ROWS) {
          sinceTick = 0;
          await batch.tick(bytesRead, size, total);
        }
      }
      if (legs) store(legs.finish());
      ctx.progress(size, size, total);
      return { rows: total, sha256: hash.digest('hex') };
    });
    return { file: displayName, preset: preset.id, ...totals };
  } finally {
    await rows.return(undefined);
  }
}
