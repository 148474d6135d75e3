/**
 * Team workspace passwords the desktop app remembers: a small JSON file of sealed (encrypted)
 * passwords, one per host, port, database and user. The sealing is the OS keychain's (Electron's
 * safeStorage, handed in as a Cipher): this module never writes a password in plain text, and
 * stores nothing when encryption is not available.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import { parsePostgresUrl } from '../db/postgres';

/** An encrypt/decrypt pair backed by the OS keychain (Electron: safeStorage). */
export interface Cipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** Whose password it is: the server, database and user of a team workspace. */
export interface SavedPasswordKey {
  host: string;
  port: number;
  database: string;
  user: string;
}

/** The key of a `postgres://` URL, with libpq's defaults for what it leaves out. */
export function savedPasswordKey(url: string, env: NodeJS.ProcessEnv = process.env): SavedPasswordKey {
  const { host, port, database, user } = parsePostgresUrl(url).connection;
  return {
    host: host ?? env.PGHOST ?? 'localhost',
    port: port ?? Number(env.PGPORT ?? 5432),
    database: database ?? '',
    user: user ?? env.PGUSER ?? os.userInfo().username,
  };
}

const keyText = (k: SavedPasswordKey) => JSON.stringify([k.host, k.port, k.database, k.user]);

const FileSchema = z.object({
  version: z.literal(1),
  /** key text -> the sealed password, base64 */
  sealed: z.record(z.string(), z.string()),
});
type SavedFile = z.infer<typeof FileSchema>;

/** A larger file was not written by us: read as empty. */
const MAX_BYTES = 1 << 20;

export class SavedPasswords {
  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
  ) {}

  /** The remembered password of `key`, or undefined (none, unreadable, or sealed by another keychain). */
  get(key: SavedPasswordKey): string | undefined {
    const sealed = this.read().sealed[keyText(key)];
    if (sealed === undefined || !this.cipher.isEncryptionAvailable()) return undefined;
    try {
      return this.cipher.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      return undefined;
    }
  }

  /** Remembers `password` sealed; false (and nothing stored) when the OS offers no encryption. */
  remember(key: SavedPasswordKey, password: string): boolean {
    if (!this.cipher.isEncryptionAvailable()) return false;
    const saved = this.read();
    saved.sealed[keyText(key)] = this.cipher.encryptString(password).toString('base64');
    this.write(saved);
    return true;
  }

  forget(key: SavedPasswordKey): void {
    const saved = this.read();
    if (!(keyText(key) in saved.sealed)) return;
    delete saved.sealed[keyText(key)];
    this.write(saved);
  }

  private read(): SavedFile {
    try {
      if (fs.statSync(this.file).size > MAX_BYTES) return { version: 1, sealed: {} };
      return FileSchema.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch {
      return { version: 1, sealed: {} };
    }
  }

  /** Whole or not at all (a crash mid-write leaves the old file), readable by this user only. */
  private write(saved: SavedFile): void {
    const part = `${this.file}.${crypto.randomBytes(4).toString('hex')}.part`;
    fs.writeFileSync(part, JSON.stringify(saved), { mode: 0o600 });
    fs.renameSync(part, this.file);
  }
}
