/**
 * A team workspace (PostgreSQL) for the specs where people sign in: a test database set up by
 * `callscope team init`, a calls file imported by the admin from the command line, the users the
 * spec needs made through the API as the Users page makes them, and web hosts over it. Also the
 * sign-in steps as a person takes them on the page.
 */
import type { ChildProcess } from 'node:child_process';
import { createApi } from '../../src-main/api';
import { openWorkspace } from '../../src-main/workspace';
import { startWebHost } from '../browser-mode';
import { callerOf, runCli } from '../helpers';
import { createTestDatabase, type TestDatabase } from '../pg-admin';
import { expect, type Browser, type Page } from '@playwright/test';

export const ADMIN = { login: 'admin', password: 'admin-password-1' };

export interface Login {
  login: string;
  password: string;
}

export interface TeamWorkspace {
  db: TestDatabase;
  /** the tokened address of each web host, in the order started */
  urls: string[];
  close(): Promise<void>;
}

type AdminCall = ReturnType<typeof callerOf>;

function cli(args: string[], env: Record<string, string>): void {
  const r = runCli(args, env);
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
}

/**
 * Sets the workspace up and starts `hosts` web hosts over it (one Callscope each). `setUp` runs
 * signed in as the admin, after the import: the users, notes and the like the spec needs.
 */
export async function openTeamWorkspace(options: {
  callsFile: string;
  /** the calls file's layout, when it is not detected */
  preset?: string;
  adminName?: string;
  hosts?: number;
  setUp(call: AdminCall): Promise<void>;
}): Promise<TeamWorkspace> {
  const db = await createTestDatabase('callscope_e2e');
  const hosts: ChildProcess[] = [];
  const close = async () => {
    for (const child of hosts) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    }
    await db.drop();
  };
  try {
    const named = options.adminName ? ['--name', options.adminName] : [];
    cli(['team', 'init', db.url, '--admin', ADMIN.login, ...named], {
      CALLSCOPE_ADMIN_PASSWORD: ADMIN.password,
    });
    const preset = options.preset ? ['--preset', options.preset] : [];
    cli(['import', options.callsFile, ...preset, '--db', db.url, '--user', ADMIN.login], {
      CALLSCOPE_PASSWORD: ADMIN.password,
    });
    const ws = await openWorkspace(db.url);
    const api = createApi(ws);
    try {
      const call = callerOf(api.dispatch);
      await call('auth.signIn', ADMIN);
      await options.setUp(call);
    } finally {
      await api.close();
      await ws.close();
    }
    const urls: string[] = [];
    for (let i = 0; i < (options.hosts ?? 1); i++) {
      const host = await startWebHost(db.url);
      hosts.push(host.child);
      urls.push(host.url);
    }
    return { db, urls, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Types the login and password into the sign-in form and submits it. */
export async function signIn(page: Page, user: Login): Promise<void> {
  await page.getByTestId('sign-in-login').fill(user.login);
  await page.getByTestId('sign-in-password').fill(user.password);
  await page.getByTestId('sign-in-submit').click();
}

/**
 * Opens the host and signs `user` in. A host keeps one signed-in user (one Callscope, one person):
 * whoever a test before left signed in is signed out first.
 */
export async function openSignedIn(page: Page, url: string, user: Login): Promise<void> {
  await page.goto(url);
  const signedIn = page.getByTestId('signed-in-user');
  await expect(page.getByTestId('sign-in').or(signedIn)).toBeVisible();
  if (await signedIn.isVisible()) await signOut(page);
  await signIn(page, user);
  await expect(signedIn).toBeVisible();
}

/** A browser of the user's own (a new context, in `locale`), signed in at `url`. */
export async function browserSignedIn(
  browser: Browser,
  url: string,
  user: Login,
  locale = 'en-US',
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
  const page = await context.newPage();
  await openSignedIn(page, url, user);
  return page;
}

/** Signs out from the sidebar and waits for the sign-in form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}
