/**
 * Who changed what, and the change counter open screens poll to stay live (src-main/activity/).
 */
import { z } from 'zod';
import { method, None } from './method';

export const ACTIVITY_PAGE_MAX = 200;

export const ActivityRowSchema = z.object({
  id: z.number().int().positive(),
  /** ISO instant */
  at: z.string(),
  userId: z.number().int().nullable(),
  /** the signed-in login; '' for a local workspace or the command line */
  actor: z.string(),
  method: z.string(),
  /** a short description of what changed (ids and names, no words to translate) */
  subject: z.string(),
  /** the method's own details (JSON object), or null */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type ActivityRow = z.infer<typeof ActivityRowSchema>;

export const activityContract = {
  /** The log, newest first; pass the last row's id as `beforeId` for the next page. */
  'activity.list': method(
    z.object({
      limit: z.number().int().min(1).max(ACTIVITY_PAGE_MAX).default(50),
      beforeId: z.number().int().positive().optional(),
      method: z.string().max(60).optional(),
    }),
    z.object({ rows: z.array(ActivityRowSchema) }),
  ),
  /**
   * The workspace's change counter: the activity log's newest id (0 before any change). Every
   * process that writes moves it, so a screen that polls it sees another machine's changes.
   */
  'workspace.revision': method(None, z.object({ revision: z.number().int().nonnegative() })),
} as const;

export type ActivityMethod = keyof typeof activityContract;
