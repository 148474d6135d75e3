/**
 * Choosing a file's layout from its first rows by CONTENT: each preset reads the sample and the
 * share of rows it reads decides. Headers alone cannot tell headerless layouts apart (Asterisk's
 * cdr_csv and cdr_custom both write a header-less Master.csv, in different column orders): the wrong
 * one fails to read its start time or disposition column.
 */
import { createNormaliser } from './normalise';
import { headerExcludes, matchColumns, type CallField, type CallPreset, type ColumnMap } from './preset';
import { PRESETS } from './presets';

export interface LayoutCandidate {
  preset: CallPreset;
  /** the first sample row is the header (else it is data) */
  hasHeader: boolean;
  /** the header's names, or the layout's documented names for a header-less file */
  columnNames: string[];
  columns: ColumnMap;
  missing: CallField[];
  /** 0..1: share of the sample's data rows this layout reads (normalises without a reject) */
  confidence: number;
}

export interface RankOptions {
  timeZone: string;
  salt: string;
  /** the layouts to try (default: every preset) */
  presets?: readonly CallPreset[];
  /** forces one kind: true = the first row is a header, false = there is none */
  hasHeader?: boolean;
}

/** `Column 1`, `Column 2`, …: names for a header-less file no layout reads, for the mapping step. */
export function genericColumnNames(count: number, from = 1): string[] {
  return Array.from({ length: Math.max(0, count - from + 1) }, (_, i) => `Column ${from + i}`);
}

/** A header-less layout's documented names for a row of `count` cells (`Column N` past them). */
export function headerlessColumnNames(
  layout: NonNullable<CallPreset['headerless']>,
  count: number,
): string[] {
  return [...layout.names.slice(0, count), ...genericColumnNames(count, layout.names.length + 1)];
}

/** The column count most sample rows have (a stray short row does not decide it). */
function usualColumnCount(rows: readonly (readonly string[])[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let best = 0;
  let bestRows = -1;
  for (const [count, n] of counts) {
    if (n > bestRows || (n === bestRows && count > best)) [best, bestRows] = [count, n];
  }
  return best;
}

function readShare(
  preset: CallPreset,
  columns: ColumnMap,
  names: readonly string[],
  rows: readonly (readonly string[])[],
  options: RankOptions,
  accepts: (row: readonly string[]) => boolean = () => true,
): number {
  if (rows.length === 0) return 1;
  const normalise = createNormaliser(preset, columns, names, {
    timeZone: options.timeZone,
    salt: options.salt,
  });
  let ok = 0;
  // A row read only around a warning (an unknown status, an unreadable duration) is not read; a
  // row whose every field was read but a value is out of bounds (a 2^64 talk time) was read: the
  // layout is right and the import rejects that row for its value.
  for (const row of rows) {
    if (!accepts(row)) continue;
    const result = normalise(row);
    if (result.ok ? !result.warnings : result.code !== undefined) ok++;
  }
  return ok / rows.length;
}

function headerCandidate(
  preset: CallPreset,
  sample: readonly (readonly string[])[],
  options: RankOptions,
): LayoutCandidate {
  const columnNames = (sample[0] ?? []).map((c) => c.trim());
  const { columns, missing } = matchColumns(columnNames, preset);
  const confidence =
    missing.length > 0 || headerExcludes(columnNames, preset)
      ? 0
      : readShare(
          preset,
          columns,
          columnNames,
          sample.slice(1).filter((row) => !preset.skipRow?.(row)),
          options,
        );
  return { preset, hasHeader: true, columnNames, columns, missing, confidence };
}

function headerlessCandidate(
  preset: CallPreset,
  layout: NonNullable<CallPreset['headerless']>,
  sample: readonly (readonly string[])[],
  options: RankOptions,
): LayoutCandidate | null {
  const count = usualColumnCount(sample);
  if (!layout.columnCounts.includes(count)) return null;
  const columnNames = headerlessColumnNames(layout, count);
  const { columns, missing } = matchColumns(columnNames, preset);
  // Row 0 is data; a row of another width is a row this variant does not read.
  const confidence =
    missing.length > 0
      ? 0
      : readShare(preset, columns, columnNames, sample, options, (row) =>
          layout.columnCounts.includes(row.length),
        );
  return { preset, hasHeader: false, columnNames, columns, missing, confidence };
}

/**
 * Every layout that could read the sample, best first: by confidence, then header layouts before
 * header-less ones (a header names its columns; a header-less guess only counts them), then fewer
 * missing required columns, then more matched fields, then the presets' own order. When nothing
 * reads the sample, the closest header layout comes first, so the user hears which columns the
 * header lacks rather than a reject on every row.
 */
export function rankLayouts(sample: readonly (readonly string[])[], options: RankOptions): LayoutCandidate[] {
  const presets = options.presets ?? PRESETS;
  const ranked: { candidate: LayoutCandidate; order: number }[] = [];
  presets.forEach((preset, order) => {
    const candidate = preset.headerless
      ? options.hasHeader === true
        ? null
        : headerlessCandidate(preset, preset.headerless, sample, options)
      : options.hasHeader === false
        ? null
        : headerCandidate(preset, sample, options);
    if (candidate) ranked.push({ candidate, order });
  });
  const matched = (c: LayoutCandidate) => (c.hasHeader ? Object.keys(c.columns).length : 0);
  return ranked
    .sort(
      (a, b) =>
        b.candidate.confidence - a.candidate.confidence ||
        Number(b.candidate.hasHeader) - Number(a.candidate.hasHeader) ||
        a.candidate.missing.length - b.candidate.missing.length ||
        matched(b.candidate) - matched(a.candidate) ||
        a.order - b.order,
    )
    .map((r) => r.candidate);
}
