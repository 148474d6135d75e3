/**
 * Vitest setup for every test file: drops the PostgreSQL databases the file's tests used
 * (test/pg-admin.ts fileTestDatabase shares one among a file's tests). Loads the pg driver only
 * if the file made one.
 */
import { afterAll } from 'vitest';

afterAll(async () => {
  if (!(globalThis as Record<symbol, unknown>)[Symbol.for('callscope.test.fileDatabases')]) return;
  await (await import('./pg-admin')).dropFileDatabases();
});
