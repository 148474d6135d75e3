/**
 * Day-first vs month-first over the whole start column, not only the sample the plan reads: a row
 * past the sample written in the other order fails the import as a whole (nothing stored), naming
 * that line and the line that settled the order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileErrorText } from '../../src-renderer/pages/import/reason-text';
import { translate } from '../../src-shared/i18n';
import type { MessageKey } from '../../src-shared/i18n/en';
import { openTestWorkspace, type TestWorkspace } from '../helpers';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

let t: TestWorkspace | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const HEADER = 'Date,Agent,Status,Duration';
/** More rows than the plan samples (2000), so the last ones are only seen by the import itself. */
const ROWS = 2600;

const pad = (n: number) => String(n).padStart(2, '0');

/** Data rows of ambiguous dates (days 1–9 of November, each row its own call), line 2 the first. */
function ambiguousRows(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `0${1 + (i % 9)}/11/2026 09:${pad(Math.floor(i / 60) % 60)}:${pad(i % 60)},1001,Answered,30`,
  );
}

function writeFile(w: TestWorkspace, name: string, rows: string[]): string {
  const file = path.join(w.dir, name);
  fs.writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
  return file;
}

async function storedCalls(w: TestWorkspace): Promise<number> {
  return (await w.call('workspace.info')).calls;
}

describe('the date order checked over the whole column', () => {
  it('a month-first date past the sample of a day-first file fails the import, naming both lines', async () => {
    const w = (t = await openTestWorkspace({ timeZone: 'Europe/London' }));
    const rows = ambiguousRows(ROWS);
    rows[1] = '13/11/2026 09:00,1001,Answered,30'; // line 3 settles day-first
    rows[ROWS - 50] = '11/14/2026 09:00,1001,Answered,30'; // line 2552: 14 November month-first
    const job = await w.importFile(writeFile(w, 'eu.csv', rows));
    expect(job.status).toBe('failed');
    expect(job.error).toContain(
      'eu.csv: the dates in "Date" are written day-first on line 3 ("13/11/2026 09:00") and month-first on line 2552 ("11/14/2026 09:00"); one file must use one order. Nothing was stored',
    );
    // The Import page says it in Chinese in the zh-CN UI.
    expect(fileErrorText(zh, job.error!, 'zh-CN')).toBe(
      'eu.csv：“Date”列的日期在第 3 行（13/11/2026 09:00）是日在前，在第 2552 行（11/14/2026 09:00）却是月在前，同一个文件只能用一种日期写法。',
    );
    expect(fileErrorText(zh, job.error!, 'en')).toBe(job.error);
    expect(await storedCalls(w)).toBe(0);
  });

  it('a day-first date past the sample of a month-first file fails it the same way', async () => {
    const w = (t = await openTestWorkspace({ timeZone: 'America/New_York' }));
    const rows = ambiguousRows(ROWS);
    rows[4] = '11/20/2026 09:00,1001,Answered,30'; // line 6 settles month-first
    rows[ROWS - 1] = '25/11/2026 09:00,1001,Answered,30'; // the last line, 2601
    const job = await w.importFile(writeFile(w, 'us.csv', rows));
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(
      /written month-first on line 6 \("11\/20\/2026 09:00"\) and day-first on line 2601 \("25\/11\/2026 09:00"\)/,
    );
    expect(await storedCalls(w)).toBe(0);
  });

  it('an order chosen for an all-ambiguous sample is held against the rest of the file too', async () => {
    const w = (t = await openTestWorkspace({ timeZone: 'Europe/London' }));
    const rows = ambiguousRows(ROWS);
    rows[ROWS - 10] = '11/30/2026 09:00,1001,Answered,30'; // line 2592
    const file = writeFile(w, 'chosen.csv', rows);
    const job = await w.api.jobs.wait(
      w.api.startImport(file, { displayName: 'chosen.csv', dateOrder: 'dmy' }),
    );
    expect(job.status).toBe('failed');
    expect(job.error).toContain(
      'the dates in "Date" are read day-first as chosen for this file and month-first on line 2592 ("11/30/2026 09:00")',
    );
    expect(fileErrorText(zh, job.error!, 'zh-CN')).toBe(
      'chosen.csv：“Date”列的日期按选定的日在前读取，但第 2592 行（11/30/2026 09:00）是月在前，同一个文件只能用一种日期写法。',
    );
    expect(await storedCalls(w)).toBe(0);
  });

  it('a date that reads in neither order is a rejected row, not a conflict', async () => {
    const w = (t = await openTestWorkspace({ timeZone: 'Europe/London' }));
    const rows = ambiguousRows(ROWS);
    rows[1] = '13/11/2026 09:00,1001,Answered,30';
    rows[ROWS - 1] = '45/11/2026 09:00,1001,Answered,30';
    const job = await w.importFile(writeFile(w, 'bad-day.csv', rows));
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ inserted: ROWS - 1, rejected: 1 });
    expect(await storedCalls(w)).toBe(ROWS - 1);
  });
});
