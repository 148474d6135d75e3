/**
 * The monthly summary end to end through the real CLI on a real workspace: the XLSX read back with
 * exceljs against `cli metrics`, the CSV parsed back (injection cells neutralised, numbers left as
 * numbers), the PDF printed by the system Chromium and read back with poppler (pdftoppm, pdftotext).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../src-shared/api';
import { lastMonth, periodRange } from '../../src-shared/reports-model';
import { todayIn } from '../../src-shared/time';
import { REPO, runCli, runCliAsync, tempDir } from '../helpers';
import { now } from '../../src-main/clock';

const SCREENSHOTS = path.join(REPO, 'test-results/screenshots');

type JsonRow = Omit<MetricsRow, 'label' | 'id'>;

/** RFC 4180 fields, enough for our own writer's output (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  return rows;
}

describe('report exports', () => {
  let dir: string;
  let db: string;
  let month: string;
  let from: string;
  let to: string;
  let floor: JsonRow;
  let byAgent: JsonRow[];

  const cli = (args: string[]) => {
    const r = runCli([...args, '--db', db]);
    if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
    return r;
  };

  beforeAll(() => {
    dir = tempDir();
    db = path.join(dir, 'workspace.sqlite');
    cli(['demo', '--agents', '12', '--days', '75', '--seed', '11']);
    // Names a spreadsheet would run as formulas, as an import could bring them in.
    const raw = new BetterSqlite3(db);
    raw
      .prepare('UPDATE teams SET name = ? WHERE id = (SELECT min(id) FROM teams)')
      .run('=HYPERLINK("http://evil.example","click")');
    raw.prepare('UPDATE agents SET name = ? WHERE id = (SELECT min(id) FROM agents)').run('+1');
    raw.prepare('UPDATE agents SET name = ? WHERE id = (SELECT max(id) FROM agents)').run('@SUM(A1)');
    raw.close();
    const tz = JSON.parse(
      new BetterSqlite3(db, { readonly: true })
        .prepare("SELECT value FROM settings WHERE key='timeZone'")
        .pluck()
        .get() as string,
    ) as string;
    month = lastMonth(todayIn(tz, now()));
    ({ from, to } = periodRange({ kind: 'month', month }));
    floor = (JSON.parse(cli(['metrics', '--from', from, '--to', to, '--json']).stdout) as { rows: JsonRow[] })
      .rows[0]!;
    byAgent = (
      JSON.parse(cli(['metrics', '--from', from, '--to', to, '--by', 'agent', '--json']).stdout) as {
        rows: JsonRow[];
      }
    ).rows;
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the XLSX holds real numbers, formats, frozen headers and totals formulas that agree with cli metrics', async () => {
    const out = path.join(dir, 'report.xlsx');
    cli(['report', '--month', month, '--lang', 'zh-CN', '--format', 'xlsx', '--out', out]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '坐席',
      '每日',
      '团队',
      '活动',
      '录音抽检',
      '抽检项目',
      '质检评语',
      '行为评价',
      '辅导跟进',
    ]);

    const summary = book.getWorksheet('汇总')!;
    expect(summary.getRow(2).getCell(1).value).toBe('指标');
    const byLabel = new Map<string, ExcelJS.Row>();
    summary.eachRow((row) => byLabel.set(String(row.getCell(1).value), row));
    expect(byLabel.get('外呼量')!.getCell(2).value).toBe(floor.dials);
    expect(byLabel.get('接通量')!.getCell(2).value).toBe(floor.connects);
    expect(byLabel.get('接通率')!.getCell(2).value).toBeCloseTo(floor.connectRate!, 12);
    expect(byLabel.get('接通率')!.getCell(2).numFmt).toBe('0.0%');
    // exceljs reads a number with a time format back as a Date: its serial is the stored number (days)
    const talk = byLabel.get('通话时长')!.getCell(2).value as Date;
    expect((talk.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000).toBeCloseTo(floor.talkSeconds / 86_400, 9);
    expect(byLabel.get('通话时长')!.getCell(2).numFmt).toBe('[h]:mm:ss');
    expect(byLabel.get('销售额')!.getCell(2).value).toBeCloseTo(floor.revenue / 100, 6);
    expect(byLabel.get('销售额')!.getCell(2).numFmt).toContain('#,##0.00');

    const agents = book.getWorksheet('坐席')!;
    expect(agents.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const header = (agents.getRow(2).values as unknown[]).slice(1).map(String);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(header.slice(0, 4)).toEqual(['排名', '工号', '坐席', '组']);
    const dataRows = byAgent.length;
    for (let r = 3; r < 3 + dataRows; r++) {
      const row = agents.getRow(r);
      const expected = byAgent.find((a) => a.key === row.getCell(col('工号')).value)!;
      expect(row.getCell(col('外呼量')).value).toBe(expected.dials);
      expect(row.getCell(col('成交')).value).toBe(expected.sales);
      expect(row.getCell(col('接通率')).value).toBeCloseTo(expected.connectRate!, 12);
      expect(row.getCell(col('销售额')).value).toBeCloseTo(expected.revenue / 100, 6);
      expect(row.getCell(col('排名')).value).toBe(r - 2);
    }
    const totals = agents.getRow(3 + dataRows);
    expect(totals.getCell(col('工号')).value).toBe('合计');
    const dials = totals.getCell(col('外呼量')).value as ExcelJS.CellFormulaValue;
    const letter = (name: string) => agents.getColumn(col(name)).letter;
    expect(dials.formula).toBe(`SUM(${letter('外呼量')}3:${letter('外呼量')}${2 + dataRows})`);
    expect(dials.result).toBe(floor.dials);
    // the rate of the totals row is the ratio of the summed columns, not an average of rates
    const rate = totals.getCell(col('接通率')).value as ExcelJS.CellFormulaValue;
    expect(rate.formula).toBe(
      `IF(${letter('外呼量')}${3 + dataRows}=0,"",${letter('接通量')}${3 + dataRows}/${letter('外呼量')}${3 + dataRows})`,
    );
    expect(rate.result).toBeCloseTo(floor.connectRate!, 12);

    const daily = book.getWorksheet('每日')!;
    expect(daily.getRow(3).getCell(1).value).toBeInstanceOf(Date);
    expect(daily.getRow(3).getCell(1).numFmt).toBe('yyyy-mm-dd');
  });

  it('the CSV tables parse back with a BOM, neutralised formula cells and plain numbers', () => {
    const out = path.join(dir, 'csv');
    cli(['report', '--month', month, '--lang', 'en', '--format', 'csv', '--out', out]);
    expect(fs.readdirSync(out).sort()).toEqual([
      '01-summary.csv',
      '02-agents.csv',
      '03-daily.csv',
      '04-teams.csv',
      '05-campaigns.csv',
      '06-audits.csv',
      '07-auditItems.csv',
      '08-auditComments.csv',
      '09-ratings.csv',
      '10-followUps.csv',
    ]);
    const text = fs.readFileSync(path.join(out, '02-agents.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    expect(header).toContain('Revenue (CNY)');
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells).toContain("'+1");
    expect(cells).toContain("'@SUM(A1)");
    expect(cells.some((c) => /^[=+@]/.test(c))).toBe(false);
    const total = rows[rows.length - 1]!;
    expect(total[at('Agent code')]).toBe('Total');
    expect(Number(total[at('Dials')])).toBe(floor.dials);
    expect(Number(total[at('Connect rate (%)')])).toBeCloseTo(floor.connectRate! * 100, 2);
    expect(Number(total[at('Revenue (CNY)')])).toBeCloseTo(floor.revenue / 100, 2);

    const teams = parseCsv(fs.readFileSync(path.join(out, '04-teams.csv'), 'utf8').slice(1));
    expect(teams.map((r) => r[0])).toContain(`'=HYPERLINK("http://evil.example","click")`);
    // a change below zero stays the number it is
    const summary = parseCsv(fs.readFileSync(path.join(out, '01-summary.csv'), 'utf8').slice(1));
    for (const r of summary.slice(1))
      for (const c of r.slice(1, 4)) expect(c === '' || Number.isFinite(Number(c))).toBe(true);
  });

  it.each(['en', 'zh-CN'] as const)(
    'the PDF (%s) prints to A4 pages whose text holds the KPI values',
    (lang) => {
      const out = path.join(dir, `report-${lang}.pdf`);
      cli(['report', '--month', month, '--lang', lang, '--format', 'pdf', '--out', out]);
      const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
      const grouped = new Intl.NumberFormat(lang).format;
      expect(text).toContain(grouped(floor.dials));
      expect(text).toContain(grouped(floor.connects));
      expect(text).toContain(`${(floor.connectRate! * 100).toFixed(1)}%`);
      expect(text).toContain(grouped(floor.revenue / 100).split('.')[0]);
      expect(text).toContain(lang === 'en' ? 'Monthly summary' : '月度汇总');
      expect(text).toContain(lang === 'en' ? 'Dials' : '外呼量');
      // the demo has no audits: the audit trend says so instead of drawing empty axes
      expect(text).toContain(lang === 'en' ? 'no audit trend to draw' : '无抽检趋势可画');
      expect(text).toMatch(/\b1 ?\/ ?\d+/); // page numbers
      expect(text).toContain(month);

      const prefix = path.join(dir, `page-${lang}`);
      const r = spawnSync('pdftoppm', ['-r', '70', '-png', out, prefix]);
      expect(r.status).toBe(0);
      const pages = fs
        .readdirSync(dir)
        .filter((f) => f.startsWith(`page-${lang}`))
        .sort();
      expect(pages.length).toBeGreaterThanOrEqual(2);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [i, page] of pages.entries()) {
        const png = fs.readFileSync(path.join(dir, page));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        // A4 landscape at 70 dpi: about 818 x 579 pixels
        expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
        fs.writeFileSync(path.join(SCREENSHOTS, `reports-pdf-${lang}-${i + 1}.png`), png);
      }
    },
  );

  it('refuses an unknown scope and a malformed month', async () => {
    const xlsxFor = (...options: string[]) =>
      runCliAsync(['report', '--db', db, '--month', month, ...options, '--format', 'xlsx', '--out', 'x']);
    // three independent refusals, side by side
    const [malformed, r, zh] = await Promise.all([
      runCliAsync(['report', '--db', db, '--month', '2026-13', '--format', 'pdf', '--out', 'x']),
      xlsxFor('--scope', 'team:nobody'),
      // --lang names the report's language and the messages' too.
      xlsxFor('--scope', 'agent:0000', '--lang', 'zh-CN'),
    ]);
    expect(malformed.status).toBe(2);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no team named "nobody"');
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('没有工号为“0000”的坐席');
  });
});
