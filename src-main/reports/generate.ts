/**
 * Producing a report file: the numbers (live, or a closed month's snapshot), the model, then the
 * one writer the format asks for. Progress goes to the job: sections, then the rendering.
 */
import {
  periodRange,
  reportFileName,
  type Report,
  type ReportFormat,
  type ReportSpec,
} from '../../src-shared/reports-model';
import { throwIfCancelled, type JobContext } from '../jobs';
import { now as clockNow } from '../clock';
import { localParts } from '../../src-shared/time';
import type { Workspace } from '../workspace';
import { buildReport } from './build';
import { writeCsvZip } from './csv';
import { scopeFilter } from './data';
import { liveCalls } from './call-numbers';
import { closeStatus, frozenSources, loadSnapshot, snapshotCalls } from './month-close';
import { reportHtml } from './pdf-html';
import { renderPdf } from './pdf-render';
import { monthOfRange } from './section-targets';
import { frozenReader, liveReader } from './sources';
import { writeXlsx } from './xlsx';
import { workingDaysFor } from '../targets/store';

export interface ReportFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
  /** the numbers came from a month close, and whether the live data moved since */
  close: Report['close'];
}

const MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'application/zip',
  pdf: 'application/pdf',
};

/** The report model of a spec: a closed month is read from its snapshot, anything else live. */
export async function reportFor(
  ws: Workspace,
  spec: ReportSpec,
  now: number,
  onSection?: (done: number, total: number) => void,
): Promise<Report> {
  const settings = await ws.settings();
  const range = periodRange(spec.period);
  const options = {
    currency: settings.currency,
    timeZone: settings.timeZone,
    now,
    onSection,
    calendar: await workingDaysFor(ws.kysely, scopeFilter(range, spec.scope)),
  };
  const today = localParts(now, settings.timeZone).day;
  const live = liveReader({ ws, filter: scopeFilter(range, spec.scope), month: monthOfRange(range), today });
  const closed = spec.period.kind === 'month' ? await loadSnapshot(ws.kysely, spec.period.month) : null;
  if (!closed)
    return buildReport(liveCalls(ws.kysely), spec, { ...options, close: null, input: live, today });
  const status = await closeStatus(ws, closed.snapshot.month);
  // A version-1 close froze the call numbers only: its other sections read live (and say so).
  const frozen = frozenSources(closed.snapshot);
  return buildReport(snapshotCalls(closed.snapshot), spec, {
    ...options,
    input: frozen ? frozenReader(frozen.sources, spec.scope) : live,
    today: frozen ? frozen.closedOn : today,
    close: {
      closedAt: closed.closedAt,
      checksum: closed.checksum,
      changedSince: status.changedSince,
      changedSections: status.changedSections,
      callsOnly: status.callsOnly,
    },
  });
}

const STEPS = 6;

export async function generateReport(
  ws: Workspace,
  spec: ReportSpec,
  format: ReportFormat,
  ctx: Pick<JobContext, 'progress' | 'signal'>,
  now = clockNow(),
): Promise<ReportFile> {
  ctx.progress(0, STEPS, 0, 'numbers');
  const report = await reportFor(ws, spec, now, (done) => ctx.progress(done, STEPS, 0, 'tables'));
  throwIfCancelled(ctx.signal);
  ctx.progress(STEPS - 1, STEPS, 0, format);
  let bytes: Buffer;
  if (format === 'xlsx') bytes = await writeXlsx(report);
  else if (format === 'csv') bytes = writeCsvZip(report);
  else bytes = await renderPdf(reportHtml(report), ctx.signal);
  throwIfCancelled(ctx.signal);
  ctx.progress(STEPS, STEPS, 0, 'done');
  return { fileName: reportFileName(spec, format), mime: MIME[format], bytes, close: report.close };
}
