/**
 * The two-engine matrix is complete: every test file that touches a database either runs on both
 * engines (the PostgreSQL pass of `npm test`) or says why it runs on one (test/engine-matrix.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOTH_ENGINES, ONE_ENGINE } from '../engine-matrix.mjs';
import { REPO } from '../helpers';

/** What opens a workspace, a database or the CLI (which opens one). */
const TOUCHES_A_DATABASE =
  /openTestWorkspace|openWorkspace|runCli|better-sqlite3|openConnection|openDatabase|createTestDatabase|useTestDatabase|electron/;

const unitFiles = fs
  .readdirSync(path.join(REPO, 'test/unit'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/unit/${name}`)
  .filter((file) => file !== 'test/unit/engine-matrix.test.ts'); // names those words itself
const text = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

describe('the engine matrix', () => {
  it('lists every test file that touches a database, once', () => {
    const unlisted = unitFiles.filter(
      (file) => TOUCHES_A_DATABASE.test(text(file)) && !BOTH_ENGINES.includes(file) && !(file in ONE_ENGINE),
    );
    expect(unlisted).toEqual([]);
    expect(BOTH_ENGINES.filter((file) => file in ONE_ENGINE)).toEqual([]);
    expect(new Set(BOTH_ENGINES).size).toBe(BOTH_ENGINES.length);
  });

  it('runs on both engines only files that open their workspaces through openTestWorkspace', () => {
    for (const file of BOTH_ENGINES) {
      expect(unitFiles, file).toContain(file);
      expect(text(file), file).toMatch(/openTestWorkspace\(/);
    }
  });

  it('says why a file runs on one engine', () => {
    for (const [file, reason] of Object.entries(ONE_ENGINE)) {
      expect(unitFiles, file).toContain(file);
      expect(reason.length, file).toBeGreaterThan(10);
    }
  });
});
