/**
 * Vitest global setup for the PostgreSQL pass (CALLSCOPE_TEST_ENGINE=postgres): one database
 * migrated and emptied before the test files start, which each file's own database is copied
 * from (CREATE DATABASE … TEMPLATE), dropped after the run. Other runs make none.
 */
import { createTestDatabase, TEMPLATE_ENV, wipe } from './pg-admin';
import { openWorkspace } from '../src-main/workspace';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.CALLSCOPE_TEST_ENGINE !== 'postgres') return undefined;
  const template = await createTestDatabase('callscope_template');
  const ws = await openWorkspace(template.url); // migrates it
  await ws.close();
  await wipe(template.url); // no settings: each copy writes its own salt on open
  process.env[TEMPLATE_ENV] = template.name;
  return async () => {
    delete process.env[TEMPLATE_ENV];
    await template.drop();
  };
}
