/** The host's bounded operations (contract-host.ts): undoing a batch as a job. */
import type { HostMethod } from '../../src-shared/api';
import type { HandlersFor } from '../dispatch';
import { undoBatchInChunks } from '../import/batches';
import type { JobRegistry } from '../jobs';
import type { Workspace } from '../workspace';

export function hostHandlers(ws: Workspace, jobs: JobRegistry): HandlersFor<HostMethod> {
  return {
    'import.undoStart': ({ batchId }) => ({
      jobId: jobs.start('undo', (ctx) => undoBatchInChunks(ws, batchId, ctx)).id,
    }),
  };
}
