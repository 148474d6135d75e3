/**
 * Planning an import: open the file, read its first rows, pick the layout that reads them best
 * (or the one the user or a saved profile chose), and settle the column and value mapping.
 * The preview and the import both start here, so what the preview shows is what lands.
 */
import type { ImportChoices } from '../../src-shared/api';
import type { CallField } from '../../src-shared/domain';
import type { Sqlite } from '../db/connection';
import { phoneSalt } from '../settings';
import {
  genericColumnNames,
  headerlessColumnNames,
  rankLayouts,
  type LayoutCandidate,
} from './detect-layout';
import { ImportError } from './import-error';
import type { NormaliseOptions } from './normalise';
import { matchColumns, type CallPreset, type ColumnMap } from './preset';
import { PRESETS, presetById } from './presets';
import { headerlessSignature, headerSignature, loadProfile, type SavedProfile } from './profiles';
import { firstRows, openSource, type Row, type RowSource, type SourceInfo } from './source';
import { listForMessage } from './message-list';

/** Rows read up front: enough to rank layouts and count the texts of result columns. */
const SAMPLE_ROWS = 2000;
/** Rows each layout is tried on when ranking. */
export const RANK_ROWS = 200;

export interface ImportPlan {
  file: string;
  displayName: string;
  source: RowSource;
  preset: CallPreset;
  hasHeader: boolean;
  /** the header, or for a headerless file the layout's documented names (else Column N) */
  columnNames: string[];
  columns: ColumnMap;
  values: NonNullable<NormaliseOptions['values']>;
  timeZone: string;
  salt: string;
  /** what a profile for this file is saved under */
  signature: string;
  /** the choices in force (explicit ones over the profile's), to save as the profile */
  choices: ImportChoices;
}

export interface PlannedImport {
  plan: ImportPlan;
  info: SourceInfo;
  candidates: LayoutCandidate[];
  profile: SavedProfile | null;
  /** the first rows of the file, header included */
  sample: Row[];
}

/** A file opened and its first rows read, before a layout is chosen. */
export interface SampledFile {
  file: string;
  displayName: string;
  source: RowSource;
  /** the first rows, header included (never empty) */
  sample: Row[];
  timeZone: string;
  salt: string;
}

/**
 * Opens a file and reads its first rows. In a workbook, the sheet some layout (of calls or, with
 * `scoreSheet`, of anything else) reads best is chosen over its notes sheet.
 */
export async function openSampled(
  db: Sqlite,
  file: string,
  displayName: string,
  explicit: ImportChoices,
  workspaceTimeZone: string,
  scoreSheet?: (rows: string[][], options: { timeZone: string; salt: string }) => number,
): Promise<SampledFile> {
  const salt = phoneSalt(db);
  const timeZone = explicit.timeZone ?? workspaceTimeZone;
  const source = await openSource(file, displayName, {
    sheet: explicit.sheet,
    // A workbook's notes sheet is skipped for the sheet whose rows some layout reads best.
    chooseSheet: (sheets) => {
      const scored = sheets.map((s) => {
        const rows = s.rows.map((r) => r.cells);
        const calls = rankLayouts(rows, { timeZone, salt })[0]?.confidence ?? 0;
        return { name: s.name, score: Math.max(calls, scoreSheet?.(rows, { timeZone, salt }) ?? 0) };
      });
      return scored.reduce((best, s) => (s.score > best.score ? s : best)).name;
    },
  });
  const sample = await firstRows(source, SAMPLE_ROWS);
  if (!sample[0]) throw new ImportError(`${displayName}: the file has no rows`);
  return { file, displayName, source, sample, timeZone, salt };
}

export async function planImport(
  db: Sqlite,
  file: string,
  displayName: string,
  explicit: ImportChoices,
  workspaceTimeZone: string,
): Promise<PlannedImport> {
  return planCalls(db, await openSampled(db, file, displayName, explicit, workspaceTimeZone), explicit);
}

/** The call import of a sampled file: its layout and mapping. */
export function planCalls(db: Sqlite, sampled: SampledFile, explicit: ImportChoices): PlannedImport {
  const { file, displayName, source, sample, timeZone, salt } = sampled;
  const first = sample[0]!;
  const cells = sample.slice(0, RANK_ROWS).map((r) => r.cells);

  // A profile is looked up by the header signature; a headerless one only when no header layout
  // reads the file, so a profile for a 16-column Master.csv never captures a 16-column CSV.
  const rankedAuto = rankLayouts(cells, { timeZone, salt });
  const autoHeaderless = rankedAuto[0] !== undefined && !rankedAuto[0].hasHeader;
  const profile =
    loadProfile(db, headerSignature(first.cells)) ??
    (autoHeaderless ? loadProfile(db, headerlessSignature(first.cells.length)) : null);
  const choices = mergeChoices(profile?.choices ?? {}, explicit);

  const ranked =
    choices.hasHeader === undefined
      ? rankedAuto
      : rankLayouts(cells, { timeZone, salt, hasHeader: choices.hasHeader });
  let chosen: LayoutCandidate | undefined;
  if (choices.preset !== undefined) {
    const preset = presetById(choices.preset);
    if (!preset) {
      throw new ImportError(
        `${displayName}: unknown layout preset "${choices.preset}" (known: ${PRESETS.map((p) => p.id).join(', ')})`,
      );
    }
    chosen =
      ranked.find((c) => c.preset === preset) ?? fallbackCandidate(preset, first.cells, choices.hasHeader);
  } else chosen = ranked[0] ?? fallbackCandidate(PRESETS[0]!, first.cells, choices.hasHeader);

  // A forced header row (or none) has already shaped the candidates: the chosen one agrees with it.
  const { hasHeader, columnNames } = chosen;
  const columns: ColumnMap = { ...chosen.columns };
  for (const [field, index] of Object.entries(choices.columns ?? {}) as [CallField, number | null][]) {
    if (index === null || index >= columnNames.length) delete columns[field];
    else columns[field] = index;
  }
  const signature = hasHeader ? headerSignature(first.cells) : headerlessSignature(first.cells.length);
  return {
    plan: {
      file,
      displayName,
      source,
      preset: chosen.preset,
      hasHeader,
      columnNames,
      columns,
      values: { dispositions: choices.values?.dispositions, outcomes: choices.values?.outcomes },
      timeZone,
      salt,
      signature,
      choices: { ...choices, preset: chosen.preset.id, hasHeader, sheet: source.info.sheet ?? undefined },
    },
    info: source.info,
    candidates: ranked,
    profile,
    sample,
  };
}

/**
 * Why a plan cannot be imported as it stands (a forced header-less layout whose column count the
 * file does not have, required fields left unmapped), or null.
 */
export function planProblem(plan: ImportPlan): string | null {
  const counts = plan.preset.headerless?.columnCounts;
  const mapped = plan.choices.columns !== undefined;
  if (!plan.hasHeader && counts && !mapped && !counts.includes(plan.columnNames.length)) {
    return (
      `${plan.displayName}: the rows have ${plan.columnNames.length} columns; ` +
      `the ${plan.preset.name} layout has ${counts.join(' or ')}`
    );
  }
  const missing = missingFields(plan);
  if (missing.length === 0) return null;
  const wanted = missing.map((f) => plan.preset.columns[f]?.[0] ?? f).join(', ');
  const where = plan.hasHeader ? 'the header lacks' : 'the rows lack';
  return (
    `${plan.displayName}, line 1: ${where} the column(s) ${wanted} of the ${plan.preset.name} layout ` +
    `(found: ${listForMessage(plan.columnNames)})`
  );
}

/** The fields a plan's layout needs that its mapping leaves out. */
export function missingFields(plan: ImportPlan): CallField[] {
  return plan.preset.required.filter((f) => plan.columns[f] === undefined);
}

function fallbackCandidate(
  preset: CallPreset,
  first: readonly string[],
  hasHeader?: boolean,
): LayoutCandidate {
  const header = hasHeader ?? !preset.headerless;
  const columnNames = header
    ? first.map((c) => c.trim())
    : preset.headerless
      ? headerlessColumnNames(preset.headerless, first.length)
      : genericColumnNames(first.length);
  const match = matchColumns(columnNames, preset);
  return {
    preset,
    hasHeader: header,
    columnNames,
    columns: match.columns,
    missing: match.missing,
    confidence: 0,
  };
}

/**
 * The user's choices over a profile's, field by field: changing one column or one text's meaning
 * keeps the profile's other columns and meanings.
 */
export function mergeChoices(base: ImportChoices, over: ImportChoices): ImportChoices {
  const merged: ImportChoices = { ...base, ...definedOnly(over) };
  if (base.columns || over.columns) merged.columns = { ...base.columns, ...over.columns };
  if (base.values || over.values) {
    merged.values = {
      dispositions: { ...base.values?.dispositions, ...over.values?.dispositions },
      outcomes: { ...base.values?.outcomes, ...over.values?.outcomes },
    };
  }
  return merged;
}

export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
