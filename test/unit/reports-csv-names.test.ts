/** The CSV files inside a report zip are named in the report's language (read back with yauzl). */
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src-shared/domain';
import type { Report, ReportTable } from '../../src-shared/reports-model';
import { writeCsvZip } from '../../src-main/reports/csv';

function table(id: string, title: string): ReportTable {
  return {
    id,
    title,
    columns: [{ key: 'n', header: 'n', type: 'count', total: { kind: 'none' } }],
    rows: [{ n: 1 }],
    totals: false,
  };
}

function report(language: Language, tables: ReportTable[]): Report {
  return {
    title: 'r',
    periodLabel: '2026-11',
    range: { from: '2026-11-01', to: '2026-11-30' },
    scopeLabel: '',
    language,
    currency: 'CNY',
    generatedAt: Date.UTC(2026, 11, 1),
    timeZone: 'Asia/Shanghai',
    close: null,
    lines: [],
    tables,
    charts: [],
  };
}

function entryNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return reject(err);
      const names: string[] = [];
      file.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        file.readEntry();
      });
      file.on('end', () => resolve(names));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

describe('CSV names in the report zip', () => {
  it('a Chinese report names its files in Chinese, in order', async () => {
    const names = await entryNames(
      writeCsvZip(report('zh-CN', [table('summary', '汇总'), table('auditItems', '抽检项目')])),
    );
    expect(names).toEqual(['01-汇总.csv', '02-抽检项目.csv']);
  });

  it('an English report keeps the short English names', async () => {
    const names = await entryNames(writeCsvZip(report('en', [table('summary', 'Summary')])));
    expect(names).toEqual(['01-summary.csv']);
  });

  it('a title with path or reserved characters still makes one safe file name', async () => {
    const names = await entryNames(writeCsvZip(report('zh-CN', [table('x', '团队/组: A*B')])));
    expect(names).toEqual(['01-团队-组- A-B.csv']);
  });
});
