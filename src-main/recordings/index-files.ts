/**
 * The index of the recordings folder: every file name under it (a dialer files recordings in
 * day and agent folders the patterns cannot guess), walked in the background as a job and stored
 * in `recording_files` in one transaction. Bounded: at most MAX_FILES files and MAX_DEPTH levels of
 * folders; symlinked folders are not followed (a link could loop or lead out of the folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { recordingsFolder } from '../audits/recordings';
import { ApiError } from '../errors';
import { throwIfCancelled, type JobContext } from '../jobs';
import type { Workspace } from '../workspace';
import { writeIndexStatus, type IndexStatus } from './settings';
import { now as clockNow } from '../clock';

export const INDEX_LIMITS = { maxFiles: 200_000, maxDepth: 6 };
const BATCH = 2_000;

interface Walked {
  files: { path: string; name: string; size: number }[];
  truncated: boolean;
}

/** Lists the files under `root`, breadth first, within the bounds (yields between folders). */
async function walk(root: string, limits: typeof INDEX_LIMITS, ctx: JobContext): Promise<Walked> {
  const files: Walked['files'] = [];
  let truncated = false;
  const queue: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  while (queue.length > 0) {
    const { rel, depth } = queue.shift()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue; // unreadable folder: skipped, not fatal
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (depth + 1 <= limits.maxDepth) queue.push({ rel: child, depth: depth + 1 });
        else truncated = true;
      } else if (entry.isFile()) {
        if (files.length >= limits.maxFiles) {
          truncated = true;
          return { files, truncated };
        }
        const size = (await fs.promises.stat(path.join(root, child)).catch(() => null))?.size ?? 0;
        files.push({ path: child, name: entry.name, size });
      }
    }
    ctx.progress(files.length, null, files.length);
    throwIfCancelled(ctx.signal);
  }
  return { files, truncated };
}

export async function buildRecordingIndex(
  ws: Workspace,
  ctx: JobContext,
  limits: typeof INDEX_LIMITS = INDEX_LIMITS,
): Promise<IndexStatus> {
  const { folder, exists } = await recordingsFolder(ws.kysely, ws.path);
  if (!exists) throw new ApiError('not_found', `the recordings folder does not exist: ${folder}`);
  const walked = await walk(folder, limits, ctx);
  const status: IndexStatus = {
    folder,
    files: walked.files.length,
    builtAt: clockNow(),
    truncated: walked.truncated,
  };
  await ws.writes.run(() => {
    const db = ws.openJobConnection();
    try {
      db.transaction(() => {
        db.prepare('DELETE FROM recording_files').run();
        const insert = db.prepare('INSERT INTO recording_files (path, name, size) VALUES (?, ?, ?)');
        for (let i = 0; i < walked.files.length; i++) {
          const f = walked.files[i]!;
          insert.run(f.path, f.name, f.size);
          if (i % BATCH === 0) throwIfCancelled(ctx.signal);
        }
        writeIndexStatus(db, status);
      })();
    } finally {
      db.close();
    }
  });
  ctx.progress(status.files, status.files, status.files);
  return status;
}
