import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';

// Every header-based fixture, imported through the real pipeline without naming a layout: the
// layout chosen must be the product's own, never a generic one with broader synonyms.
const EXPECTED: [file: string, preset: string][] = [
  ['callscope-basic.csv', 'callscope'],
  ['zh-generic-gbk.csv', 'zh-generic'],
  ['zh-clink-gbk.csv', 'zh-generic'],
  ['zh-7moor-utf8bom.csv', 'zh-generic'],
  ['vicidial-calls.txt', 'vicidial'],
  ['five9-call-log.csv', 'five9'],
  ['talkdesk-calls-utf16le.txt', 'talkdesk'],
  ['aircall-calls-utf16be.csv', 'aircall'],
  ['generic-en-semicolon.csv', 'generic-en'],
  ['twilio-call-log.csv', 'twilio'],
  ['ringcentral-call-log.csv', 'ringcentral'],
];

describe('layout detection', () => {
  let t: TestWorkspace;
  beforeAll(async () => {
    t = await openTestWorkspace();
  });
  afterAll(async () => t.close());

  it.each(EXPECTED)('reads %s as %s', async (file, preset) => {
    const job = await t.importFile(path.join(FIXTURES, 'calls', file));
    expect(job.error).toBeNull();
    expect(job.result?.preset).toBe(preset);
  });
});
