/**
 * Planning an import: open the file, read its first rows, pick the layout that reads them best
 * (or the one the user or a saved profile chose), and settle the column and value mapping.
 * The preview and the import both start here, so what the preview shows is what lands.
 */
import type { Kysely } from 'kysely';
import type { ImportChoices } from '../../src-shared/api';
import type { CallField } from '../../src-shared/domain';
import type { Database } from '../db/schema';
import { phoneSalt } from '../settings';
import {
  genericColumnNames,
  headerlessColumnNames,
  rankLayouts,
  type LayoutCandidate,
} from './detect-layout';
import { ImportError, lacksColumnsError } from './import-error';
import {
  dateOrderConflictText,
  findDateOrder,
  findTableStart,
  inferColumns,
  isInboundFlag,
  usualDateOrder,
  durationUnit,
  splitHeader,
  type ColumnReadings,
  type DateOrderFinding,
  type Inference,
  type TableStart,
} from './infer-columns';
import { createNormaliser, type NormaliseOptions } from './normalise';
import { learnPbx, pbxColumns, type PbxPlan } from './pbx-classify';
import { matchColumns, type CallPreset, type ColumnMap } from './preset';
import { PRESETS, presetById } from './presets';
import { inferredPreset } from './presets/inferred';
import { headerlessSignature, headerSignature, loadProfile, type SavedProfile } from './profiles';
import { firstRows, openSource, type Row, type RowSource, type SourceInfo } from './source';
import { listForCode, listForMessage } from './message-list';

/** Rows read up front: enough to rank layouts and count the texts of result columns. */
const SAMPLE_ROWS = 2000;
/** Longer sample rows are not tried as calls when judging the columns read from the content. */
const MAX_CALL_ROW_CHARS = 10_000;
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
  /** rows above the table (a title, export notes) skipped before the header or first data row */
  skipRows: number;
  /** how values the layout does not describe are read (day-first dates, date + time, units) */
  readings: ColumnReadings;
  timeZone: string;
  /** the workspace's zone: a call's day, hour and weekday (the file's times may be in another) */
  dayTimeZone: string;
  salt: string;
  /** what a profile for this file is saved under */
  signature: string;
  /** the choices in force (explicit ones over the profile's), to save as the profile */
  choices: ImportChoices;
  /** a PBX layout's endpoints, learned from the sample and named by the user */
  pbx?: PbxPlan;
}

export interface PlannedImport {
  plan: ImportPlan;
  info: SourceInfo;
  candidates: LayoutCandidate[];
  profile: SavedProfile | null;
  /** the first rows of the table, header included (the rows above it skipped) */
  sample: Row[];
  /** where the table starts and the rows above it */
  table: TableStart;
  /** what each column looks like, from its content */
  inference: Inference;
  /** day-first or month-first, as the start column's dates say (and the order in force) */
  dates: DateOrderFinding;
}

/** A file opened and its first rows read, before a layout is chosen. */
export interface SampledFile {
  file: string;
  displayName: string;
  source: RowSource;
  /** the first rows, header included (never empty) */
  sample: Row[];
  timeZone: string;
  dayTimeZone: string;
  salt: string;
}

/**
 * Opens a file and reads its first rows. In a workbook, the sheet some layout (of calls or, with
 * `scoreSheet`, of anything else) reads best is chosen over its notes sheet.
 */
export async function openSampled(
  db: Kysely<Database>,
  file: string,
  displayName: string,
  explicit: ImportChoices,
  workspaceTimeZone: string,
  scoreSheet?: (rows: string[][], options: { timeZone: string; salt: string }) => number,
): Promise<SampledFile> {
  const salt = await phoneSalt(db);
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
  if (!sample[0])
    throw new ImportError(`${displayName}: the file has no rows`, 'importError.noRows', {
      file: displayName,
    });
  return { file, displayName, source, sample, timeZone, dayTimeZone: workspaceTimeZone, salt };
}

export async function planImport(
  db: Kysely<Database>,
  file: string,
  displayName: string,
  explicit: ImportChoices,
  workspaceTimeZone: string,
): Promise<PlannedImport> {
  return planCalls(db, await openSampled(db, file, displayName, explicit, workspaceTimeZone), explicit);
}

/** The call import of a sampled file: its layout and mapping. */
export async function planCalls(
  db: Kysely<Database>,
  sampled: SampledFile,
  explicit: ImportChoices,
): Promise<PlannedImport> {
  const { file, displayName, source, timeZone, dayTimeZone, salt } = sampled;
  // A title, an "exported by/at" line or a query line above the table is not part of it.
  const table = findTableStart(sampled.sample.slice(0, RANK_ROWS));
  const sample = sampled.sample.slice(table.index);
  const first = sample[0]!;
  const cells = sample.slice(0, RANK_ROWS).map((r) => r.cells);

  // A profile is looked up by the header signature; a headerless one only when no header layout
  // reads the file, so a profile for a 16-column Master.csv never captures a 16-column CSV.
  const rankedAuto = rankLayouts(cells, { timeZone, salt });
  const autoHeaderless = rankedAuto[0] !== undefined && !rankedAuto[0].hasHeader;
  const profile =
    (await loadProfile(db, headerSignature(first.cells))) ??
    (autoHeaderless ? await loadProfile(db, headerlessSignature(first.cells.length)) : null);
  const choices = mergeChoices(profile?.choices ?? {}, explicit);

  const ranked =
    choices.hasHeader === undefined
      ? rankedAuto
      : rankLayouts(cells, { timeZone, salt, hasHeader: choices.hasHeader });
  // What the content says, whatever the presets say: proposed when no named layout reads the file.
  const contentHasHeader = choices.hasHeader ?? table.hasHeader;
  const inference = inferColumns(
    contentHasHeader ? first.cells : null,
    contentHasHeader ? cells.slice(1) : cells,
  );
  const inferred = inferredCandidate(inference, first.cells, cells, contentHasHeader, { timeZone, salt });
  const best = ranked[0];
  const presetReads = best !== undefined && best.missing.length === 0 && best.confidence >= 0.5;
  // When no named layout reads the file, what the content says comes first, even if it reads
  // nothing either: the user then hears what was understood, not a product the file is not.
  // A layout whose header names every column it needs still comes first over content that lacks
  // one: its rejects then name each row's problem.
  const presetFirst =
    presetReads ||
    (best !== undefined &&
      (best.confidence > inferred.confidence || (best.missing.length === 0 && inferred.missing.length > 0)));
  const candidates = presetFirst ? [...ranked, inferred] : [inferred, ...ranked];

  let chosen: LayoutCandidate | undefined;
  if (choices.preset !== undefined) {
    const preset = presetById(choices.preset);
    if (!preset) {
      throw new ImportError(
        `${displayName}: unknown layout preset "${choices.preset}" (known: ${PRESETS.map((p) => p.id).join(', ')})`,
        'importError.unknownPreset',
        { file: displayName, preset: choices.preset },
      );
    }
    chosen =
      candidates.find((c) => c.preset === preset) ??
      fallbackCandidate(preset, first.cells, choices.hasHeader);
  } else chosen = candidates[0] ?? fallbackCandidate(PRESETS[0]!, first.cells, choices.hasHeader);

  // A forced header row (or none) has already shaped the candidates: the chosen one agrees with it.
  const { hasHeader, columnNames } = chosen;
  const columns: ColumnMap = { ...chosen.columns };
  for (const [field, index] of Object.entries(choices.columns ?? {}) as [CallField, number | null][]) {
    if (index === null || index >= columnNames.length) delete columns[field];
    else columns[field] = index;
  }
  const readings: ColumnReadings = chosen.preset === inferredPreset ? { ...inference.readings } : {};
  // A layout whose start column holds dates alone (RingCentral's Date + Time) gets the time column
  // inference found beside it: a date without its time would put every call at midnight.
  if (chosen.preset !== inferredPreset && inference.readings.startTimeColumn !== undefined) {
    readings.startTimeColumn = inference.readings.startTimeColumn;
  }
  // A preset's duration column whose header names its unit (`通话时长(毫秒)`) is read in that unit.
  if (chosen.preset !== inferredPreset && hasHeader) {
    const unitOf = (index: number | undefined) =>
      index === undefined ? undefined : durationUnit(splitHeader(columnNames[index] ?? '').hint);
    const talkUnit = unitOf(columns.talkSeconds);
    const ringUnit = unitOf(columns.ringSeconds);
    if (talkUnit && talkUnit !== 's') readings.talkUnit = talkUnit;
    if (ringUnit && ringUnit !== 's') readings.ringUnit = ringUnit;
  }
  // A start column chosen by hand is read as it is, not joined to the time column inference found.
  if (readings.startTimeColumn !== undefined && columns.startedAt !== inference.columns.startedAt) {
    delete readings.startTimeColumn;
  }
  const dataRows = hasHeader ? sample.slice(1) : sample;
  // A direction column chosen by hand is read as an inbound flag only when it holds one (1/0, 是/否).
  if (chosen.preset === inferredPreset && columns.direction !== inference.columns.direction) {
    const index = columns.direction;
    if (index !== undefined && isInboundFlag(dataRows.slice(0, RANK_ROWS).map((r) => r.cells[index] ?? '')))
      readings.inboundFlag = true;
    else delete readings.inboundFlag;
  }
  const dates =
    columns.startedAt === undefined ? { kind: 'none' as const } : findDateOrder(dataRows, columns.startedAt);
  const dateOrder =
    choices.dateOrder ??
    (dates.kind === 'decided'
      ? dates.order
      : dates.kind === 'ambiguous'
        ? usualDateOrder(timeZone)
        : undefined);
  if (dateOrder !== undefined) readings.dateOrder = dateOrder;
  // The import checks every row against the line that settled the order (produce.ts).
  if (dates.kind === 'decided' && dates.order === dateOrder) {
    readings.dateOrderFrom = { line: dates.line, text: dates.text };
  }

  const signature = hasHeader ? headerSignature(first.cells) : headerlessSignature(first.cells.length);
  // A PBX layout learns which endpoints are extensions and which are trunks from the sample.
  const pbx = chosen.preset.pbx
    ? learnPbx(
        pbxColumns(columnNames),
        (hasHeader ? sample.slice(1) : sample).map((r) => r.cells),
        choices.endpoints ?? {},
      )
    : undefined;
  return {
    plan: {
      file,
      displayName,
      source,
      preset: chosen.preset,
      hasHeader,
      columnNames,
      columns,
      values: {
        dispositions: choices.values?.dispositions,
        outcomes: choices.values?.outcomes,
        directions: choices.values?.directions,
      },
      skipRows: table.index,
      readings,
      timeZone,
      dayTimeZone,
      salt,
      signature,
      choices: {
        ...choices,
        preset: chosen.preset.id,
        hasHeader,
        sheet: source.info.sheet ?? undefined,
        // The order the user answered is kept with the profile; a decided one is found again.
        ...(choices.dateOrder !== undefined ? { dateOrder: choices.dateOrder } : {}),
      },
      ...(pbx && { pbx }),
    },
    info: source.info,
    candidates,
    profile,
    sample,
    table,
    inference,
    dates,
  };
}

/**
 * The layout read from the content, as a candidate among the presets: the columns inference
 * proposes and the share of the sample they read (a row read around a warning counts as read).
 */
function inferredCandidate(
  inference: Inference,
  first: readonly string[],
  cells: readonly (readonly string[])[],
  hasHeader: boolean,
  options: { timeZone: string; salt: string },
): LayoutCandidate {
  const width = Math.max(first.length, ...cells.slice(0, 50).map((r) => r.length));
  const columnNames = hasHeader
    ? [...first.map((c) => c.trim()), ...genericColumnNames(width, first.length + 1)]
    : genericColumnNames(width);
  const columns = inference.columns;
  const missing = inferredPreset.required.filter((f) => columns[f] === undefined);
  const rows = hasHeader ? cells.slice(1) : cells;
  let confidence = 0;
  if (missing.length === 0 && rows.length > 0) {
    const normalise = createNormaliser(inferredPreset, columns, columnNames, {
      ...options,
      // Either order is fine for judging the columns; the plan settles which.
      readings: { ...inference.readings, dateOrder: undefined },
    });
    const dayFirst = createNormaliser(inferredPreset, columns, columnNames, {
      ...options,
      readings: { ...inference.readings, dateOrder: 'dmy' },
    });
    let ok = 0;
    for (const row of rows) {
      // A row of many kilobytes is no call (and would cost two parses for nothing).
      if (row.reduce((n, c) => n + c.length, 0) > MAX_CALL_ROW_CHARS) continue;
      if (normalise(row).ok || dayFirst(row).ok) ok++;
    }
    confidence = ok / rows.length;
  }
  return { preset: inferredPreset, hasHeader, columnNames, columns, missing, confidence };
}

/**
 * Why a plan cannot be imported as it stands (a forced header-less layout whose column count the
 * file does not have, required fields left unmapped, dates both day-first and month-first), or
 * null. With what the planner saw of the file, a file read as nothing known says what was
 * understood of it (container, encoding, delimiter, what each column looked like), never naming a
 * product it did not match.
 */
export function planProblem(
  plan: ImportPlan,
  seen?: Pick<PlannedImport, 'inference' | 'dates'>,
): ImportError | null {
  const counts = plan.preset.headerless?.columnCounts;
  const mapped = plan.choices.columns !== undefined;
  if (!plan.hasHeader && counts && !mapped && !counts.includes(plan.columnNames.length)) {
    const count = plan.columnNames.length;
    return new ImportError(
      `${plan.displayName}: the rows have ${count} columns; the ${plan.preset.name} layout has ${counts.join(' or ')}`,
      'importError.columnCount',
      { file: plan.displayName, count, layout: plan.preset.name, expected: counts.join('/') },
    );
  }
  if (seen?.dates.kind === 'conflict') {
    const { dayFirst, monthFirst } = seen.dates;
    const column = plan.columnNames[plan.columns.startedAt ?? -1] ?? 'start time';
    return new ImportError(dateOrderConflictText(plan.displayName, column, 'dmy', dayFirst, monthFirst));
  }
  const missing = missingFields(plan);
  if (missing.length === 0) return null;
  if (plan.preset === inferredPreset && seen) return understoodProblem(plan, seen.inference, missing);
  const wanted = missing.map((f) => plan.preset.columns[f]?.[0] ?? f);
  return lacksColumnsError(plan.displayName, plan.hasHeader, wanted, plan.preset.name, plan.columnNames);
}

const FIELD_WORDS: Partial<Record<CallField, string>> = {
  agentCode: 'an agent (工号, extension or name)',
  startedAt: 'a start time (date and time)',
};

const KIND_WORDS: Record<Inference['guesses'][number]['kind'], string> = {
  empty: 'empty',
  instant: 'dates and times',
  date: 'dates',
  time: 'times of day',
  duration: 'durations',
  phone: 'phone numbers',
  extension: 'short numbers',
  agent: 'names with codes',
  status: 'a few repeated words',
  amount: 'numbers',
  id: 'unique ids',
  name: 'names or text',
  text: 'text',
};

function understoodProblem(plan: ImportPlan, inference: Inference, missing: CallField[]): ImportError {
  const { container, encoding, delimiter, sheet } = plan.source.info;
  const how =
    container === 'xlsx'
      ? `an Excel workbook (sheet "${sheet ?? ''}")`
      : `a text file (${encoding ?? 'utf-8'}, ${delimiter === '\t' ? 'tab' : `"${delimiter ?? ','}"`}-separated)`;
  // Cut and counted: a 20,000-column header makes a message of a line, not of half a megabyte.
  const columns = listForMessage(
    inference.guesses.map(
      (g) => `${plan.columnNames[g.index] || `Column ${g.index + 1}`}: ${KIND_WORDS[g.kind]}`,
    ),
  );
  const lacks = missing.map((f) => FIELD_WORDS[f] ?? f).join(' and ');
  // A header-less file's columns have no names: the message numbers them, in the user's language.
  const shown = listForCode(
    inference.guesses.map((g) => (plan.hasHeader && plan.columnNames[g.index]) || ''),
  );
  const numbers = inference.guesses.slice(0, shown.items.length).map((g) => String(g.index + 1));
  return new ImportError(
    `${plan.displayName}: read as ${how} with ${inference.guesses.length} columns ` +
      `${plan.hasHeader ? 'under a header' : 'and no header'} (${columns}); no column holds ${lacks}. ` +
      `Choose the column in the mapping, or check that this is a call log`,
    'importError.noColumnHolds',
    {
      file: plan.displayName,
      container,
      encoding: encoding ?? 'utf-8',
      delimiter: delimiter ?? ',',
      sheet: sheet ?? '',
      count: inference.guesses.length,
      hasHeader: plan.hasHeader ? 1 : 0,
      names: shown.items,
      numbers,
      kinds: inference.guesses.slice(0, shown.items.length).map((g) => g.kind),
      columnsMore: shown.more,
      lacks: [...missing],
    },
  );
}

/** The fields a plan's layout needs that its mapping leaves out. */
export function missingFields(plan: ImportPlan): CallField[] {
  // Without a status column, talk time says whether a call connected.
  return plan.preset.required.filter(
    (f) => plan.columns[f] === undefined && !(f === 'disposition' && plan.columns.talkSeconds !== undefined),
  );
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
  if (base.endpoints || over.endpoints) merged.endpoints = { ...base.endpoints, ...over.endpoints };
  if (base.values || over.values) {
    merged.values = {
      dispositions: { ...base.values?.dispositions, ...over.values?.dispositions },
      outcomes: { ...base.values?.outcomes, ...over.values?.outcomes },
      ...((base.values?.directions || over.values?.directions) && {
        directions: { ...base.values?.directions, ...over.values?.directions },
      }),
    };
  }
  return merged;
}

export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
