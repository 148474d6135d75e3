import type { Job } from '../src-shared/api';

/** One line of a job's progress for a terminal: percent, rows, rows/s and the time left. */
export function progressText(label: string, job: Job, now: number): string {
  const pct = job.total ? ` ${Math.floor((100 * job.done) / job.total)}%` : '';
  const seconds = (now - job.startedAt) / 1000;
  const rate = seconds > 0 ? ` ${Math.round(job.rows / seconds).toLocaleString('en')} rows/s` : '';
  // Bytes read so far predict the rest of the file better than rows (whose total is unknown).
  const eta =
    job.total && job.done > 0 && job.done < job.total
      ? `, about ${Math.ceil((seconds * (job.total - job.done)) / job.done)} s left`
      : '';
  return `${label}:${pct} ${job.rows.toLocaleString('en')} rows${rate}${eta}`;
}
