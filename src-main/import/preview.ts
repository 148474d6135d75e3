/**
 * The Import page's preview: the layout and mapping the import will use, the texts of the result
 * columns and what they will mean, and the first rows exactly as they will be stored — produced
 * by the same plan and the same row pipeline as the import itself.
 */
import path from 'node:path';
import type { ImportChoices, ImportPreview, PreviewRow } from '../../src-shared/api';
import { CALL_FIELDS, type CallField, type Disposition } from '../../src-shared/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { directoryEffect } from './directory';
import { createNormaliser, FieldTexts, valueMaps } from './normalise';
import { isOrderFile, openAnySampled, planOrders } from './order-plan';
import { otherKindLayouts, previewOrders } from './order-preview';
import { pbxEndpoints } from './pbx-classify';
import { planCalls, planProblem, type ImportPlan } from './plan';
import { lookupValue } from './preset';
import { headerKeysOf, produceCalls, rejectedPreviewRow, skippedRowReason } from './produce';
import type { RowSource } from './source';

const PREVIEW_ROWS = 50;
/** Rows read at most to find the first 50 calls (a file of legs needs several rows a call). */
const PREVIEW_READ_ROWS = 1000;
const SAMPLE_CELL_ROWS = 3;

export async function previewImport(
  db: Kysely<Database>,
  file: string,
  displayName: string,
  choices: ImportChoices,
  workspaceTimeZone: string,
): Promise<ImportPreview> {
  const sampled = await openAnySampled(db, file, displayName, choices, workspaceTimeZone);
  if (await isOrderFile(db, sampled, choices)) {
    const orders = await previewOrders(await planOrders(db, sampled, choices), db);
    return { ...orders, candidates: [...orders.candidates, ...otherKindLayouts(sampled, 'orders')] };
  }
  const planned = await planCalls(db, sampled, choices);
  const { plan, candidates, profile, sample, table, inference, dates } = planned;
  const problem = planProblem(plan, planned);
  const dataRows = plan.hasHeader ? sample.slice(1) : sample;

  // What the result columns say, and what each text will mean.
  const fields = new FieldTexts(plan.preset, plan.columns);
  const { dispositions, outcomes, directions } = valueMaps(plan.preset, plan.values, plan.readings);
  const dispositionCounts = new Map<string, number>();
  const outcomeCounts = new Map<string, number>();
  const directionCounts = new Map<string, number>();
  const normalise = createNormaliser(plan.preset, plan.columns, plan.columnNames, plan);
  let sampledRejected = 0;
  const headerKeys = headerKeysOf(plan);
  const readAs = new Map<string, number>();
  for (const row of dataRows) {
    if (plan.preset.skipRow?.(row.cells)) continue;
    const result = normalise(row.cells);
    // A totals row or a repeated header is skipped by the import, not rejected; its texts (合计's
    // "30通" under the status) are none of the file's values.
    if (!result.ok && skippedRowReason(row.cells, headerKeys)) continue;
    fields.load(row.cells);
    bump(dispositionCounts, fields.get('disposition'));
    bump(outcomeCounts, fields.get('outcome'));
    if (plan.columns.direction !== undefined) bump(directionCounts, fields.get('direction'));
    if (!result.ok) sampledRejected++;
    // What an unknown status is read as (by its talk time), per text, to show as its proposal.
    else if (result.warnings) bump(readAs, `${fields.get('disposition')}\u0001${result.call.disposition}`);
  }

  const rows: PreviewRow[] = [];
  const warnings = new Map<number, string>();
  // Who the previewed calls name, for "will add 3 agents, fill the team of 12" (read to the end of
  // the preview's rows, not only the 50 shown).
  const sightings: { code: string; name: string | null; team: string | null }[] = [];
  const notDials: Record<string, number> = {};
  for await (const batch of produceCalls(plan, { maxRows: PREVIEW_READ_ROWS, rowsOnly: true })) {
    for (const [kind, n] of Object.entries(batch.notDials ?? {})) notDials[kind] = (notDials[kind] ?? 0) + n;
    for (const w of batch.warnings) warnings.set(w.line, `${w.field ?? ''}: ${w.reason}`);
    for (const c of batch.calls) {
      const call = c.call;
      sightings.push({ code: call.agentCode, name: call.agentName, team: call.teamName });
      rows.push({
        ok: true,
        line: c.line,
        warning: warnings.get(c.line) ?? null,
        call: {
          agentCode: call.agentCode,
          agentName: call.agentName,
          team: call.teamName,
          campaign: call.campaign,
          startedAt: call.startedAt,
          day: call.day,
          direction: call.direction,
          disposition: call.disposition,
          ringSeconds: call.ringSeconds,
          talkSeconds: call.talkSeconds,
          outcome: call.outcome,
          saleAmount: call.saleAmount,
          phoneLast4: call.phoneLast4,
          recording: call.recordingRef,
          legs: c.legs,
        },
      });
    }
    for (const r of batch.rejects) rows.push(rejectedPreviewRow(r));
  }
  rows.sort((a, b) => a.line - b.line);

  return {
    kind: 'calls',
    orders: null,
    ...fileFacts(displayName, plan.source),
    hasHeader: plan.hasHeader,
    columnNames: plan.columnNames,
    sampleCells: dataRows.slice(0, SAMPLE_CELL_ROWS).map((r) => r.cells),
    preset: { id: plan.preset.id, name: plan.preset.name },
    // The chosen layout's confidence is what it reads with the mapping in force, not as detected.
    candidates: [
      ...candidates.map((c) => ({
        id: c.preset.id,
        name: c.preset.name,
        confidence:
          c.preset === plan.preset && dataRows.length > 0
            ? (dataRows.length - sampledRejected) / dataRows.length
            : c.confidence,
      })),
      ...otherKindLayouts(sampled, 'calls'),
    ],
    profile: profile && { signature: profile.signature, savedAt: profile.savedAt },
    columns: CALL_FIELDS.map((field) => ({
      field,
      column: plan.columns[field] ?? null,
      required: plan.preset.required.includes(field),
    })),
    values: {
      dispositions: counted(dispositionCounts, (t) => lookupValue(dispositions, t) ?? null).map((v) => {
        const proposed = v.mapped === null ? proposal(readAs, v.text) : null;
        return proposed === null ? v : { ...v, proposed };
      }),
      outcomes: counted(
        outcomeCounts,
        (t) => lookupValue(outcomes, t) ?? plan.preset.outcomeFallback ?? null,
      ),
      // An unknown direction text is read as outbound (normalise.ts), as its proposal says.
      ...(plan.columns.direction !== undefined && {
        directions: counted(directionCounts, (t) => lookupValue(directions, t) ?? null).map((v) =>
          v.mapped === null && !plan.preset.strictValues ? { ...v, proposed: 'outbound' as const } : v,
        ),
      }),
    },
    sampled: dataRows.length,
    sampledRejected,
    rows: rows.slice(0, PREVIEW_ROWS),
    people: { calls: sightings.length, ...(await directoryEffect(db, sightings)) },
    ...(plan.pbx && {
      endpoints: pbxEndpoints(
        plan.pbx,
        dataRows.map((r) => r.cells),
      ),
      notDials,
    }),
    // Any file's inbound and internal calls are said, not only a PBX's.
    ...(!plan.pbx && Object.keys(notDials).length > 0 && { notDials }),
    skippedAbove: table.skipped,
    inferred: inference.guesses.map((g) => ({
      column: g.index,
      kind: g.kind,
      // What the plan maps wins over what inference proposed (a preset's or the user's mapping).
      field:
        mappedField(plan.columns, g.index) ??
        (g.index === plan.readings.startTimeColumn ? 'startedAt' : null),
      confidence: g.confidence,
      hint: g.hint,
    })),
    dateOrder:
      dates.kind === 'none'
        ? null
        : {
            state: dates.kind,
            order: plan.readings.dateOrder ?? null,
            examples:
              dates.kind === 'ambiguous'
                ? dates.examples
                : dates.kind === 'decided'
                  ? [dates.text]
                  : [dates.dayFirst.text, dates.monthFirst.text],
            problem: dates.kind === 'conflict' ? (problem?.message ?? null) : null,
          },
    // (A date conflict is said with the date-order question.)
    problem:
      problem && dates.kind !== 'conflict'
        ? { message: problem.message, code: problem.messageCode ?? null }
        : null,
  };
}

function mappedField(columns: ImportPlan['columns'], index: number): CallField | null {
  for (const field of CALL_FIELDS) if (columns[field] === index) return field;
  return null;
}

/** What the preview says of the file itself, whatever it holds. */
export function fileFacts(displayName: string, source: RowSource) {
  const { info } = source;
  return {
    fileName: path.basename(displayName),
    fileSize: source.size,
    container: info.container,
    encoding: info.encoding,
    delimiter: info.delimiter,
    sheet: info.sheet,
  };
}

/** The disposition an unknown text was read as most often in the sample, or null. */
function proposal(readAs: Map<string, number>, text: string): Disposition | null {
  let best: Disposition | null = null;
  let bestCount = 0;
  for (const [key, count] of readAs) {
    const [t, meaning] = key.split('\u0001') as [string, Disposition];
    if (t === text && count > bestCount) [best, bestCount] = [meaning, count];
  }
  return best;
}

function bump(counts: Map<string, number>, text: string) {
  counts.set(text, (counts.get(text) ?? 0) + 1);
}

function counted<T>(counts: Map<string, number>, meaning: (text: string) => T | null) {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([text, count]) => ({ text, count, mapped: meaning(text) }));
}
