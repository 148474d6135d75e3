/**
 * The one place the activity log is written: after every successful call of a method that changes
 * the workspace (src-shared/api/method-kinds.ts), a small write of its own records who did what.
 * A job-starting method is recorded when its job ends (the change is in by then, so a screen that
 * sees the counter move reads the new data). A failure to record never fails the change itself.
 */
import { contract, type Job, type Method } from '../../src-shared/api';
import { JobStarted } from '../../src-shared/api/method';
import { isLoggedWrite } from '../../src-shared/api/method-kinds';
import type { JobRegistry } from '../jobs';
import type { Workspace } from '../workspace';
import { describeChange } from './describe';
import { appendActivity } from './log';

export class ActivityRecorder {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly ws: Workspace,
    private readonly jobs: JobRegistry,
    private readonly onError?: (err: unknown) => void,
  ) {}

  /** The dispatcher's hook after a successful call (its input and output checked by the contract). */
  async afterSuccess(method: Method, input: unknown, output: unknown): Promise<void> {
    if (!isLoggedWrite(method) || this.ws.readOnly) return;
    if (contract[method].output === JobStarted) {
      this.afterJob(method, JobStarted.parse(output).jobId, input, output);
      return;
    }
    await this.record(method, input, output);
  }

  /** Records a job's change once it ends, in the background (`idle` waits for it). */
  afterJob(method: Method, jobId: string, input: unknown, output: unknown): void {
    const recorded = this.jobs
      .wait(jobId)
      .then((ended) => this.record(method, input, output, ended))
      .catch((err: unknown) => this.onError?.(err))
      .finally(() => this.pending.delete(recorded));
    this.pending.add(recorded);
  }

  /** Resolves once every job's record is written (closing waits for this). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async record(
    method: Method,
    input: unknown,
    output: unknown,
    ended: Job | null = null,
  ): Promise<void> {
    const described = await describeChange(method, input, output, ended, this.ws.kysely);
    await this.ws.writes.run(() => appendActivity(this.ws.kysely, { method, ...described }), {
      label: 'a note of who changed what',
    });
  }
}
