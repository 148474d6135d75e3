/**
 * An import plan as plain data, to hand to the import worker: a plan holds functions (its row
 * source, its layout preset) that cannot cross a thread, but it is fully determined by the file,
 * the sniffed source info, the preset id and the mapping. The worker rebuilds the same plan.
 */
import { ImportError } from './import-error';
import type { ImportPlan } from './plan';
import { presetById } from './presets';
import { sourceFromInfo, type SourceInfo } from './source';

export type PlanSpec = Omit<ImportPlan, 'source' | 'preset'> & {
  source: { info: SourceInfo; size: number };
  presetId: string;
};

export function planToSpec(plan: ImportPlan): PlanSpec {
  const { source, preset, ...rest } = plan;
  return { ...rest, source: { info: { ...source.info }, size: source.size }, presetId: preset.id };
}

export function planFromSpec(spec: PlanSpec): ImportPlan {
  const { source, presetId, ...rest } = spec;
  const preset = presetById(presetId);
  if (!preset) throw new ImportError(`${spec.displayName}: unknown layout preset "${presetId}"`);
  return { ...rest, preset, source: sourceFromInfo(spec.file, source.info, source.size, spec.displayName) };
}
