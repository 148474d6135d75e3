/**
 * The session: which workspace file is open, and the ways out when it could not be opened
 * (damaged, locked, read-only or written by a newer Callscope). These methods answer even when
 * no workspace is open; every other method then fails with `unavailable`.
 */
import { z } from 'zod';
import { method, None } from './method';
import { BackupSchema } from './schemas';

export const OPEN_FAILURE_KINDS = ['newer_schema', 'corrupt', 'locked', 'read_only', 'unreadable'] as const;
export type OpenFailure = (typeof OPEN_FAILURE_KINDS)[number];

export const SessionStateSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('open'),
    path: z.string(),
    /** Opened read-only after a failure of `readOnlyBecause`: the app shows it and refuses changes. */
    readOnly: z.boolean(),
    readOnlyBecause: z.enum(OPEN_FAILURE_KINDS).nullable(),
    /** After a restore: the backup restored, and where the damaged file was set aside (if anywhere). */
    restored: z.object({ backup: z.string(), setAside: z.string().nullable() }).nullable(),
  }),
  z.object({
    state: z.literal('failed'),
    path: z.string(),
    kind: z.enum(OPEN_FAILURE_KINDS),
    message: z.string(),
    backupFolder: z.string(),
    /** Newest first; restoring one sets the current file aside first. */
    backups: z.array(BackupSchema),
    canOpenReadOnly: z.boolean(),
  }),
]);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const sessionContract = {
  'session.state': method(None, SessionStateSchema),
  /** Tries the normal open again (e.g. after the other program let go of the file). */
  'session.retry': method(None, SessionStateSchema),
  /** Opens the failed file read-only, to look at (and export) what it holds. */
  'session.openReadOnly': method(None, SessionStateSchema),
  /** Replaces the failed file with a backup (the failed file is moved aside, never deleted). */
  'session.restore': method(z.object({ name: z.string().min(1).max(255) }), SessionStateSchema),
} as const;

export type SessionMethod = keyof typeof sessionContract;
