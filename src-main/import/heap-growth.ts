/**
 * While an import runs, V8 lets a heap grow only 1.5x past what it keeps alive before it collects,
 * in every thread of the process (its own heuristics allow up to 4x on a machine with 16 GB or
 * more). The inserting thread keeps ~25-30 MB alive, but what it promotes while calls wait for
 * their move is garbage a moment later: with 4x its heap reached 115-150 MB in 1M-row imports of a
 * generic export, with 1.5x it stays ~75 MB, for more but small collections (a few milliseconds
 * each).
 *
 * V8 sizes the next collection from the last one, so the import starts with one (tens of ms; it
 * also returns the start's slack, ~30 MB): else its first cycle would still grow to 4x. The flag is the process's (Node and Electron leave V8's flags writable after start, and V8 reads
 * this one at every collection); it is set back when the last import ends.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const IMPORT_HEAP_GROWING_PERCENT = 50;

let imports = 0;

export async function withBoundedHeapGrowth<T>(run: () => Promise<T>): Promise<T> {
  if (imports++ === 0) {
    setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
    fullCollection();
  }
  try {
    return await run();
  } finally {
    // 0 is V8's default: its own heuristics again.
    if (--imports === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}

let gc: (() => void) | null = null;

/** V8's full collection, through the `gc` it gives a context made while `--expose-gc` is set. */
function fullCollection(): void {
  if (gc === null) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  }
  gc();
}
