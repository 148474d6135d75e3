/**
 * Finding a call's recording file in the recordings folder, three ways in order:
 * 1. the stored reference (`recording_ref`, a path relative to the folder);
 * 2. the workspace's file-name patterns (patterns.ts) filled with the call's id, agent, number
 *    and local time;
 * 3. the index of the folder's file names (index-files.ts): the reference's or a pattern's file
 *    name wherever it lies under the folder (dialers file recordings in day/agent folders).
 * Whatever the way, the file is confirmed by `resolveRecordingRef`: inside the real folder, a
 * regular file. The renderer only ever names a call id.
 *
 * The lookups are synchronous (the recordings route answers from them) and bounded: a folder is
 * listed at most once per finder and only its first MAX_LISTED names are read.
 */
import { kyselyFor } from '../db/connection';
import fs from 'node:fs';
import path from 'node:path';
import { localTimeOfDay, localParts } from '../../src-shared/time';
import { recordingsFolder, resolveRecordingRef, type RecordingSource } from '../audits/recordings';
import type { RecordingsFolder } from '../../src-shared/api';
import type { Workspace } from '../workspace';
import type { Sqlite } from '../db/connection';
import { loadSettings } from '../settings';
import { expandPattern, nameGlob, nameMatcher, splitPath, type CallNaming } from './patterns';
import { indexStatus, recordingPatterns } from './settings';

const MAX_LISTED = 20_000;

export type RecordingProblem = 'no_call' | 'no_folder' | 'not_found' | 'refused';

export type FoundRecording =
  | {
      ok: true;
      file: string;
      size: number;
      contentType: string;
      via: 'reference' | 'pattern' | 'index';
      relative: string;
    }
  | { ok: false; problem: RecordingProblem; message: string; lookedFor?: string };

interface CallForRecording {
  id: number;
  source_key: string;
  started_at: number;
  recording_ref: string | null;
  phone_last4: string | null;
  phone_full: string | null;
  code: string;
}

/** The dialer's own call id inside `source_key` (`<preset>:<id>`); hashed keys (`h:`) have none. */
export function callIdOf(sourceKey: string): string | null {
  if (sourceKey.startsWith('h:')) return null;
  const colon = sourceKey.indexOf(':');
  return colon < 0 ? sourceKey : sourceKey.slice(colon + 1);
}

const CALL_SQL = `SELECT c.id, c.source_key, c.started_at, c.recording_ref, c.phone_last4, c.phone_full, a.code
  FROM calls c JOIN agents a ON a.id = c.agent_id`;

export class RecordingFinder {
  readonly folder: string;
  readonly folderExists: boolean;
  private readonly patterns: readonly string[];
  private readonly timeZone: string;
  /** the index is of this folder (an index of a folder chosen before is not used) */
  private readonly useIndex: boolean;
  private readonly listings = new Map<string, string[]>();
  private readonly byName: ReturnType<Sqlite['prepare']>;
  private readonly byGlob: ReturnType<Sqlite['prepare']>;

  /** A finder for the workspace's recordings (reads its settings first). */
  static async open(db: Sqlite, workspaceFile: string): Promise<RecordingFinder> {
    const kysely = kyselyFor(db);
    const folder = await recordingsFolder(kysely, workspaceFile);
    return new RecordingFinder(db, folder, (await loadSettings(kysely)).timeZone);
  }

  private constructor(
    private readonly db: Sqlite,
    { folder, exists }: RecordingsFolder,
    timeZone: string,
  ) {
    this.folder = folder;
    this.folderExists = exists;
    this.patterns = recordingPatterns(db);
    this.timeZone = timeZone;
    this.useIndex = indexStatus(db)?.folder === folder;
    this.byName = db.prepare('SELECT path FROM recording_files WHERE name = ? ORDER BY path LIMIT 1').pluck();
    this.byGlob = db
      .prepare('SELECT path FROM recording_files WHERE name GLOB ? ORDER BY path LIMIT 1')
      .pluck();
  }

  /** The recording of a call id, or why there is none. */
  findById(callId: number): FoundRecording {
    const row = this.db.prepare(`${CALL_SQL} WHERE c.id = ?`).get(callId) as CallForRecording | undefined;
    if (!row) return { ok: false, problem: 'no_call', message: `call ${callId} not found` };
    return this.find(row);
  }

  /** The ids among `callIds` whose recording is found (for lists: at most a page of ids). */
  present(callIds: readonly number[]): Set<number> {
    const found = new Set<number>();
    if (!this.folderExists || callIds.length === 0) return found;
    const rows = this.db
      .prepare(`${CALL_SQL} WHERE c.id IN (${callIds.map(() => '?').join(', ')})`)
      .all(...callIds) as CallForRecording[];
    for (const row of rows) if (this.find(row).ok) found.add(row.id);
    return found;
  }

  private find(call: CallForRecording): FoundRecording {
    if (!this.folderExists)
      return {
        ok: false,
        problem: 'no_folder',
        message: `the recordings folder does not exist: ${this.folder}`,
      };
    // A closure's assignment is invisible to narrowing: keep the refusal in an object.
    const refusal: { message: string | null } = { message: null };
    const confirm = (relative: string, via: 'reference' | 'pattern' | 'index'): FoundRecording | null => {
      const r = resolveRecordingRef(this.folder, relative);
      if (r.ok) return { ...r, via, relative };
      if (r.status === 403) refusal.message = r.message;
      return null;
    };
    const ref = call.recording_ref?.trim() ? call.recording_ref.trim().replace(/\\/g, '/') : null;
    const fromRef = ref ? confirm(ref, 'reference') : null;
    if (fromRef) return fromRef;

    const naming = this.naming(call);
    const expanded = this.patterns.map((p) => expandPattern(p, naming)).filter((e) => e !== null);
    for (const e of expanded) {
      const found = this.byPattern(e, confirm);
      if (found) return found;
    }
    // The index: the same names anywhere under the folder.
    const names = !this.useIndex
      ? []
      : [
          ...(ref ? [{ exact: ref.split('/').pop()! }] : []),
          ...expanded.map((e) => ({ glob: splitPath(e).name })),
        ];
    for (const n of names) {
      const hit = 'exact' in n ? this.byName.get(n.exact) : this.byGlob.get(nameGlob(n.glob));
      if (typeof hit === 'string') {
        const found = confirm(hit, 'index');
        if (found) return found;
      }
    }
    if (refusal.message !== null) return { ok: false, problem: 'refused', message: refusal.message };
    // The path the reference names, so the user can see where the file was expected.
    const lookedFor = ref ? path.resolve(this.folder, ...ref.split('/')) : undefined;
    return {
      ok: false,
      problem: 'not_found',
      message: lookedFor
        ? `recording not found: looked for ${lookedFor}`
        : `no recording of call ${call.id} in ${this.folder}: no reference, and no file by name pattern or index`,
      lookedFor,
    };
  }

  private naming(call: CallForRecording): CallNaming {
    return {
      callId: callIdOf(call.source_key),
      day: localParts(call.started_at, this.timeZone).day,
      time: localTimeOfDay(call.started_at, this.timeZone),
      agent: call.code,
      phoneLast4: call.phone_last4,
      phone: call.phone_full,
    };
  }

  private byPattern(
    expanded: string,
    confirm: (relative: string, via: 'pattern') => FoundRecording | null,
  ): FoundRecording | null {
    const { folder, name } = splitPath(expanded);
    if (!name.includes('*')) return confirm(expanded, 'pattern');
    const matcher = nameMatcher(name);
    const hit = this.list(folder).find((entry) => matcher.test(entry));
    return hit === undefined ? null : confirm(folder === '' ? hit : `${folder}/${hit}`, 'pattern');
  }

  /** The sorted names in a folder under the recordings folder (at most MAX_LISTED; [] when absent or outside). */
  private list(relativeFolder: string): string[] {
    let names = this.listings.get(relativeFolder);
    if (names) return names;
    names = [];
    const dir = path.resolve(this.folder, ...relativeFolder.split('/').filter(Boolean));
    if (dir === this.folder || dir.startsWith(this.folder + path.sep)) {
      try {
        const handle = fs.opendirSync(dir);
        try {
          for (let entry = handle.readSync(); entry && names.length < MAX_LISTED; entry = handle.readSync())
            if (!entry.isDirectory()) names.push(entry.name);
        } finally {
          handle.closeSync();
        }
      } catch {
        // a folder that is not there holds no recordings
      }
      names.sort();
    }
    this.listings.set(relativeFolder, names);
    return names;
  }
}

/**
 * A workspace's recordings for the route both doors serve (`/recordings/<call id>`): looked up in
 * its current folder, by reference, pattern or index, on every request.
 */
export function recordingSource(ws: Pick<Workspace, 'db' | 'path'>): RecordingSource {
  return async (callIdText) => {
    if (!/^[1-9]\d{0,15}$/.test(callIdText))
      return { ok: false, status: 400, message: 'a recording is asked for by call id' };
    const found = (await RecordingFinder.open(ws.db, ws.path)).findById(Number(callIdText));
    if (found.ok) return { ok: true, file: found.file, size: found.size, contentType: found.contentType };
    return { ok: false, status: found.problem === 'refused' ? 403 : 404, message: found.message };
  };
}

/** The ids among `callIds` whose recording file is found (for lists: at most a page of ids). */
export async function recordingsPresent(
  ws: Pick<Workspace, 'db' | 'path'>,
  callIds: readonly number[],
): Promise<Set<number>> {
  return (await RecordingFinder.open(ws.db, ws.path)).present(callIds);
}
