/**
 * The built-in scorecards shipped in `resources/scorecards/<id>.<language>.json`, read from disk
 * (the same relative place from `src-main/audits` under tsx and from `out/main` once built).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../src-shared/domain';
import {
  describeScorecardIssues,
  ScorecardDefinitionSchema,
  type ScorecardDefinition,
} from '../../src-shared/scorecard';

/** Electron's addition to `process` (absent under plain Node). */
interface ElectronProcess {
  resourcesPath?: string;
}

export const TEMPLATE_IDS = ['outbound-sales', 'compliance-check'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const CANDIDATE_DIRS = ['../../resources/scorecards/', '../resources/scorecards/'];

/** Where the templates are: beside the sources or the build, or in a packaged app's resources. */
export function templatesDir(): string {
  // Electron sets process.resourcesPath; electron-builder.yml copies the templates there.
  const packaged = (process as ElectronProcess).resourcesPath;
  const candidates = CANDIDATE_DIRS.map((c) => fileURLToPath(new URL(c, import.meta.url)));
  if (packaged) candidates.push(path.join(packaged, 'scorecards') + path.sep);
  for (const dir of candidates) if (fs.existsSync(dir)) return dir;
  throw new Error(`the scorecard templates are missing (looked for resources/scorecards beside the app)`);
}

export function loadTemplate(id: TemplateId, language: Language): ScorecardDefinition {
  const file = `${templatesDir()}${id}.${language}.json`;
  const parsed = ScorecardDefinitionSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${describeScorecardIssues(parsed.error)}`);
  return parsed.data;
}
