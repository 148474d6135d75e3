/** The host's bounded operations: undoing an import batch as a job (progress, never a frozen host). */
import { z } from 'zod';
import { JobStarted, method } from './method';

export const hostContract = {
  /** Undoes a batch as a job (`jobs.get` for progress); the batch ends marked undone. */
  'import.undoStart': method(z.object({ batchId: z.number().int().positive() }), JobStarted),
} as const;

export type HostMethod = keyof typeof hostContract;
