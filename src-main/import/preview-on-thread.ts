/**
 * A preview on the import worker's thread (produce-worker.ts loads this on its first preview
 * message; see preview-in-worker.ts for the budgets): the workspace opened read-only over a
 * connection of the thread's own, the answer bounded and posted back.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { ApiError } from '../errors';
import { openReadOnlyKysely } from '../db/connection';
import type { Database } from '../db/schema';
import { openPostgres } from '../db/postgres';
import { isTeamWorkspaceUrl } from '../workspace-target';
import { previewImport } from './preview';
import { boundPreview, type PreviewFromWorker, type PreviewRequest } from './preview-in-worker';

/** Answers one preview request on `port`. */
export async function previewOnThread(port: MessagePort, id: number, request: PreviewRequest): Promise<void> {
  const { dbFile, file, displayName, choices, timeZone } = request;
  let answer: PreviewFromWorker;
  // A team workspace is read over a connection of this thread's own (the password, if the URL
  // carried one, came with it; else PGPASSWORD or pgpass, as for the app).
  let db: Kysely<Database>;
  try {
    db = isTeamWorkspaceUrl(dbFile) ? await openPostgres(dbFile, { max: 1 }) : openReadOnlyKysely(dbFile);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    port.postMessage({ type: 'preview-error', id, code: 'unavailable', message } satisfies PreviewFromWorker);
    return;
  }
  try {
    const result = await previewImport(db, file, displayName, choices, timeZone);
    answer = { type: 'preview', id, preview: boundPreview(result) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    answer =
      err instanceof ApiError
        ? {
            type: 'preview-error',
            id,
            code: err.code,
            message,
            ...(err.messageCode && { messageCode: err.messageCode }),
          }
        : { type: 'preview-error', id, code: 'internal', message };
  } finally {
    await db.destroy();
  }
  port.postMessage(answer);
}
