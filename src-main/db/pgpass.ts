/**
 * The password of a team workspace from a pgpass file, read as libpq reads it (pg 8 still reads
 * it itself but warns that it will stop in pg 9): the file named by PGPASSFILE, else ~/.pgpass
 * (%APPDATA%\postgresql\pgpass.conf on Windows); one `host:port:database:user:password` per line,
 * `#` starts a comment line, `*` in the first four fields matches anything, `\` makes the next
 * character literal (`\:`, `\\`, `\*`), and the first matching line wins. On Unix the file is
 * ignored when it is not a plain file or group or others may read it (libpq asks for chmod 600).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a line is matched against: the connection's own host, port, database and user. */
export interface PgpassTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

interface Field {
  text: string;
  /** an unescaped `*` alone: matches anything */
  any: boolean;
}

export interface PgpassEntry {
  host: Field;
  port: Field;
  database: Field;
  user: Field;
  password: string;
}

/** A larger file is not a pgpass file anyone wrote by hand: not read (everything is bounded). */
const MAX_BYTES = 1 << 20;

/** Where libpq looks for the file. */
export function pgpassPath(
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
  platform = process.platform,
): string {
  if (env.PGPASSFILE) return env.PGPASSFILE;
  return platform === 'win32'
    ? path.join(env.APPDATA ?? home, 'postgresql', 'pgpass.conf')
    : path.join(home, '.pgpass');
}

/** Splits a line into the four key fields and the password (the rest of the line, `:` included). */
function parseLine(line: string): PgpassEntry | null {
  const fields: Field[] = [];
  let text = '';
  let escaped = false;
  let i = 0;
  for (; i < line.length && fields.length < 4; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      text += line[++i];
      escaped = true;
    } else if (c === ':') {
      fields.push({ text, any: text === '*' && !escaped });
      text = '';
      escaped = false;
    } else text += c;
  }
  if (fields.length < 4) return null;
  const password = line.slice(i).replace(/\\(.)/g, '$1');
  const [host, port, database, user] = fields as [Field, Field, Field, Field];
  return { host, port, database, user, password };
}

/** The file's entries, in order (comment, blank and short lines are skipped, as libpq does). */
export function parsePgpass(text: string): PgpassEntry[] {
  const entries: PgpassEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line.startsWith('#')) continue;
    const entry = parseLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

const matches = (field: Field, value: string) => field.any || field.text === value;

/** The password of the first entry that matches `target`, if any. */
export function matchPgpass(entries: readonly PgpassEntry[], target: PgpassTarget): string | undefined {
  return entries.find(
    (e) =>
      matches(e.host, target.host) &&
      matches(e.port, String(target.port)) &&
      matches(e.database, target.database) &&
      matches(e.user, target.user),
  )?.password;
}

/**
 * The host as a pgpass line names it: a connection over the default local socket (or with no
 * host) is `localhost`, as libpq has it.
 */
export function pgpassHost(host: string | undefined): string {
  if (!host || host === '/var/run/postgresql' || host === '/run/postgresql' || host === '/tmp')
    return 'localhost';
  return host;
}

/**
 * The password for `target` from the pgpass file, or undefined when there is no file, it is
 * unsafe (group/world readable, or not a plain file), or no line matches.
 */
export function readPgpassPassword(
  target: PgpassTarget,
  file = pgpassPath(),
  platform = process.platform,
): string | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    if (platform !== 'win32' && (stat.mode & 0o077) !== 0) return undefined;
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return matchPgpass(parsePgpass(text), target);
}
