/**
 * Files handed to the workspace by a door (an upload in browser mode, bytes over IPC) wait here,
 * in a private temp folder, until an import takes them. The renderer never names a path.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { notFound } from './errors';

export interface StagedFile {
  path: string;
  name: string;
}

export class Staging {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callscope-staging-'));
  private readonly files = new Map<string, StagedFile>();

  async stageBytes(name: string, bytes: Uint8Array): Promise<string> {
    const id = randomUUID();
    const file = path.join(this.dir, id);
    await fs.promises.writeFile(file, bytes);
    this.files.set(id, { path: file, name: path.basename(name) });
    return id;
  }

  async stageStream(name: string, body: Readable): Promise<string> {
    const id = randomUUID();
    const file = path.join(this.dir, id);
    await pipeline(body, fs.createWriteStream(file));
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
    fs.rmSync(file.path, { force: true });
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
