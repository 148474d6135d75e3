/**
 * The session: the one workspace file a door serves, opened normally — or, when that fails, the
 * failure and the ways out (open read-only, restore a backup, try again). A door never shows a
 * blank window or exits on a bad file: the renderer asks `session.state` and shows the way out.
 */
import type { SessionMethod, SessionState } from '../src-shared/api';
import { createApi, type Api } from './api';
import type { RecordingSource } from './audits/recordings';
import { recordingSource } from './recordings/finder';
import { backupDir, listBackups, restoreOverFailedFile, TEAM_BACKUP_REFUSAL } from './backups';
import { canOpenReadOnly, describeOpenFailure, type OpenFailureKind } from './db/connection';
import { TeamWorkspaceOpenError } from './db/postgres';
import { createDispatcher, type Dispatch, type HandlersFor } from './dispatch';
import { ApiError } from './errors';
import type { Staging } from './staging';
import { openWorkspace, type Workspace } from './workspace';
import { isTeamWorkspaceUrl, shownTarget } from './workspace-target';

export interface SessionHooks {
  onInternalError?: (err: unknown) => void;
  /** Runs each time a workspace opens (e.g. daily backups, job events); returns its undo. */
  onOpen?: (ws: Workspace, api: Api) => () => void;
  /**
   * A team workspace's password when the URL, PGPASSWORD and pgpass have none (the desktop
   * keychain), told whether the server took it (`opened`) or refused the login (`refused`).
   */
  teamPassword?: {
    password: () => Promise<string>;
    opened(): void;
    refused(): void;
  };
}

export interface Session {
  dispatch: Dispatch;
  /** Uploads go to the open workspace's staging (refused while none is open). */
  staging: Pick<Staging, 'stageStream'>;
  /** Finds a call's recording in the open workspace's recordings folder (none while none is open). */
  recordings: RecordingSource;
  state(): SessionState;
  /** The open workspace and its API, or null while the open failed. */
  current(): { ws: Workspace; api: Api } | null;
  close(): Promise<void>;
}

type Opened = { ws: Workspace; api: Api; undoOpen: () => void };
type Current =
  | { kind: 'open'; opened: Opened; readOnlyBecause: OpenFailureKind | null; restored: Restored }
  | { kind: 'failed'; failure: OpenFailureKind; message: string };
type Restored = { backup: string; setAside: string | null } | null;

/** `file`: a workspace file, or a team workspace's `postgres://` URL (shown without its password). */
export async function openSession(file: string, hooks: SessionHooks = {}): Promise<Session> {
  let current: Current;
  const shown = shownTarget(file);
  // A team workspace lies in no file: no backups beside it, no read-only copy to look at.
  const team = isTeamWorkspaceUrl(file);
  // Transitions one at a time: a double click on "restore" must not open the file twice.
  let transitions: Promise<unknown> = Promise.resolve();

  async function open(readOnly: boolean): Promise<Opened> {
    const keychain = hooks.teamPassword;
    let ws: Workspace;
    try {
      ws = await openWorkspace(file, { readOnly, password: keychain?.password });
    } catch (err) {
      if (err instanceof TeamWorkspaceOpenError && err.reason === 'login_refused') keychain?.refused();
      throw err;
    }
    keychain?.opened();
    const api = createApi(ws, { onInternalError: hooks.onInternalError });
    return { ws, api, undoOpen: hooks.onOpen?.(ws, api) ?? (() => undefined) };
  }

  async function closeCurrent(): Promise<void> {
    if (current.kind !== 'open') return;
    const { ws, api, undoOpen } = current.opened;
    undoOpen();
    try {
      await api.close();
    } finally {
      await ws.close();
    }
  }

  /**
   * Opens the file for work. `lookIfUnwritable`: a file this user cannot write (a read-only disk
   * or share, a write-protected file) opens read-only at once, saying so above every page — there
   * is nothing to repair, and a lead who only reads the numbers should not meet a recovery page.
   */
  async function tryOpen(restored: Restored = null, lookIfUnwritable = false): Promise<void> {
    try {
      current = { kind: 'open', opened: await open(false), readOnlyBecause: null, restored };
    } catch (err) {
      const failure = describeOpenFailure(shown, err);
      if (lookIfUnwritable && failure.kind === 'read_only' && !team && canOpenReadOnly(file)) {
        current = { kind: 'open', opened: await open(true), readOnlyBecause: 'read_only', restored };
        return;
      }
      current = { kind: 'failed', failure: failure.kind, message: failure.message };
    }
  }

  function state(): SessionState {
    if (current.kind === 'open') {
      return {
        state: 'open',
        path: shown,
        readOnly: current.opened.ws.readOnly,
        readOnlyBecause: current.readOnlyBecause,
        restored: current.restored,
      };
    }
    return {
      state: 'failed',
      path: shown,
      kind: current.failure,
      message: current.message,
      backupFolder: team ? '' : backupDir(file),
      backups: team ? [] : listBackups(file),
      canOpenReadOnly: !team && canOpenReadOnly(file),
    };
  }

  /** The failure a read-only workspace stands in for: recovery actions are open to it as well. */
  function recoverable(): OpenFailureKind {
    if (current.kind === 'failed') return current.failure;
    if (current.readOnlyBecause !== null) return current.readOnlyBecause;
    throw new ApiError('conflict', 'the workspace is open; restore a backup from Settings → Backups');
  }

  function transition(work: () => Promise<void>): Promise<SessionState> {
    const next = transitions.then(work).then(state);
    transitions = next.catch(() => undefined);
    return next;
  }

  const handlers: HandlersFor<SessionMethod> = {
    'session.state': () => state(),
    'session.retry': () =>
      transition(async () => {
        if (current.kind === 'open' && !current.opened.ws.readOnly) return;
        await closeCurrent();
        await tryOpen();
      }),
    'session.openReadOnly': () =>
      transition(async () => {
        const because = recoverable();
        if (current.kind === 'open') return; // already read-only
        if (team || !canOpenReadOnly(file))
          throw new ApiError('conflict', `${shown} cannot be read, even read-only`);
        current = { kind: 'open', opened: await open(true), readOnlyBecause: because, restored: null };
      }),
    'session.restore': ({ name }) =>
      transition(async () => {
        recoverable();
        if (team) throw new ApiError('conflict', TEAM_BACKUP_REFUSAL);
        await closeCurrent();
        let restored: Restored = null;
        try {
          restored = { backup: name, ...(await restoreOverFailedFile(file, name)) };
        } finally {
          // Restored or not, the session answers for what is on disk now.
          await tryOpen(restored);
        }
      }),
  };
  const sessionDispatch = createDispatcher(handlers, hooks.onInternalError);
  const isSessionMethod = (name: string): boolean => Object.prototype.hasOwnProperty.call(handlers, name);

  await tryOpen(null, true);

  return {
    dispatch: async (method, input) => {
      if (isSessionMethod(method)) return sessionDispatch(method, input);
      if (current.kind === 'open') return current.opened.api.dispatch(method, input);
      return { ok: false, error: { code: 'unavailable', message: current.message } };
    },
    staging: {
      stageStream: (name, stream, declaredBytes) => {
        if (current.kind !== 'open') return Promise.reject(new ApiError('unavailable', current.message));
        return current.opened.api.staging.stageStream(name, stream, declaredBytes);
      },
    },
    recordings: (callIdText) =>
      current.kind === 'open'
        ? recordingSource(current.opened.ws)(callIdText)
        : Promise.resolve({ ok: false, status: 404, message: current.message }),
    state,
    current: () => (current.kind === 'open' ? { ws: current.opened.ws, api: current.opened.api } : null),
    close: async () => {
      await transitions;
      await closeCurrent();
    },
  };
}
