/**
 * Cloud telephony call logs, fixtures of our own in the shapes the products export: Twilio's call
 * log (one row per leg; a click-to-call is the agent's `outbound-api` leg plus a child
 * `outbound-dial` leg to the customer) and RingCentral's call log (classic: date and time in two
 * columns; newer: Session Id and one Start Time). The truth is computed here from the fixture's
 * rows with a few plain lines, not through the importer. Workspace zone Asia/Shanghai (UTC+8, no
 * daylight saving).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, rejectsOf, tempDir, type TestWorkspace } from '../helpers';
import { expectHandCounts, type TruthCall } from '../truth-table';

const range = { from: '2026-11-01', to: '2026-11-30' };
const fixture = (name: string) => path.join(FIXTURES, 'calls', name);

/** A fixture's rows as header → cell records (our fixtures have no quoted cells). */
function recordsOf(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

/** The Shanghai day of a UTC `YYYY-MM-DD HH:MM:SS`. */
const shanghaiDay = (utc: string) =>
  new Date(Date.parse(`${utc.replace(' ', 'T')}Z`) + 8 * 3600_000).toISOString().slice(0, 10);

/** `client:alice` / `sip:bob@host` → `alice` / `bob`; a phone number stays as it is. */
const user = (address: string) => /^(?:client|sip):([^@]+)/.exec(address)?.[1] ?? address;
const isAgentAddress = (address: string) => /^(client|sip):/.test(address);

/**
 * Twilio truth: legs grouped by their parent's Sid. A group with an `outbound-api` leg (click-to-
 * call) is a dial of the agent it rang, answered when its customer leg completed with talk; a
 * `trunking-originating` leg is a dial of its SIP caller on its own; an inbound call is the
 * inbound call of the agent its `outbound-dial` leg reached, if any.
 */
function twilioTruth(rows: Record<string, string>[]) {
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) {
    const id = r['Parent Call Sid'] || r['Sid']!;
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  const calls: TruthCall[] = [];
  let noAgent = 0;
  for (const legs of groups.values()) {
    const day = shanghaiDay(legs.map((l) => l['Start Time']!).sort()[0]!);
    const agentLeg = legs.find((l) => l['Direction'] === 'outbound-api');
    const trunk = legs.find((l) => l['Direction'] === 'trunking-originating');
    const answeredBy = legs.find((l) => l['Direction'] === 'outbound-dial' && isAgentAddress(l['To']!));
    const customer =
      legs.find((l) => l['Direction'] === 'outbound-dial' && !isAgentAddress(l['To']!)) ?? trunk;
    const talk = customer && customer['Status'] === 'completed' ? Number(customer['Duration']) : 0;
    if (agentLeg || trunk) {
      const agent = agentLeg ? user(agentLeg['To']!) : user(trunk!['From']!);
      calls.push({ day, agent, direction: 'outbound', answered: talk > 0, talk });
    } else if (answeredBy) {
      const inTalk = Number(answeredBy['Duration']);
      calls.push({
        day,
        agent: user(answeredBy['To']!),
        direction: 'inbound',
        answered: inTalk > 0,
        talk: inTalk,
      });
    } else noAgent++;
  }
  return { calls, noAgent };
}

/** `H:MM:SS` → seconds. */
const hms = (text: string) => text.split(':').reduce((s, part) => s * 60 + Number(part), 0);

/** `11/20/2026` → `2026-11-20` (RingCentral writes the account's wall-clock date, month first). */
function usDay(text: string): string {
  const [m, d, y] = text.split('/');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

const CONNECTED_RESULTS = new Set(['Call connected', 'Accepted']);

function ringCentralCall(r: {
  day: string;
  extension: string;
  direction: string;
  result: string;
  talk: number;
}): TruthCall {
  const answered = CONNECTED_RESULTS.has(r.result) && r.talk > 0;
  return {
    day: r.day,
    agent: r.extension,
    direction: /^out/i.test(r.direction) ? 'outbound' : 'inbound',
    answered,
    talk: answered ? r.talk : 0,
  };
}

describe('cloud telephony call logs', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
  });
  afterEach(async () => t.close());

  const storedInbound = () =>
    t.ws.kysely
      .selectFrom('calls as c')
      .innerJoin('agents as a', 'a.id', 'c.agent_id')
      .select(['a.code as agent', 'c.talk_seconds as talk'])
      .where('c.direction', '=', 'inbound')
      .orderBy('c.started_at')
      .execute();
  const inboundOf = (calls: readonly TruthCall[]) =>
    calls.filter((c) => c.direction === 'inbound').map((c) => ({ agent: c.agent, talk: c.talk }));

  it("reads Twilio's call log: one dial per click-to-call, answer and talk from the customer's leg", async () => {
    const file = fixture('twilio-call-log.csv');
    const rows = recordsOf(file);
    const truth = twilioTruth(rows);
    // The fixture holds what the test is about: click-to-calls whose agent leg is longer than
    // the customer's, a customer leg completed at 0 s, a call past midnight in Shanghai.
    expect(truth.calls.filter((c) => c.direction === 'outbound')).toHaveLength(10);
    expect(truth.noAgent).toBe(1);

    const job = await t.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      preset: 'twilio',
      rows: rows.length,
      inserted: truth.calls.length,
      rejected: truth.noAgent,
    });
    await expectHandCounts(t, truth.calls, range);
    expect(await storedInbound()).toEqual(inboundOf(truth.calls));
    // The inbound call no agent took is rejected for having no agent, on its own line.
    const line = rows.findIndex((r) => r['Direction'] === 'inbound' && r['Duration'] === '30') + 2;
    expect(await rejectsOf(t, job.result!.batchId)).toEqual([expect.objectContaining({ line })]);
  });

  it('reads the same Twilio legs with RFC 2822 times (as the API writes them) and columns in another order', async () => {
    const rows = recordsOf(fixture('twilio-call-log.csv'));
    const truth = twilioTruth(rows);
    const rfc2822 = (utc: string) =>
      new Date(`${utc.replace(' ', 'T')}Z`).toUTCString().replace('GMT', '+0000');
    const names = [
      'Sid',
      'Parent Call Sid',
      'Direction',
      'Status',
      'From',
      'To',
      'Start Time',
      'Duration',
      'Price',
    ];
    const dir = tempDir();
    const file = path.join(dir, 'twilio-api-times.csv');
    fs.writeFileSync(
      file,
      [
        names.join(','),
        ...rows.map((r) => names.map((n) => (n === 'Start Time' ? `"${rfc2822(r[n]!)}"` : r[n]!)).join(',')),
      ].join('\n') + '\n',
    );
    try {
      const job = await t.importFile(file);
      expect(job.error).toBeNull();
      expect(job.result).toMatchObject({
        preset: 'twilio',
        inserted: truth.calls.length,
        rejected: truth.noAgent,
      });
      await expectHandCounts(t, truth.calls, range);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads RingCentral's classic call log, joining its Date and Time columns", async () => {
    const file = fixture('ringcentral-call-log.csv');
    const rows = recordsOf(file);
    const truth = rows.map((r) =>
      ringCentralCall({
        day: usDay(r['Date']!),
        extension: r['Extension']!,
        direction: r['Direction']!,
        result: r['Action Result']!,
        talk: hms(r['Duration']!),
      }),
    );
    const job = await t.importFile(file);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      preset: 'ringcentral',
      rows: rows.length,
      inserted: rows.length,
      rejected: 0,
    });
    await expectHandCounts(t, truth, range);
    expect(await storedInbound()).toEqual(inboundOf(truth));
    // 3:30 PM on Saturday is 15:30 wall clock: the Time column was read, not dropped.
    const long = await t.ws.kysely
      .selectFrom('calls')
      .select('started_at')
      .where('talk_seconds', '=', 3661)
      .executeTakeFirst();
    expect(long?.started_at).toBe(Date.UTC(2026, 10, 21, 15 - 8, 30));
  });

  it("reads RingCentral's newer call log (Session Id, one Start Time, seconds)", async () => {
    const calls = [
      {
        session: 's-901',
        start: '2026-11-24T01:00:00Z',
        direction: 'Outbound',
        to: '+12025550301',
        ext: '201',
        result: 'Call connected',
        talk: 95,
      },
      {
        session: 's-902',
        start: '2026-11-24T01:05:00Z',
        direction: 'Outbound',
        to: '+12025550302',
        ext: '201',
        result: 'No Answer',
        talk: 0,
      },
      {
        session: 's-903',
        start: '2026-11-24T17:00:00Z',
        direction: 'Outbound',
        to: '+12025550303',
        ext: '202',
        result: 'Call connected',
        talk: 40,
      },
      {
        session: 's-904',
        start: '2026-11-24T02:00:00Z',
        direction: 'Inbound',
        to: '+15550100200',
        ext: '202',
        result: 'Accepted',
        talk: 61,
      },
    ];
    const dir = tempDir();
    const file = path.join(dir, 'ringcentral-sessions.csv');
    fs.writeFileSync(
      file,
      'Session Id,Start Time,Direction,From,To,Extension,Result,Duration\n' +
        calls
          .map((c) =>
            [c.session, c.start, c.direction, '+15550100200', c.to, c.ext, c.result, c.talk].join(','),
          )
          .join('\n') +
        '\n',
    );
    try {
      const truth = calls.map((c) =>
        ringCentralCall({
          day: shanghaiDay(c.start.slice(0, 19).replace('T', ' ')),
          extension: c.ext,
          direction: c.direction,
          result: c.result,
          talk: c.talk,
        }),
      );
      const job = await t.importFile(file);
      expect(job.error).toBeNull();
      expect(job.result).toMatchObject({ preset: 'ringcentral', inserted: calls.length, rejected: 0 });
      await expectHandCounts(t, truth, range);
      expect(await storedInbound()).toEqual(inboundOf(truth));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
