/**
 * The sentence a write waiting in line for another process's write says ("waiting for the import
 * of calls.csv to finish"), written by the host (job notes, the CLI) and read back by the UI,
 * which says it in the user's language.
 */
const IMPORT_LABEL = /^the import of (.+)$/;
const WAITING = /^waiting for (.+) to finish$/;

export function importLabel(fileName: string): string {
  return `the import of ${fileName}`;
}

export function waitingMessage(label: string): string {
  return `waiting for ${label} to finish`;
}

/** What a job note says it waits for: an import (with its file), another write, or nothing. */
export function readWaiting(note: string): { kind: 'import'; file: string } | { kind: 'write' } | null {
  const waiting = WAITING.exec(note);
  if (!waiting) return null;
  const file = IMPORT_LABEL.exec(waiting[1]!)?.[1];
  return file === undefined ? { kind: 'write' } : { kind: 'import', file };
}
