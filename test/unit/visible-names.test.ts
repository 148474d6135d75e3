/**
 * Bidirectional control characters in names (a right-to-left override makes `gnp.exe` read as
 * `exe.png`) are shown as what they are, in the UI's sanitiser and in the PDF's HTML.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSpecSchema } from '../../src-shared/reports-model';
import { visibleName, visibleText } from '../../src-shared/visible-text';
import { reportFor } from '../../src-main/reports/generate';
import { reportHtml } from '../../src-main/reports/pdf-html';
import { openTestWorkspace } from '../helpers';

const RLO = '\u202E';

describe('visibleText', () => {
  it('shows every bidirectional control as its code point and leaves other text alone', () => {
    expect(visibleText(`${RLO}gnp.exe`)).toBe('[U+202E]gnp.exe');
    expect(
      visibleText('a\u200Eb\u200Fc\u061Cd\u2066e\u2067f\u2068g\u2069h\u202Ai\u202Bj\u202Ck\u202Dl'),
    ).toBe(
      'a[U+200E]b[U+200F]c[U+061C]d[U+2066]e[U+2067]f[U+2068]g[U+2069]h[U+202A]i[U+202B]j[U+202C]k[U+202D]l',
    );
    expect(visibleText('王伟 · 8001 (Ana)')).toBe('王伟 · 8001 (Ana)');
    expect(visibleName(null)).toBe(null);
  });
});

describe('the PDF report', () => {
  it('prints an agent named with a right-to-left override visibly', async () => {
    const t = await openTestWorkspace();
    const file = path.join(t.dir, 'rlo.csv');
    fs.writeFileSync(
      file,
      'call_id,agent_code,agent_name,team,campaign,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount,recording\n' +
        `R1,9001,${RLO}gnp.exe,${RLO}maet,C1,2026-11-03 09:15:02,13800138001,outbound,connected,5,125,intent,,\n`,
    );
    expect((await t.importFile(file)).status).toBe('done');
    const spec = ReportSpecSchema.parse({
      period: { kind: 'month', month: '2026-11' },
      scope: { kind: 'floor' },
      language: 'en',
    });
    const html = reportHtml(await reportFor(t.ws, spec, Date.parse('2026-12-01T04:00:00Z')));
    expect(html).not.toContain(RLO);
    expect(html).toContain('[U+202E]gnp.exe');
    await t.close();
  });
});
