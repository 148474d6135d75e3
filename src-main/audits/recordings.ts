/**
 * Finding a call's recording: the one resolver both doors use (the web host's route and the
 * Electron protocol). The file comes from the call's `recording_ref`, never from a path the
 * renderer sends, and must be — after following symlinks — a file inside the real recordings
 * folder. `../`, absolute references and symlinks pointing out of the folder are refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RecordingsFolder } from '../../src-shared/api';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { readJsonSetting, writeJsonSetting } from '../recordings/settings';
import { ApiError } from '../errors';
import { isTeamWorkspaceUrl } from '../workspace-target';

const SETTING_KEY = 'recordingsFolder';
export const DEFAULT_RECORDINGS_DIR = 'recordings';

/** The stored choice: an absolute folder, one relative to the workspace's folder, or null (default). */
async function storedFolder(db: Kysely<Database> | Transaction<Database>): Promise<string | null> {
  const value = await readJsonSetting(db, SETTING_KEY);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export const TEAM_RECORDINGS_ABSOLUTE =
  'A team workspace is shared by several machines and lies in no folder: choose its recordings folder as an absolute path every machine reaches (a network share such as /mnt/recordings or \\\\server\\recordings).';

/** `workspaceFile`: the workspace file, or a team workspace's URL (no default folder, none relative). */
export async function recordingsFolder(
  db: Kysely<Database> | Transaction<Database>,
  workspaceFile: string,
): Promise<RecordingsFolder> {
  const chosen = await storedFolder(db);
  if (isTeamWorkspaceUrl(workspaceFile)) {
    // '' stands for "none yet": it never exists, so nothing is looked up relative to the process.
    const folder = chosen !== null && path.isAbsolute(chosen) ? path.resolve(chosen) : '';
    return { folder, isDefault: chosen === null, exists: folder !== '' && isDirectory(folder) };
  }
  const folder = path.resolve(path.dirname(workspaceFile), chosen ?? DEFAULT_RECORDINGS_DIR);
  return { folder, isDefault: chosen === null, exists: isDirectory(folder) };
}

export async function setRecordingsFolder(
  db: Kysely<Database> | Transaction<Database>,
  workspaceFile: string,
  folder: string | null,
): Promise<RecordingsFolder> {
  if (isTeamWorkspaceUrl(workspaceFile) && folder !== null && !path.isAbsolute(folder))
    throw new ApiError('bad_input', `${TEAM_RECORDINGS_ABSOLUTE} "${folder}" is relative.`);
  await writeJsonSetting(db, SETTING_KEY, folder ?? undefined);
  return recordingsFolder(db, workspaceFile);
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

export type RecordingLookup =
  | { ok: true; file: string; size: number; contentType: string }
  | { ok: false; status: 400 | 403 | 404; message: string };

const AUDIO_TYPES: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.flac': 'audio/flac',
  '.webm': 'audio/webm',
};

function inside(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * The file a recording reference names inside `folder`, or why not. References are relative
 * (`2026/11/abc.wav`); backslashes count as separators so Windows-style refs resolve the same way.
 */
export function resolveRecordingRef(folder: string, ref: string): RecordingLookup {
  const refused = (message: string): RecordingLookup => ({ ok: false, status: 403, message });
  if (ref.includes('\0')) return refused('the recording reference contains a NUL byte');
  const relative = ref.trim().replace(/\\/g, '/');
  if (relative === '') return { ok: false, status: 404, message: 'this call has no recording reference' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(relative))
    return refused(`the recording reference is a URL (${ref}), not a file in the recordings folder`);
  if (path.posix.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative))
    return refused(
      `the recording reference is an absolute path (${ref}): only files in the recordings folder play`,
    );
  const base = path.resolve(folder);
  const candidate = path.resolve(base, ...relative.split('/'));
  if (!inside(base, candidate))
    return refused(`the recording reference leaves the recordings folder (${ref})`);

  let realBase: string;
  try {
    realBase = fs.realpathSync(base);
  } catch {
    return { ok: false, status: 404, message: `the recordings folder does not exist: ${base}` };
  }
  let realFile: string;
  try {
    realFile = fs.realpathSync(candidate);
  } catch {
    return { ok: false, status: 404, message: `recording not found: looked for ${candidate}` };
  }
  // A symlink inside the folder may point anywhere: what counts is where it really leads.
  if (!inside(realBase, realFile))
    return refused(`the recording leads out of the recordings folder (${ref})`);
  const stat = fs.statSync(realFile);
  if (!stat.isFile())
    return { ok: false, status: 404, message: `recording not found: ${candidate} is not a file` };
  const contentType = AUDIO_TYPES[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream';
  return { ok: true, file: realFile, size: stat.size, contentType };
}

/** The recording of a call id (as the route receives it, unparsed), through its `recording_ref`. */
export async function lookupCallRecording(
  db: Kysely<Database>,
  folder: string,
  callIdText: string,
): Promise<RecordingLookup> {
  if (!/^[1-9]\d{0,15}$/.test(callIdText))
    return { ok: false, status: 400, message: 'a recording is asked for by call id' };
  const row = await db
    .selectFrom('calls')
    .select('recording_ref')
    .where('id', '=', Number(callIdText))
    .executeTakeFirst();
  if (!row) return { ok: false, status: 404, message: `call ${callIdText} not found` };
  if (row.recording_ref === null)
    return { ok: false, status: 404, message: 'this call has no recording reference' };
  return resolveRecordingRef(folder, row.recording_ref);
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * An HTTP `Range: bytes=…` header for a file of `size` bytes: one range (what `<audio>` sends to
 * seek), null for no or an unsupported header (send the whole file), 'unsatisfiable' for a range
 * past the end (416).
 */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match;
  if (first === '' && last === '') return null;
  let start: number;
  let end: number;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** The headers of a recording response (whole file or one range). */
export function recordingHeaders(
  found: { size: number; contentType: string },
  range: { start: number; end: number } | null,
): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': found.contentType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': String(range ? range.end - range.start + 1 : found.size),
  };
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${found.size}`;
  return headers;
}

/** The route both doors serve: `/recordings/<call id>`. */
export const RECORDINGS_ROUTE = '/recordings/';

/** What a door calls with the text after `/recordings/`. */
export type RecordingSource = (callIdText: string) => Promise<RecordingLookup>;
