/** Monthly summaries (issue 7): report files as jobs, and month close / reopen. */
import { z } from 'zod';
import { REPORT_FORMATS, ReportSpecSchema } from '../reports-model';
import { JobStarted, method, None } from './method';

const MonthInput = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM') });

export const MonthCloseStatusSchema = z.object({
  month: z.string(),
  closed: z.boolean(),
  closedAt: z.number().nullable(),
  /** sha256 (hex) of the frozen snapshot */
  checksum: z.string().nullable(),
  /** the live data differs from the snapshot since the close */
  changedSince: z.boolean(),
  /** which parts differ: calls, targets, scores, audits, followUps, orders */
  changedSections: z.array(z.string()),
  /** a close made before every section was frozen: only its call numbers are frozen */
  callsOnly: z.boolean(),
});
export type MonthCloseStatus = z.infer<typeof MonthCloseStatusSchema>;

export const reportsContract = {
  /** Builds a report file in the background; fetch it with `reports.file` once the job is done. */
  'reports.generate': method(
    z.object({ spec: ReportSpecSchema, format: z.enum(REPORT_FORMATS) }),
    JobStarted,
  ),
  /** A finished report job's file (base64: both doors carry JSON), kept for a few downloads. */
  'reports.file': method(
    z.object({ jobId: z.string() }),
    z.object({
      fileName: z.string(),
      mime: z.string(),
      base64: z.string(),
      close: MonthCloseStatusSchema.pick({ changedSince: true, changedSections: true, callsOnly: true })
        .extend({ closedAt: z.number(), checksum: z.string() })
        .nullable(),
    }),
  ),
  'reports.closeStatus': method(MonthInput, MonthCloseStatusSchema),
  /** Freezes the month's numbers (snapshot + sha256); refused if the month is closed already. */
  'reports.closeMonth': method(MonthInput, MonthCloseStatusSchema),
  /** Drops the month's snapshot: its reports read the live data again. */
  'reports.reopenMonth': method(MonthInput, MonthCloseStatusSchema),
  'reports.closedMonths': method(
    None,
    z.array(z.object({ month: z.string(), closedAt: z.number(), checksum: z.string() })),
  ),
} as const;

export type ReportsMethod = keyof typeof reportsContract;
