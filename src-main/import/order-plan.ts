/**
 * Planning an order import, and telling an order export from a call log: the same sampled file
 * (src-main/import/plan.ts) is read by every order layout; an order layout whose columns are all
 * there and which reads the rows at least as well as the best call layout makes it an order file.
 */
import type { ImportChoices } from '../../src-shared/api';
import type { OrderField } from '../../src-shared/orders';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { rankLayouts } from './detect-layout';
import { ImportError, lacksColumnsError } from './import-error';
import { createOrderNormaliser } from './order-normalise';
import type { OrderColumnMap, OrderPreset } from './order-preset';
import { ORDER_PRESETS, orderPresetById } from './order-presets';
import { definedOnly, openSampled, RANK_ROWS, type SampledFile } from './plan';
import { presetById } from './presets';
import { matchColumns } from './preset';
import type { RowsPlan } from './produce';
import { headerSignature, loadProfile, type SavedProfile } from './profiles';

export interface OrderCandidate {
  preset: OrderPreset;
  columns: OrderColumnMap;
  missing: OrderField[];
  /** 0..1: share of the sample's data rows the layout reads */
  confidence: number;
}

export interface OrderPlan extends RowsPlan {
  kind: 'orders';
  file: string;
  preset: OrderPreset;
  columns: OrderColumnMap;
  timeZone: string;
  /** the workspace's zone: an order's day (the file's times may be in another) */
  dayTimeZone: string;
  salt: string;
  signature: string;
  choices: ImportChoices;
}

export interface PlannedOrders {
  plan: OrderPlan;
  candidates: OrderCandidate[];
  profile: SavedProfile | null;
  sample: SampledFile['sample'];
}

/** Every order layout on a sample (header first), best first. */
export function rankOrderLayouts(
  rows: readonly (readonly string[])[],
  options: { timeZone: string; salt: string },
): OrderCandidate[] {
  const header = (rows[0] ?? []).map((c) => c.trim());
  const data = rows.slice(1);
  return ORDER_PRESETS.map((preset) => {
    const { columns, missing } = matchColumns(header, preset);
    let confidence = 0;
    if (missing.length === 0) {
      const normalise = createOrderNormaliser(preset, columns, header, options);
      confidence = data.length === 0 ? 1 : data.filter((r) => normalise(r).ok).length / data.length;
    }
    return { preset, columns, missing, confidence };
  }).sort(
    (a, b) =>
      // A file with every column of an order layout is an order export, even where it also reads as payments.
      Number(isCompleteOrderLayout(b)) - Number(isCompleteOrderLayout(a)) ||
      b.confidence - a.confidence ||
      a.missing.length - b.missing.length ||
      Object.keys(b.columns).length - Object.keys(a.columns).length,
  );
}

function isCompleteOrderLayout(c: OrderCandidate): boolean {
  return !c.preset.payments && c.missing.length === 0 && c.confidence > 0;
}

/** How well some order layout reads a workbook sheet's rows (to choose the sheet). */
export function orderSheetScore(rows: string[][], options: { timeZone: string; salt: string }): number {
  return rankOrderLayouts(rows.slice(0, RANK_ROWS), options)[0]?.confidence ?? 0;
}

/**
 * Whether a sampled file is an order export: the layout chosen (by the user, or by the profile
 * saved for its header) says so, else its columns do.
 */
export async function isOrderFile(
  db: Kysely<Database>,
  sampled: SampledFile,
  explicit: ImportChoices,
): Promise<boolean> {
  const chosen =
    explicit.preset ?? (await loadProfile(db, headerSignature(sampled.sample[0]!.cells)))?.choices.preset;
  if (chosen !== undefined && orderPresetById(chosen)) return true;
  if (chosen !== undefined && presetById(chosen)) return false;
  const cells = sampled.sample.slice(0, RANK_ROWS).map((r) => r.cells);
  const orders = rankOrderLayouts(cells, sampled)[0];
  if (!orders) return false;
  const calls = rankLayouts(cells, sampled)[0]?.confidence ?? 0;
  if (orders.missing.length === 0 && orders.confidence > 0) return orders.confidence >= calls;
  // A header with an order id that no call layout reads is an order export short of a column:
  // its error should name the order columns it lacks, not a call log's.
  return calls === 0 && orders.columns.orderId !== undefined;
}

export async function planOrders(
  db: Kysely<Database>,
  sampled: SampledFile,
  explicit: ImportChoices,
): Promise<PlannedOrders> {
  const { file, displayName, source, sample, timeZone, dayTimeZone, salt } = sampled;
  const first = sample[0]!;
  const signature = headerSignature(first.cells);
  const profile = await loadProfile(db, signature);
  const choices: ImportChoices = { ...profile?.choices, ...definedOnly(explicit) };
  const columnNames = first.cells.map((c) => c.trim());
  const candidates = rankOrderLayouts(
    sample.slice(0, RANK_ROWS).map((r) => r.cells),
    sampled,
  );
  let preset = candidates[0]!.preset;
  if (choices.preset !== undefined) {
    const named = orderPresetById(choices.preset);
    if (!named) throw new ImportError(`${displayName}: "${choices.preset}" is not an order layout`);
    preset = named;
  }
  const columns: OrderColumnMap = { ...matchColumns(columnNames, preset).columns };
  for (const [field, index] of Object.entries(choices.orderColumns ?? {}) as [OrderField, number | null][]) {
    if (index === null || index >= columnNames.length) delete columns[field];
    else columns[field] = index;
  }
  return {
    plan: {
      kind: 'orders',
      file,
      displayName,
      source,
      hasHeader: true,
      preset,
      columnNames,
      columns,
      timeZone,
      dayTimeZone,
      salt,
      signature,
      choices: { ...choices, preset: preset.id, hasHeader: true, sheet: source.info.sheet ?? undefined },
    },
    candidates,
    profile,
    sample,
  };
}

/** The order fields a plan's layout needs that its mapping leaves out. */
export function missingOrderFields(plan: OrderPlan): OrderField[] {
  return plan.preset.required.filter((f) => plan.columns[f] === undefined);
}

/** Why an order plan cannot be imported as it stands, or null. */
export function orderPlanProblem(plan: OrderPlan): ImportError | null {
  const missing = missingOrderFields(plan);
  if (missing.length === 0) return null;
  const wanted = missing.map((f) => plan.preset.columns[f]?.[0] ?? f);
  return lacksColumnsError(plan.displayName, true, wanted, plan.preset.name, plan.columnNames);
}

/** Opens and samples a file, choosing a workbook's sheet among call and order layouts alike. */
export function openAnySampled(
  db: Kysely<Database>,
  file: string,
  displayName: string,
  explicit: ImportChoices,
  workspaceTimeZone: string,
): Promise<SampledFile> {
  return openSampled(db, file, displayName, explicit, workspaceTimeZone, orderSheetScore);
}
