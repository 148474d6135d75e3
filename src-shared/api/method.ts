/**
 * The building blocks of a contract entry. Each feature declares its methods in its own
 * `contract-<feature>.ts` with these, and `contract.ts` joins them into the one contract.
 */
import { z } from 'zod';

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/** The input of a method that takes nothing. */
export const None = z.object({}).strict();
/** What a method that starts a long job returns: poll `jobs.get` with the id. */
export const JobStarted = z.object({ jobId: z.string() });
