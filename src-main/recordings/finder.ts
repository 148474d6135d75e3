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
 * The lookups are bounded: a folder is listed at most once per finder and only its first MAX_LISTED
 * names are read; an index lookup reads at most MAX_INDEX_CANDIDATES rows.
 */
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import path from 'node:path';
import { localTimeOfDay, localParts } from '../../src-shared/time';
import { recordingsFolder, resolveRecordingRef, type RecordingSource } from '../audits/recordings';
import type { Workspace } from '../workspace';
import type { Database } from '../db/schema';
import { loadSettings } from '../settings';
import { expandPattern, nameLike, nameMatcher, splitPath, type CallNaming } from './patterns';
import { indexStatus, recordingPatterns } from './settings';

const MAX_LISTED = 20_000;
/** index rows a wildcard name reads (LIKE is case-blind on SQLite: the case is checked here) */
const MAX_INDEX_CANDIDATES = 200;

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

/** The dialer's own call id inside `source_key` (`<preset>:<id>`); hashed keys (`h:`) have none. */
export function callIdOf(sourceKey: string): string | null {
  if (sourceKey.startsWith('h:')) return null;
  const colon = sourceKey.indexOf(':');
  return colon < 0 ? sourceKey : sourceKey.slice(colon + 1);
}

function callsForRecording(db: Kysely<Database>) {
  return db
    .selectFrom('calls as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .select([
      'c.id',
      'c.source_key',
      'c.started_at',
      'c.recording_ref',
      'c.phone_last4',
      'c.phone_full',
      'a.code',
    ]);
}

type CallForRecording = Awaited<ReturnType<ReturnType<typeof callsForRecording>['executeTakeFirstOrThrow']>>;

export class RecordingFinder {
  readonly folder: string;
  readonly folderExists: boolean;
  private readonly patterns: readonly string[];
  private readonly timeZone: string;
  /** the index is of this folder (an index of a folder chosen before is not used) */
  private readonly useIndex: boolean;
  private readonly listings = new Map<string, string[]>();

  /** A finder for the workspace's recordings (reads its settings first). */
  static async open(db: Kysely<Database>, workspaceFile: string): Promise<RecordingFinder> {
    const [settings, { folder, exists }, patterns, index] = await Promise.all([
      loadSettings(db),
      recordingsFolder(db, workspaceFile),
      recordingPatterns(db),
      indexStatus(db),
    ]);
    return new RecordingFinder(db, folder, exists, patterns, settings.timeZone, index?.folder === folder);
  }

  private constructor(
    private readonly db: Kysely<Database>,
    folder: string,
    folderExists: boolean,
    patterns: readonly string[],
    timeZone: string,
    useIndex: boolean,
  ) {
    this.folder = folder;
    this.folderExists = folderExists;
    this.patterns = patterns;
    this.timeZone = timeZone;
    this.useIndex = useIndex;
  }

  /** The recording of a call id, or why there is none. */
  async findById(callId: number): Promise<FoundRecording> {
    const row = await callsForRecording(this.db).where('c.id', '=', callId).executeTakeFirst();
    if (!row) return { ok: false, problem: 'no_call', message: `call ${callId} not found` };
    return this.find(row);
  }

  /** The ids among `callIds` whose recording is found (for lists: at most a page of ids). */
  async present(callIds: readonly number[]): Promise<Set<number>> {
    const found = new Set<number>();
    if (!this.folderExists || callIds.length === 0) return found;
    const rows = await callsForRecording(this.db)
      .where('c.id', 'in', [...callIds])
      .execute();
    for (const row of rows) if ((await this.find(row)).ok) found.add(row.id);
    return found;
  }

  /** The first indexed file (by path) named exactly `name`. */
  private async indexedByName(name: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('recording_files')
      .select('path')
      .where('name', '=', name)
      .orderBy('path')
      .limit(1)
      .executeTakeFirst();
    return row?.path;
  }

  /**
   * The first indexed file (by path) whose name matches a `*` pattern. GLOB is SQLite's alone: a
   * LIKE with escapes (patterns.ts nameLike) narrows the rows on either engine, and the
   * case-sensitive matcher decides here, among at most MAX_INDEX_CANDIDATES of them.
   */
  private async indexedByPattern(name: string): Promise<string | undefined> {
    const matcher = nameMatcher(name);
    const rows = await this.db
      .selectFrom('recording_files')
      .select(['path', 'name'])
      .where(sql<boolean>`name LIKE ${nameLike(name)} ESCAPE '\\'`)
      .orderBy('path')
      .limit(MAX_INDEX_CANDIDATES)
      .execute();
    return rows.find((r) => matcher.test(r.name))?.path;
  }

  private async find(call: CallForRecording): Promise<FoundRecording> {
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
          ...expanded.map((e) => ({ pattern: splitPath(e).name })),
        ];
    for (const n of names) {
      const hit = 'exact' in n ? await this.indexedByName(n.exact) : await this.indexedByPattern(n.pattern);
      if (hit !== undefined) {
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
export function recordingSource(ws: Pick<Workspace, 'kysely' | 'path'>): RecordingSource {
  return async (callIdText) => {
    if (!/^[1-9]\d{0,15}$/.test(callIdText))
      return { ok: false, status: 400, message: 'a recording is asked for by call id' };
    const found = await (await RecordingFinder.open(ws.kysely, ws.path)).findById(Number(callIdText));
    if (found.ok) return { ok: true, file: found.file, size: found.size, contentType: found.contentType };
    return { ok: false, status: found.problem === 'refused' ? 403 : 404, message: found.message };
  };
}

/** The ids among `callIds` whose recording file is found (for lists: at most a page of ids). */
export async function recordingsPresent(
  ws: Pick<Workspace, 'kysely' | 'path'>,
  callIds: readonly number[],
): Promise<Set<number>> {
  return (await RecordingFinder.open(ws.kysely, ws.path)).present(callIds);
}
