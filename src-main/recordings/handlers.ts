/** The recordings feature's handlers (contract-recordings.ts). */
import fs from 'node:fs';
import type { Output, RecordingsMethod } from '../../src-shared/api';
import { recordingsFolder } from '../audits/recordings';
import type { HandlersFor } from '../dispatch';
import { ApiError } from '../errors';
import type { JobRegistry } from '../jobs';
import type { Workspace } from '../workspace';
import { RecordingFinder } from './finder';
import { buildRecordingIndex } from './index-files';
import { DEFAULT_PATTERNS } from './patterns';
import { indexStatus, recordingPatterns, setRecordingPatterns } from './settings';

async function setup(ws: Workspace): Promise<Output<'recordings.setup'>> {
  const folder = await recordingsFolder(ws.kysely, ws.path);
  const index = indexStatus(ws.db);
  return {
    folder,
    patterns: [...recordingPatterns(ws.db)],
    defaultPatterns: [...DEFAULT_PATTERNS],
    index:
      index && index.folder === folder.folder
        ? { files: index.files, builtAt: index.builtAt, truncated: index.truncated }
        : null,
  };
}

export function recordingsHandlers(ws: Workspace, jobs: JobRegistry): HandlersFor<RecordingsMethod> {
  return {
    'recordings.setup': () => setup(ws),
    'recordings.setPatterns': ({ patterns }) =>
      ws.writes.run(async () => {
        setRecordingPatterns(ws.db, patterns);
        return setup(ws);
      }),
    'recordings.createFolder': async () => {
      const { folder } = await recordingsFolder(ws.kysely, ws.path);
      try {
        fs.mkdirSync(folder, { recursive: true });
      } catch (err) {
        throw new ApiError(
          'conflict',
          `cannot create the recordings folder ${folder}: ${(err as Error).message}`,
        );
      }
      return setup(ws);
    },
    'recordings.buildIndex': () => {
      const job = jobs.start('recordings-index', async (ctx) => {
        await buildRecordingIndex(ws, ctx);
        return null;
      });
      return { jobId: job.id };
    },
    'recordings.find': async ({ callId }) => {
      const found = (await RecordingFinder.open(ws.db, ws.path)).findById(callId);
      return found.ok
        ? { found: true, via: found.via, file: found.relative, problem: null, lookedFor: null }
        : { found: false, via: null, file: null, problem: found.problem, lookedFor: found.lookedFor ?? null };
    },
  };
}
