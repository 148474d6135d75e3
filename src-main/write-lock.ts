/**
 * One queue for every write to a workspace, so two writes never interleave (Actual's "mutator").
 * An import holds it for its whole transaction on its own connection; a settings change that
 * arrives meanwhile waits for it instead of blocking the thread on SQLITE_BUSY.
 */
import { ApiError } from './errors';

export class WriteLock {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  /** `refusal`: the workspace takes no writes (opened read-only); every write fails with it. */
  constructor(private readonly refusal?: string) {}

  get busy(): boolean {
    return this.holders > 0;
  }

  /** Resolves when every write queued so far has finished (closing waits for this). */
  async idle(): Promise<void> {
    await this.tail;
  }

  async run<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.refusal !== undefined) throw new ApiError('conflict', this.refusal);
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.holders++;
    try {
      return await work();
    } finally {
      this.holders--;
      release();
    }
  }
}
