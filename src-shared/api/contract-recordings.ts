/**
 * Linking calls to their recordings: the file-name patterns, the index of the recordings folder
 * (built as a job), creating the folder at first use, and whether a call's recording is found.
 * The folder itself is chosen with `audits.setRecordingsFolder`.
 */
import { z } from 'zod';
import { RecordingsFolderSchema } from './contract-audits';
import { JobStarted, method, None } from './method';

const Id = z.number().int().positive();

export const RECORDING_PROBLEMS = ['no_call', 'no_folder', 'not_found', 'refused'] as const;

export const RecordingsSetupSchema = z.object({
  folder: RecordingsFolderSchema,
  patterns: z.array(z.string()),
  defaultPatterns: z.array(z.string()),
  index: z
    .object({ files: z.number().int().nonnegative(), builtAt: z.number(), truncated: z.boolean() })
    .nullable(),
});
export type RecordingsSetup = z.infer<typeof RecordingsSetupSchema>;

export const RecordingFoundSchema = z.object({
  found: z.boolean(),
  /** how it was found */
  via: z.enum(['reference', 'pattern', 'index']).nullable(),
  /** the file, relative to the recordings folder */
  file: z.string().nullable(),
  problem: z.enum(RECORDING_PROBLEMS).nullable(),
  /** not found: the path the stored reference names (where the file was expected) */
  lookedFor: z.string().nullable(),
});
export type RecordingFound = z.infer<typeof RecordingFoundSchema>;

export const recordingsContract = {
  'recordings.setup': method(None, RecordingsSetupSchema),
  /** null: back to the default patterns; [] turns pattern matching off. */
  'recordings.setPatterns': method(
    z.object({ patterns: z.array(z.string().trim().min(1).max(200)).max(10).nullable() }),
    RecordingsSetupSchema,
  ),
  /** Creates the current recordings folder (first use). */
  'recordings.createFolder': method(None, RecordingsSetupSchema),
  /** Walks the folder in the background and stores its file names (bounded). */
  'recordings.buildIndex': method(None, JobStarted),
  'recordings.find': method(z.object({ callId: Id }), RecordingFoundSchema),
};

export type RecordingsMethod = keyof typeof recordingsContract;
