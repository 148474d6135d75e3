/** The recordings feature's handlers (contract-recordings.ts). */
import fs from 'node:fs';
import type { Output, RecordingsMethod } from '../../src-shared/api';
import { recordingsFolder, TEAM_RECORDINGS_ABSOLUTE } from '../audits/recordings';
import type { HandlersFor } from '../dispatch';
import { ApiError } from '../errors';
import type { JobRegistry } from '../jobs';
import type { Workspace } from '../workspace';
import { RecordingFinder } from './finder';
import { buildRecordingIndex } from './index-files';
import { DEFAULT_PATTERNS } from './patterns';
import { indexStatus, recordingPatterns, setRecordingPatterns } from './settings';

async function setup(ws: Workspace): Promise<Output<'recordings.setup'>> {
  const [folder, index, patterns] = await Promise.all([
    recordingsFolder(ws.kysely, ws.path),
    indexStatus(ws.kysely),
    recordingPatterns(ws.kysely),
  ]);
  return {
    folder,
    patterns: [...patterns],
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
        await setRecordingPatterns(ws.kysely, patterns);
        return setup(ws);
      }),
    'recordings.createFolder': async () => {
      const { folder } = await recordingsFolder(ws.kysely, ws.path);
      if (folder === '') throw new ApiError('conflict', TEAM_RECORDINGS_ABSOLUTE); // a team workspace's, not chosen yet
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
      const found = await (await RecordingFinder.open(ws.kysely, ws.path)).findById(callId);
      return found.ok
        ? { found: true, via: found.via, file: found.relative, problem: null, lookedFor: null }
        : { found: false, via: null, file: null, problem: found.problem, lookedFor: found.lookedFor ?? null };
    },
  };
}
