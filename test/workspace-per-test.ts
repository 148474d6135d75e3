/**
 * A test file's workspace, one per test: opened when the test asks for it, closed after the test.
 * (Vitest only: test/helpers.ts is shared with the Playwright specs and stays free of vitest.)
 */
import { afterEach } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from './helpers';

export function workspacePerTest(
  settings: Record<string, unknown> = { timeZone: 'Asia/Shanghai' },
): () => Promise<TestWorkspace> {
  let open: TestWorkspace | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });
  return async () => (open = await openTestWorkspace(settings));
}
