/** The reports' share of the API: report jobs, their files, and month close / reopen. */
import type { ReportsMethod } from '../../src-shared/api';
import type { HandlersFor } from '../dispatch';
import { now } from '../clock';
import { ApiError, notFound } from '../errors';
import type { JobRegistry } from '../jobs';
import type { Workspace } from '../workspace';
import { generateReport, type ReportFile } from './generate';
import { closeMonth, closeStatus, listCloses, MonthCloseError, reopenMonth } from './month-close';

/** Finished files kept for download (a few megabytes at most each); the oldest goes first. */
const KEEP_FILES = 12;

export function reportsHandlers(ws: Workspace, jobs: JobRegistry): HandlersFor<ReportsMethod> {
  const files = new Map<string, ReportFile>();
  const keep = (jobId: string, file: ReportFile) => {
    files.set(jobId, file);
    for (const old of [...files.keys()].slice(0, Math.max(0, files.size - KEEP_FILES))) files.delete(old);
  };
  const refuse = (err: unknown): never => {
    if (err instanceof MonthCloseError) throw new ApiError('conflict', err.message);
    throw err;
  };
  return {
    'reports.generate': ({ spec, format }) => {
      // The job runs from the next turn (jobs.ts), by when its id is known here.
      let jobId = '';
      jobId = jobs.start('report', async (ctx) => {
        // Kept before the job reads "done", so a client that sees done can fetch the file.
        keep(jobId, await generateReport(ws, spec, format, ctx).catch(refuse));
        return null;
      }).id;
      return { jobId };
    },
    'reports.file': ({ jobId }) => {
      const file = files.get(jobId);
      if (!file) throw notFound(`report ${jobId} (not finished, failed, or no longer kept)`);
      return {
        fileName: file.fileName,
        mime: file.mime,
        base64: file.bytes.toString('base64'),
        close: file.close,
      };
    },
    'reports.closeStatus': ({ month }) => closeStatus(ws, month),
    'reports.closeMonth': ({ month }) => ws.writes.run(() => closeMonth(ws, month, now()).catch(refuse)),
    'reports.reopenMonth': ({ month }) => ws.writes.run(() => reopenMonth(ws, month)),
    'reports.closedMonths': () => listCloses(ws.kysely),
  };
}
