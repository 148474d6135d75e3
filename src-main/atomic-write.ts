/**
 * Writes a file so that a reader (or a crash) sees either the old file or the whole new one: the
 * bytes go to a temporary name beside it, are flushed, and the name is swapped in one rename.
 */
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  const fd = fs.openSync(partial, 'w');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}
