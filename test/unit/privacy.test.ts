/**
 * What a workspace keeps about customers by default: a salted hash of the number (to count repeat
 * dials of one lead) and its last four digits. No full number is in the database file, in its
 * write-ahead log, in a rejected row's stored text, or in anything the app exports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvFiles } from '../../src-main/reports/csv';
import { reportFor } from '../../src-main/reports/generate';
import { reportHtml } from '../../src-main/reports/pdf-html';

import { openTestWorkspace, type TestWorkspace } from '../helpers';
import { now } from '../../src-main/clock';

const NUMBERS = Array.from({ length: 12 }, (_, i) => `1391234${String(5000 + i * 37).padStart(4, '0')}`);

describe('customer numbers', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace({ timeZone: 'Asia/Shanghai' });
  });
  afterEach(async () => t.close());

  it('are stored as a salted hash and the last four digits only, and exports mask them', async () => {
    const file = path.join(t.dir, 'calls.csv');
    const rows = NUMBERS.map(
      (phone, i) =>
        `P${i},800${i % 3},2026-11-0${1 + (i % 5)} 10:0${i % 10}:00,+86 ${phone},${i === 4 ? 'exploded' : 'connected'},${40 + i}`,
    );
    fs.writeFileSync(
      file,
      ['call_id,agent_code,started_at,phone,disposition,talk_seconds', ...rows].join('\n'),
    );
    const job = await t.importFile(file, { preset: 'callscope' });
    expect(job.result).toMatchObject({ inserted: 11, rejected: 1 });

    const stored = await t.ws.kysely
      .selectFrom('calls')
      .select(['phone_hash', 'phone_last4', 'phone_full'])
      .execute();
    for (const c of stored) {
      expect(c.phone_full).toBeNull();
      expect(c.phone_hash).toMatch(/^[0-9a-f]{32}$/);
      expect(NUMBERS.some((n) => c.phone_last4 !== null && n.endsWith(c.phone_last4))).toBe(true);
    }
    // The rejected row is kept to be fixed, with its number masked.
    const rejects = await t.call('import.rejects', {
      batchId: job.result!.batchId,
    });
    expect(rejects.rows[0]!.raw).toContain('+•• •••••••5148');

    // What leaves the app: the rejects CSV and the calls explorer.
    const { csv } = await t.call('import.rejectsCsv', { batchId: job.result!.batchId });
    const { rows: listed } = await t.call('calls.list', {
      filter: { from: '2026-11-01', to: '2026-11-05' },
    });
    expect(listed).toHaveLength(11);
    // The monthly report: its model (which the XLSX and PDF are written from), its CSV files and
    // the PDF's HTML.
    const report = await reportFor(
      t.ws,
      { period: { kind: 'month', month: '2026-11' }, scope: { kind: 'floor' }, language: 'zh-CN' },
      now(),
    );
    const reportTexts = [
      JSON.stringify(report),
      ...csvFiles(report).map((f) => f.data.toString('utf8')),
      reportHtml(report),
    ];
    for (const text of [csv, JSON.stringify(listed), ...reportTexts]) {
      for (const n of NUMBERS) expect(text).not.toContain(n.slice(-8));
    }

    // And what is stored: every row of every table, and for a workspace file its bytes on disk
    // (database and write-ahead log both).
    const tables = await t.ws.kysely.introspection.getTables();
    const tableRows = await Promise.all(
      tables.map(async (table) =>
        JSON.stringify(await sql`SELECT * FROM ${sql.table(table.name)}`.execute(t.ws.kysely)),
      ),
    );
    const onDisk = [t.file, `${t.file}-wal`]
      .filter((f) => t.ws.engine === 'sqlite' && fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString('latin1'));
    const everything = [...tableRows, ...onDisk].join('');
    expect(everything.length).toBeGreaterThan(10_000);
    for (const n of NUMBERS) {
      expect(everything).not.toContain(n);
      expect(everything).not.toContain(n.slice(-8)); // not even the number without its prefix
    }
  });
});
