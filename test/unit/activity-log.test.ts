/**
 * The activity log on both engines: every successful change through the API (the app's doors and
 * the command line's import) leaves one row saying who did what, reads leave none, and the log's
 * newest id is a change counter another Callscope on the same team workspace sees move. Rows made
 * by a signed-in user carry their login (`created_by`); a local workspace's carry ''. On PostgreSQL
 * the test's own API is signed in as its admin (TEST_ADMIN), and the others act as users the admin
 * creates, each signed in on a Callscope of their own; the command line signs in with --user.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityRow, Agent, Output } from '../../src-shared/api';
import { createApi } from '../../src-main/api';
import { DETAIL_MAX_CHARS, boundedDetail } from '../../src-main/activity/log';
import { openWorkspace } from '../../src-main/workspace';
import {
  FIXTURES,
  TEST_ADMIN,
  answersIn,
  openTestWorkspace,
  runCli,
  signInAsTestAdmin,
  signedInAs,
  type SignedInUser,
  type TestWorkspace,
} from '../helpers';

const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(['sqlite', 'postgres'] as const)('the activity log on %s', (engine) => {
  let t: TestWorkspace;
  let agent: Agent;
  /** who the test's own API acts as: the signed-in admin, or nobody on a local workspace */
  let me: { login: string; userId: number | null };
  const users: SignedInUser[] = [];
  async function signedIn(user: Parameters<typeof signedInAs>[1]): Promise<SignedInUser> {
    const signed = await signedInAs(t, user);
    users.push(signed);
    return signed;
  }

  const revision = async () => (await t.call('workspace.revision')).revision;
  const newest = async () => (await t.call('activity.list', { limit: 200 })).rows;
  /** The rows `change` added (after any job it started has been recorded). */
  async function rowsOf(change: () => Promise<unknown>, settle?: (rows: ActivityRow[]) => boolean) {
    const before = await revision();
    await change();
    const added = async () => (await newest()).filter((r) => r.id > before);
    if (settle) await until(async () => settle(await added()));
    return added();
  }

  beforeAll(async () => {
    t = await openTestWorkspace(undefined, { engine });
    const { user } = await t.call('auth.state');
    me = engine === 'postgres' ? { login: TEST_ADMIN.login, userId: user!.id } : { login: '', userId: null };
  }, 60_000);
  afterAll(async () => {
    for (const user of users) await user.close();
    await t?.close();
  });

  it('an import through the API leaves one row naming the file, once the calls are in', async () => {
    const bytes = new Uint8Array(fs.readFileSync(BASIC));
    const rows = await rowsOf(
      async () => {
        const { stagedId } = await t.call('import.stage', { name: 'calls-nov.csv', bytes });
        const { jobId } = await t.call('import.start', { stagedId });
        expect((await t.api.jobs.wait(jobId)).status).toBe('done');
      },
      (added) => added.length > 0,
    );
    expect(rows.map((r) => [r.method, r.subject, r.actor, r.userId])).toEqual([
      ['import.start', 'calls-nov.csv', me.login, me.userId],
    ]);
    // 15 lines, 3 refused (C012's 31 November, C013's unknown result, C014 without an agent): 12 stored
    expect(rows[0]!.detail).toMatchObject({ status: 'done', inserted: 12, rejected: 3 });
    expect(rows[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const batch = await t.ws.kysely
      .selectFrom('import_batches')
      .select(['created_by', 'inserted'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({ created_by: me.login, inserted: 12 });
    if (engine === 'postgres')
      expect((await t.call('import.batches'))[0]).toMatchObject({ createdBy: 'admin' });
    // a local workspace's rows say no "by": its one user made everything
    else expect(Object.keys((await t.call('import.batches'))[0]!)).not.toContain('createdBy');
    agent = (await t.call('agents.list')).find((a) => a.code === '8001')!;
  });

  it('reads leave no row and do not move the counter', async () => {
    const rows = await rowsOf(async () => {
      await t.call('metrics.summary', { filter: { from: '2026-11-01', to: '2026-11-30' } });
      await t.call('calls.list', { filter: { from: '2026-11-01', to: '2026-11-30' } });
      await t.call('agents.list');
      await t.call('import.batches');
      await t.call('activity.list', {});
      await t.call('workspace.revision');
      await t.call('jobs.list');
    });
    expect(rows).toEqual([]);
  });

  it("a submitted audit is recorded as its reviewer's, with their login on the audit", async () => {
    const lin = await signedIn({ login: 'qa.lin', displayName: 'Lin', role: 'qa' });
    const [card] = await lin.call('scorecards.list', { language: 'en' });
    const call = await t.ws.kysely
      .selectFrom('calls')
      .select('id')
      .where('agent_id', '=', agent.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const opened = await lin.call('audits.open', {
      callId: call.id,
      versionId: card!.versionId,
      reviewer: 'Lin',
    });
    const answers = Object.fromEntries(
      card!.definition.sections.flatMap((s) => s.items.map((i) => [i.key, i.type === 'yesno' ? 'yes' : '4'])),
    );
    // an autosaved draft is seen by nobody else: no row, no reload on other screens
    const drafts = await rowsOf(() =>
      lin.call('audits.saveDraft', { auditId: opened.id, answers: answersIn(answers), notes: [] }),
    );
    expect(drafts).toEqual([]);
    const rows = await rowsOf(() =>
      lin.call('audits.submit', { auditId: opened.id, answers: answersIn(answers), notes: [] }),
    );
    expect(rows.map((r) => [r.method, r.subject, r.actor, r.userId])).toEqual([
      ['audits.submit', `#${opened.id} · 王伟`, lin.login, lin.userId],
    ]);
    const stored = await t.ws.kysely
      .selectFrom('audits')
      .select(['created_by', 'reviewer'])
      .where('id', '=', opened.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ created_by: lin.login, reviewer: 'Lin' });
    const got = await t.call('audits.get', { auditId: opened.id });
    expect(got.reviewer).toBe('Lin');
    if (engine === 'postgres') expect(got.submittedBy).toBe('qa.lin');
    else expect(Object.keys(got)).not.toContain('submittedBy');
  });

  it("a coaching note's row names the agent, never the note's words", async () => {
    let id = 0;
    const rows = await rowsOf(async () => {
      const note = await t.call('coaching.createNote', {
        agentId: agent.id,
        kind: 'oneOnOne',
        day: '2026-12-01',
        coach: '李娜',
        strengths: '开场白清楚',
        shortfalls: '异议处理太快放弃',
        agentView: '',
        actions: [],
        auditIds: [],
      });
      id = note.id;
    });
    expect(rows.map((r) => [r.method, r.subject, r.actor])).toEqual([
      ['coaching.createNote', `#${id} · 8001 王伟`, me.login],
    ]);
    expect(JSON.stringify(rows[0]!.detail)).not.toContain('开场白');
    const stored = await t.ws.kysely
      .selectFrom('coaching_notes')
      .select('created_by')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.created_by).toBe(me.login);
    if (engine === 'postgres')
      expect(await t.call('coaching.note', { id })).toMatchObject({ createdBy: 'admin' });
    else expect(Object.keys(await t.call('coaching.note', { id }))).not.toContain('createdBy');
  });

  it("a signed-in user's note and import carry their login (a local workspace's name nobody)", async () => {
    const team = (await t.call('teams.list')).find((x) => x.name === '销售一组')!;
    const lead = await signedIn({
      login: 'lead.zhang',
      displayName: '张',
      role: 'team_lead',
      teamIds: [team.id],
    });
    const note = await lead.call('coaching.createNote', {
      agentId: agent.id,
      kind: 'review',
      day: '2026-12-02',
      coach: '张',
      strengths: '',
      shortfalls: '',
      agentView: '',
      actions: [],
      auditIds: [],
    });
    // a local workspace names nobody: its one user made it
    const by = engine === 'postgres' ? { createdBy: 'lead.zhang' } : {};
    expect(note.createdBy).toBe(by.createdBy);
    const listed = (await t.call('coaching.notes', { agentId: agent.id })).notes.find(
      (n) => n.id === note.id,
    );
    expect(listed?.createdBy).toBe(by.createdBy);
    const file = path.join(t.dir, 'lead-calls.csv');
    const header = fs.readFileSync(BASIC, 'utf8').split('\n')[0];
    fs.writeFileSync(
      file,
      `${header}\nC801,8001,王伟,销售一组,老客续费,2026-11-05 09:00:00,13800138801,outbound,connected,5,60,,,\n`,
    );
    const job = await lead.api.jobs.wait(lead.api.startImport(file, { displayName: 'lead-calls.csv' }));
    expect(job.status).toBe('done');
    const batch = (await t.call('import.batches')).find((b) => b.id === job.result!.batchId);
    expect(batch?.fileName).toBe('lead-calls.csv');
    expect(batch?.createdBy).toBe(by.createdBy);
    await until(async () => (await newest())[0]!.method === 'import.start');
    expect((await newest())[0]).toMatchObject({
      actor: lead.login,
      userId: lead.userId,
      subject: 'lead-calls.csv',
    });
  });

  it("a target's row names the month and the team", async () => {
    const team = (await t.call('teams.list')).find((x) => x.name === '销售一组')!;
    const rows = await rowsOf(() =>
      t.call('targets.set', {
        month: '2026-12',
        entries: [
          { scope: 'team', scopeId: team.id, kpi: 'dialsPerDay', value: 120 },
          { scope: 'team', scopeId: team.id, kpi: 'connectRate', value: 0.3 },
        ],
      }),
    );
    expect(rows.map((r) => [r.method, r.subject])).toEqual([['targets.set', '2026-12 · 销售一组']]);
    expect(rows[0]!.detail).toEqual({ month: '2026-12', saved: 2 });
  });

  it('the counter is the newest row: it moves on every write and only then', async () => {
    const before = await revision();
    expect((await newest())[0]!.id).toBe(before);
    await t.call('teams.create', { name: '三组' });
    const after = await revision();
    expect(after).toBeGreaterThan(before);
    expect((await newest())[0]).toMatchObject({ id: after, method: 'teams.create', subject: '三组' });
    await t.call('teams.list');
    expect(await revision()).toBe(after);
    // a refused write changes nothing and is not recorded
    await expect(t.call('teams.update', { id: 9999, name: 'x' })).rejects.toThrow();
    expect(await revision()).toBe(after);
  });

  it('a change without words of its own is logged by its name alone; notes on a person stay out', async () => {
    const acked = await rowsOf(() => t.call('targets.ack', { key: 'some-alert', acked: true }));
    expect(acked.map((r) => [r.method, r.subject, r.detail])).toEqual([['targets.ack', '', null]]);
    const edited = await rowsOf(() =>
      t.call('agents.update', { id: agent.id, notes: '家里有事，本月请假多' }),
    );
    expect(edited.map((r) => [r.method, r.subject])).toEqual([['agents.update', '8001 王伟']]);
    expect(JSON.stringify(edited[0]!.detail)).not.toContain('请假');
  });

  it('pages newest first and filters by method', async () => {
    const all = await newest();
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
    const first = await t.call('activity.list', { limit: 2 });
    const next = await t.call('activity.list', { limit: 2, beforeId: first.rows[1]!.id });
    expect([...first.rows, ...next.rows].map((r) => r.id)).toEqual(all.slice(0, 4).map((r) => r.id));
    const imports = await t.call('activity.list', { method: 'import.start' });
    expect(imports.rows.map((r) => r.subject)).toEqual(['lead-calls.csv', 'calls-nov.csv']);
  });

  it("the command line's import moves the counter another open Callscope polls", async () => {
    const before = await revision();
    const file = path.join(t.dir, 'more-calls.csv');
    const lines = fs.readFileSync(BASIC, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(
      file,
      `${lines[0]}\nC901,8001,王伟,销售一组,老客续费,2026-11-04 09:15:02,13800138901,outbound,connected,5,80,intent,,\n`,
    );
    // a team workspace's command line signs in; a local one acts on the file as its one user
    const signIn = engine === 'postgres' ? ['--user', TEST_ADMIN.login] : [];
    const cli = runCli(['import', file, '--db', t.file, '--lang', 'en', ...signIn], {
      CALLSCOPE_PASSWORD: TEST_ADMIN.password,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(await revision()).toBeGreaterThan(before);
    const [row] = await newest();
    expect(row).toMatchObject({
      method: 'import.start',
      subject: 'more-calls.csv',
      actor: me.login,
      userId: me.userId,
    });
    expect(row!.detail).toMatchObject({ status: 'done', inserted: 1 });
  }, 60_000);

  it.runIf(engine === 'postgres')(
    'a second Callscope on the same database sees the counter move',
    async () => {
      const ws2 = await openWorkspace(t.file);
      const api2 = createApi(ws2);
      try {
        await signInAsTestAdmin(ws2, api2.dispatch);
        const read2 = async () => {
          const outcome = await api2.dispatch('workspace.revision', {});
          if (!outcome.ok) throw new Error(outcome.error.message);
          return (outcome.value as Output<'workspace.revision'>).revision;
        };
        const before = await read2();
        expect(before).toBe(await revision());
        await t.call('teams.create', { name: '四组' });
        expect(await read2()).toBeGreaterThan(before);
        expect(await read2()).toBe(await revision());
      } finally {
        await api2.close();
        await ws2.close();
      }
    },
  );
});

describe('a row stays small', () => {
  it('a detail past its bound keeps only its keys, still JSON', () => {
    const text = boundedDetail({ big: 'x'.repeat(DETAIL_MAX_CHARS * 3), small: 1 })!;
    expect(text.length).toBeLessThanOrEqual(DETAIL_MAX_CHARS);
    expect(JSON.parse(text)).toEqual({ truncated: true, keys: ['big', 'small'] });
    expect(boundedDetail({})).toBeNull();
    expect(boundedDetail({ month: '2026-12' })).toBe('{"month":"2026-12"}');
  });
});
