/**
 * The command line on a team workspace: `callscope team init` (the schema and the first admin)
 * and signing other commands in (`--user`, the password from CALLSCOPE_PASSWORD). Passwords come
 * from the environment or a terminal without echo, never from an argument (argv is visible to
 * every user of the machine).
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { authContract, type User } from '../../src-shared/api';
import type { Api } from '../api';
import { openWorkspace } from '../workspace';
import { isTeamWorkspaceUrl } from '../workspace-target';
import { passwordProblem } from './passwords';
import { createFirstAdmin, hasAdmin } from './users';

/** A mistake of the person typing the command: printed as it is, exit status 2. */
export class CliAuthError extends Error {}

export const PASSWORD_ENV = 'CALLSCOPE_PASSWORD';
export const ADMIN_PASSWORD_ENV = 'CALLSCOPE_ADMIN_PASSWORD';

/** Reads a line from the terminal without showing what is typed. */
function askHidden(prompt: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(prompt);
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function adminPassword(): Promise<string> {
  const fromEnv = process.env[ADMIN_PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY)
    throw new CliAuthError(`give the admin's password in ${ADMIN_PASSWORD_ENV} (or run this on a terminal)`);
  const first = await askHidden('password for the new admin: ');
  const again = await askHidden('the same password again: ');
  if (first !== again) throw new CliAuthError('the two passwords differ');
  return first;
}

/** `callscope team init postgres://… --admin <login> [--name "Display"]`. */
export async function teamInit(
  url: string | undefined,
  login: string | undefined,
  name: string | undefined,
): Promise<string> {
  if (!url || !isTeamWorkspaceUrl(url))
    throw new CliAuthError('team init needs the team workspace as postgres://user@host/database');
  if (!login) throw new CliAuthError('team init needs --admin <login> (the first admin)');
  const names = authContract['users.create'].input.pick({ login: true, displayName: true });
  const parsed = names.safeParse({ login, displayName: name ?? login });
  if (!parsed.success) throw new CliAuthError(parsed.error.issues.map((i) => i.message).join('; '));
  // Opening migrates the database to the current schema (and writes its settings on first open).
  const ws = await openWorkspace(url);
  try {
    if (await hasAdmin(ws.kysely))
      throw new CliAuthError(`${ws.path} already has an admin: they add users on the Users page`);
    const password = await adminPassword();
    const problem = passwordProblem(password);
    if (problem) throw new CliAuthError(problem);
    const admin = await ws.writes.run(() =>
      createFirstAdmin(ws.kysely, {
        login: parsed.data.login,
        displayName: parsed.data.displayName,
        password,
      }),
    );
    return `${ws.path}: ready, with the admin "${admin.login}" (${admin.displayName})`;
  } finally {
    await ws.close();
  }
}

/**
 * Signs a command in to a team workspace as `login` with the password in CALLSCOPE_PASSWORD. A
 * local workspace file needs no sign-in (`login` is ignored there).
 */
export async function signInForCli(
  api: Api,
  engine: string,
  login: string | undefined,
): Promise<User | null> {
  if (engine !== 'postgres') return null;
  if (!login)
    throw new CliAuthError(`a team workspace needs --user <login> (the password in ${PASSWORD_ENV})`);
  const password = process.env[PASSWORD_ENV];
  if (password === undefined || password === '')
    throw new CliAuthError(`--user ${login}: put the password in the environment variable ${PASSWORD_ENV}`);
  const outcome = await api.dispatch('auth.signIn', { login, password });
  if (!outcome.ok) throw new CliAuthError(`--user ${login}: wrong login or password`);
  return authContract['auth.signIn'].output.parse(outcome.value);
}
