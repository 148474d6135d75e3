/**
 * The command line on a team workspace (a real PostgreSQL test database): `callscope team init`
 * sets up the schema and the first admin once; other commands sign in with --user and the
 * password in CALLSCOPE_PASSWORD, and say clearly what is missing or wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src-main/auth/passwords';
import { createApi } from '../../src-main/api';
import { openWorkspace } from '../../src-main/workspace';
import { createTestDatabase, type TestDatabase } from '../pg-admin';
import { FIXTURES, runCli, tempDir } from '../helpers';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const NO_PASSWORDS = { CALLSCOPE_ADMIN_PASSWORD: '', CALLSCOPE_PASSWORD: '' };

async function users() {
  const ws = await openWorkspace(db.url);
  try {
    return await ws.kysely.selectFrom('users').selectAll().execute();
  } finally {
    await ws.close();
  }
}

describe('callscope team init', () => {
  it('refuses a password shorter than 8 characters, then creates the schema and the first admin', async () => {
    const short = runCli(['team', 'init', db.url, '--admin', 'root-admin'], {
      CALLSCOPE_ADMIN_PASSWORD: 'short',
    });
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/at least 8 characters/);

    const r = runCli(['team', 'init', db.url, '--admin', 'Zhang.Admin', '--name', '张管理员'], {
      CALLSCOPE_ADMIN_PASSWORD: 'a-long-password',
    });
    expect(r.stderr).toMatch(/ready, with the admin "Zhang.Admin" \(张管理员\)/);
    expect(r.status).toBe(0);
    const [admin, ...others] = await users();
    expect(others).toEqual([]);
    expect(admin).toMatchObject({
      login: 'Zhang.Admin',
      display_name: '张管理员',
      role: 'admin',
      disabled: 0,
    });
    expect(admin!.password_hash).not.toContain('a-long-password');
    expect(await verifyPassword('a-long-password', admin!.password_hash)).toBe(true);
  }, 60_000);

  it('refuses once the workspace has an admin, and without a password or --admin', async () => {
    const again = runCli(['team', 'init', db.url, '--admin', 'other'], {
      CALLSCOPE_ADMIN_PASSWORD: 'another-password',
    });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already has an admin/);
    expect((await users()).map((u) => u.login)).toEqual(['Zhang.Admin']);
    const noAdmin = runCli(['team', 'init', db.url]);
    expect(noAdmin.stderr).toMatch(/--admin <login>/);
  }, 60_000);
});

describe('commands on a team workspace', () => {
  const metrics = ['metrics', '--from', '2026-11-01', '--to', '2026-11-30', '--by', 'team', '--json', '--db'];

  it('need --user and the password in CALLSCOPE_PASSWORD, and give one answer to a wrong one', () => {
    const noUser = runCli([...metrics, db.url], NO_PASSWORDS);
    expect(noUser.status).toBe(2);
    expect(noUser.stderr).toMatch(/needs --user <login>.*CALLSCOPE_PASSWORD/);
    const noPassword = runCli([...metrics, db.url, '--user', 'zhang.admin'], NO_PASSWORDS);
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toMatch(/put the password in the environment variable CALLSCOPE_PASSWORD/);
    const wrong = runCli([...metrics, db.url, '--user', 'zhang.admin'], {
      CALLSCOPE_PASSWORD: 'not-it-at-all',
    });
    const nobody = runCli([...metrics, db.url, '--user', 'nobody'], {
      CALLSCOPE_PASSWORD: 'a-long-password',
    });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/wrong login or password/);
    expect(nobody.stderr.replace('nobody', 'zhang.admin')).toBe(wrong.stderr);
  }, 120_000);

  it('run as the signed-in user: the admin imports and reads', () => {
    const file = path.join(FIXTURES, 'calls/callscope-basic.csv');
    const env = { CALLSCOPE_PASSWORD: 'a-long-password' };
    const imported = runCli(['import', file, '--db', db.url, '--user', 'zhang.admin', '--json'], env);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout).batches[0]).toMatchObject({ inserted: 12, rejected: 3 });
    const read = runCli([...metrics, db.url, '--user', 'zhang.admin'], env);
    expect(read.status).toBe(0);
    // 销售一组: C001–C005 (5 outbound dials); 销售二组: C006–C009 outbound (C010 is inbound)
    const rows = JSON.parse(read.stdout).rows as { key: string; dials: number }[];
    expect(rows.filter((r) => r.key !== null).map((r) => [r.key, r.dials])).toEqual(
      expect.arrayContaining([
        ['销售一组', 5],
        ['销售二组', 4],
      ]),
    );
  }, 120_000);
});

describe('a read the command line makes straight from a service', () => {
  it("is checked and narrowed as the API's door does: a team lead's CSV report is their team's", async () => {
    // The admin makes a lead of 销售一组, as the Users page does.
    const ws = await openWorkspace(db.url);
    const api = createApi(ws);
    try {
      expect(
        (await api.dispatch('auth.signIn', { login: 'zhang.admin', password: 'a-long-password' })).ok,
      ).toBe(true);
      const teams = await api.dispatch('teams.list', {});
      if (!teams.ok) throw new Error(teams.error.message);
      const one = (teams.value as { id: number; name: string }[]).find((t) => t.name === '销售一组')!;
      const made = await api.dispatch('users.create', {
        login: 'lead.one',
        displayName: 'Lead One',
        role: 'team_lead',
        password: 'lead-password',
        teamIds: [one.id],
      });
      expect(made.ok).toBe(true);
    } finally {
      await api.close();
      await ws.close();
    }
    const out = tempDir();
    const r = runCli(
      ['report', '--month', '2026-11', '--format', 'csv', '--out', out, '--db', db.url, '--user', 'lead.one'],
      { CALLSCOPE_PASSWORD: 'lead-password' },
    );
    expect(r.stderr).toMatch(/CSV/);
    expect(r.status).toBe(0);
    const text = fs
      .readdirSync(out)
      .map((f) => fs.readFileSync(path.join(out, f), 'utf8'))
      .join('\n');
    // The floor was asked for; the lead gets their own team: 王伟 (8001) of 销售一组, none of 销售二组.
    expect(text).toContain('王伟');
    expect(text).not.toContain('销售二组');
    expect(text).not.toContain('李娜');
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);
});

describe('the help', () => {
  it('names team init and --user', () => {
    const r = runCli(['--help']);
    expect(r.stdout).toMatch(/callscope team init postgres:\/\/… --admin <login>/);
    expect(r.stdout).toMatch(/--user <login>.*CALLSCOPE_PASSWORD/);
  }, 60_000);
});
