/**
 * The preview runs on its own worker thread within a time and a memory budget, and what it hands
 * back is bounded however wide or long the file's cells are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src-shared/api';
import { previewInWorker } from '../../src-main/import/preview-in-worker';
import { FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';

const HOSTILE_ADVICE = 'The file may be damaged or hostile; check that it is the export you meant.';

describe('the preview worker', () => {
  let t: TestWorkspace;
  let singleLine: string;
  beforeAll(async () => {
    t = await openTestWorkspace();
    // 12 MB on one line: no newline for the reader to stop at.
    singleLine = path.join(t.dir, 'one-line.csv');
    fs.writeFileSync(singleLine, 'agent,'.repeat(2 * 1024 * 1024));
  });
  afterAll(() => t.close());

  const request = (file: string, choices: { hasHeader?: boolean } = {}) => ({
    dbFile: t.file,
    file,
    displayName: path.basename(file),
    choices,
    timeZone: 'Asia/Shanghai',
  });

  it('stops a preview over its time budget and says so', async () => {
    await expect(previewInWorker(request(singleLine), { timeMs: 50, memoryMb: 512 })).rejects.toThrow(
      `one-line.csv: the preview took longer than 0.05 s and was stopped. ${HOSTILE_ADVICE}`,
    );
  });

  it('stops a preview over its memory budget and says so', async () => {
    await expect(previewInWorker(request(singleLine), { timeMs: 60_000, memoryMb: 8 })).rejects.toThrow(
      `one-line.csv: reading the preview needed more than 8 MB and was stopped. ${HOSTILE_ADVICE}`,
    );
  });

  it('previews again after a preview was stopped', async () => {
    const preview = await previewInWorker(request(path.join(FIXTURES, 'calls/callscope-basic.csv')));
    expect(preview.fileName).toBe('callscope-basic.csv');
    expect(preview.rows.length).toBeGreaterThan(0);
  });

  it('bounds the columns and the length of every text it returns', async () => {
    // 600 columns, each header 400 characters long, and one data row of 1,000-character cells.
    const wide = path.join(t.dir, 'wide.csv');
    const header = Array.from({ length: 600 }, (_, i) => `h${i}`.padEnd(400, 'x')).join(',');
    const row = Array.from({ length: 600 }, () => 'v'.repeat(1000)).join(',');
    fs.writeFileSync(wide, `${header}\n${row}\n`);
    // Text over text tells no header from its content: the user says the first row is one.
    const preview: ImportPreview = await previewInWorker(request(wide, { hasHeader: true }));
    expect(preview.columnNames.length).toBe(501);
    expect(preview.columnNames[0]).toBe(`h0${'x'.repeat(298)}… (100 more characters)`);
    expect(preview.sampleCells[0]!.length).toBe(501);
    expect(preview.sampleCells[0]![1]).toBe(`${'v'.repeat(300)}… (700 more characters)`);
    expect(JSON.stringify(preview).length).toBeLessThan(1024 * 1024);
  });
});
