import type { Job } from '../src-shared/api';
import { translate } from '../src-shared/i18n';
import type { Say } from '../src-shared/i18n/message-code';

const english: Say = (key, params) => translate('en', key, params);

/** One line of a job's progress for a terminal: percent, rows, rows/s and the time left. */
export function progressText(label: string, job: Job, now: number, say: Say = english): string {
  const pct = job.total ? ` ${Math.floor((100 * job.done) / job.total)}%` : '';
  const seconds = (now - job.startedAt) / 1000;
  const rate =
    seconds > 0
      ? ` ${say('cli.progress.rate', { n: Math.round(job.rows / seconds).toLocaleString('en') })}`
      : '';
  // Bytes read so far predict the rest of the file better than rows (whose total is unknown).
  const eta =
    job.total && job.done > 0 && job.done < job.total
      ? say('cli.progress.left', { n: Math.ceil((seconds * (job.total - job.done)) / job.done) })
      : '';
  const rows = say('cli.progress.rows', { n: job.rows.toLocaleString('en') });
  return say('cli.progress', { label, progress: `${pct} ${rows}${rate}${eta}`.trimStart() });
}
