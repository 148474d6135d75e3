/**
 * The desktop app's password for a team workspace when neither the URL, PGPASSWORD nor a pgpass
 * file has one: the remembered one, else the person is asked. What the server accepted is
 * remembered (sealed, saved-passwords.ts); a remembered one it refused is forgotten, so the next
 * try asks again. The session tells which happened (`opened` / `refused`).
 */
import { savedPasswordKey, type SavedPasswordKey, type SavedPasswords } from './saved-passwords';

/** Asks the person for the password of `key`; null when they cancel. `again`: the last one was refused. */
export type AskPassword = (key: SavedPasswordKey, again: boolean) => Promise<string | null>;

export class KeychainPassword {
  private readonly key: SavedPasswordKey;
  /** the password handed to the sign-in (kept while it holds), and whether it was the remembered one */
  private given: { password: string; remembered: boolean } | null = null;
  private refusedBefore = false;

  constructor(
    url: string,
    private readonly store: SavedPasswords,
    private readonly ask: AskPassword,
  ) {
    this.key = savedPasswordKey(url);
  }

  /**
   * For openWorkspace's `password`: called only when the server asks and nobody else had one —
   * for each new connection of the pool, so the password being tried or taken is kept for them.
   */
  readonly password = async (): Promise<string> => {
    if (this.given) return this.given.password;
    const remembered = this.store.get(this.key);
    if (remembered !== undefined) {
      this.given = { password: remembered, remembered: true };
      return remembered;
    }
    const typed = await this.ask(this.key, this.refusedBefore);
    // Cancelled: an empty password, which the server refuses (the session shows why, and "try again").
    this.given = typed === null ? null : { password: typed, remembered: false };
    return typed ?? '';
  };

  /** The workspace opened: a typed password is remembered (if the OS can seal it). */
  opened(): void {
    if (this.given && !this.given.remembered) this.store.remember(this.key, this.given.password);
    this.refusedBefore = false;
  }

  /** The server refused the login: a remembered password is forgotten. */
  refused(): void {
    if (this.given?.remembered) this.store.forget(this.key);
    this.refusedBefore = this.given !== null;
    this.given = null;
  }
}
