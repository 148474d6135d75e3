/**
 * Choosing a layout by what it reads: every preset is tried on the file's first rows, and the
 * share of rows it normalises is its confidence. (Interim version; see the legs branch.)
 */
import type { CallField } from '../../src-shared/domain';
import { createNormaliser } from './normalise';
import { matchColumns, type CallPreset, type ColumnMap } from './preset';
import { PRESETS } from './presets';

export interface LayoutCandidate {
  preset: CallPreset;
  hasHeader: boolean;
  columnNames: string[];
  columns: ColumnMap;
  missing: CallField[];
  /** 0..1: share of the sample's data rows this layout reads */
  confidence: number;
}

export function columnNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Column ${i + 1}`);
}

export function rankLayouts(
  sample: readonly (readonly string[])[],
  options: { timeZone: string; salt: string; presets?: readonly CallPreset[]; hasHeader?: boolean },
): LayoutCandidate[] {
  const first = sample[0] ?? [];
  const candidates: LayoutCandidate[] = [];
  for (const preset of options.presets ?? PRESETS) {
    const hasHeader = !preset.headerless;
    if (options.hasHeader !== undefined && options.hasHeader !== hasHeader) continue;
    let columnNames: string[];
    if (preset.headerless) {
      if (!preset.headerless.columnCounts.includes(first.length)) continue;
      columnNames = [...preset.headerless.names, ...columnNumbers(first.length)].slice(0, first.length);
    } else columnNames = first.map((c) => c.trim());
    const match = matchColumns(columnNames, preset);
    const rows = hasHeader ? sample.slice(1) : sample;
    let confidence = 0;
    if (match.missing.length === 0 && rows.length > 0) {
      const normalise = createNormaliser(preset, match.columns, columnNames, options);
      confidence = rows.filter((r) => normalise(r).ok).length / rows.length;
    }
    candidates.push({
      preset,
      hasHeader,
      columnNames,
      columns: match.columns,
      missing: match.missing,
      confidence,
    });
  }
  return candidates.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      a.missing.length - b.missing.length ||
      Object.keys(b.columns).length - Object.keys(a.columns).length,
  );
}
