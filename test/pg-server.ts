/**
 * The PostgreSQL server the tests use, a fresh database per test file (test/pg-admin.ts creates
 * and drops them).
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './pg-admin';

export { adminUrl, createTestDatabase, type TestDatabase } from './pg-admin';

/**
 * A fresh database for the calling test file: created before its tests, dropped after. Read
 * `.url` inside tests or hooks (it is set once the file's beforeAll ran).
 */
export function useTestDatabase(): { readonly url: string; readonly name: string } {
  let db: TestDatabase | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  const current = (): TestDatabase => {
    if (!db) throw new Error('the test database exists only inside tests and hooks');
    return db;
  };
  return {
    get url() {
      return current().url;
    },
    get name() {
      return current().name;
    },
  };
}
