/**
 * One queue for every write to a workspace, so two writes never interleave (Actual's "mutator").
 * An import holds it for its whole transaction on its own connection; a settings change that
 * arrives meanwhile waits for it instead of blocking the thread on SQLITE_BUSY.
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  get busy(): boolean {
    return this.holders > 0;
  }

  async run<T>(work: () => Promise<T> | T): Promise<T> {
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
