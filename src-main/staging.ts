/**
 * Files handed to the workspace by a door (an upload in browser mode, bytes over IPC) wait here,
 * in a private temp folder, until an import takes them. The renderer never names a path.
 *
 * Bounded: an upload larger than the limit (Settings → upload limit) is refused as it streams in
 * (never buffered whole); a refused or aborted upload leaves no partial file. Each folder carries
 * its owner's pid, so a new host sweeps the folders a crashed one left behind.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { notFound } from './errors';
import { makeOwnedTempDir, OWNER_FILE, sweepOwnedTempDirs } from './owned-temp';

export interface StagedFile {
  path: string;
  name: string;
}

export const DEFAULT_UPLOAD_LIMIT_MB = 512;
const MB = 1024 * 1024;
const STAGING_PREFIX = 'callscope-staging-';

/** A body over its size limit: the door answers 413 with this message. */
export class TooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TooLargeError';
  }
}

export function uploadTooLarge(name: string, limitBytes: number): TooLargeError {
  return new TooLargeError(
    `${path.basename(name)} is larger than the upload limit of ${Math.round(limitBytes / MB)} MB; ` +
      'raise it in Settings → Import, or import the file with the command line.',
  );
}

/** Removes staging folders whose owning process is gone (what a crash left). */
export function sweepAbandonedStaging(tmp = os.tmpdir()): string[] {
  return sweepOwnedTempDirs(STAGING_PREFIX, tmp);
}

export class Staging {
  private readonly dir: string;
  private readonly files = new Map<string, StagedFile>();
  /** Paths an import has taken and not yet released, and uploads still streaming in. */
  private readonly held = new Set<string>();

  /** `limitBytes`: read at each upload, so a raised limit applies at once. */
  constructor(
    private readonly limitBytes: () => Promise<number> | number = () => DEFAULT_UPLOAD_LIMIT_MB * MB,
  ) {
    sweepAbandonedStaging();
    this.dir = makeOwnedTempDir(STAGING_PREFIX);
  }

  get folder(): string {
    return this.dir;
  }

  async stageBytes(name: string, bytes: Uint8Array): Promise<string> {
    const limit = await this.limitBytes();
    if (bytes.byteLength > limit) throw uploadTooLarge(name, limit);
    const id = randomUUID();
    const file = path.join(this.dir, id);
    await fs.promises.writeFile(file, bytes);
    this.files.set(id, { path: file, name: path.basename(name) });
    return id;
  }

  /**
   * Streams `body` to a staged file, counting as it goes: over the limit, or cut off (an aborted
   * upload), the partial file is removed and the promise rejects. `declaredBytes` (the request's
   * Content-Length) lets an upload known to be too large be refused before a byte is written.
   */
  async stageStream(name: string, body: Readable, declaredBytes?: number): Promise<string> {
    const limit = await this.limitBytes();
    if (declaredBytes !== undefined && declaredBytes > limit) throw uploadTooLarge(name, limit);
    const id = randomUUID();
    const file = path.join(this.dir, id);
    let size = 0;
    this.held.add(file);
    const bounded = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) done(uploadTooLarge(name, limit));
        else done(null, chunk);
      },
    });
    // The body is piped, not put in the pipeline: a refused upload must not destroy the request,
    // so the door can still drain it and answer 413 instead of resetting the connection.
    const cutOff = (err: Error) => bounded.destroy(err);
    const onClose = () => {
      if (!body.readableEnded) cutOff(new Error(`the upload of ${path.basename(name)} was cut off`));
    };
    body.on('error', cutOff);
    body.on('close', onClose);
    try {
      body.pipe(bounded);
      await pipeline(bounded, fs.createWriteStream(file));
    } catch (err) {
      fs.rmSync(file, { force: true });
      throw err;
    } finally {
      body.unpipe(bounded);
      body.off('error', cutOff);
      body.off('close', onClose);
      this.held.delete(file);
    }
    this.files.set(id, { path: file, name: path.basename(name) });
    return id;
  }

  /** A staged file to look at (preview) without taking it. */
  peek(id: string): StagedFile {
    const staged = this.files.get(id);
    if (!staged) throw notFound(`staged file ${id}`);
    return staged;
  }

  /** Hands a staged file to its importer; it is removed from staging with `release`. */
  take(id: string): StagedFile {
    const staged = this.files.get(id);
    if (!staged) throw notFound(`staged file ${id}`);
    this.files.delete(id);
    this.held.add(staged.path);
    return staged;
  }

  /** Removes a staged file nobody will import; false when it is already gone. */
  discard(id: string): boolean {
    const staged = this.files.get(id);
    if (!staged) return false;
    this.files.delete(id);
    this.release(staged);
    return true;
  }

  release(file: StagedFile): void {
    this.held.delete(file.path);
    fs.rmSync(file.path, { force: true });
  }

  /** After each job: removes whatever no staged id, running import or upload accounts for. */
  sweep(): void {
    const kept = new Set([...this.files.values()].map((f) => f.path));
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this.dir, name);
      if (name === OWNER_FILE || kept.has(file) || this.held.has(file)) continue;
      fs.rmSync(file, { recursive: true, force: true });
    }
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
