/**
 * A file that cannot be imported says why in the user's language: the error carries a catalogue
 * key and its values next to the English message (kept as it was), and the Chinese text keeps
 * the file name, line and column names. One case per family of file errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job, MessageCode } from '../../src-shared/api';
import { translate, type MessageParams } from '../../src-shared/i18n';
import type { MessageKey } from '../../src-shared/i18n/en';
import { messageIn } from '../../src-shared/i18n/message-code';
import { readerErrorCode } from '../../src-main/import/reader-error-code';
import { FIXTURES, openTestWorkspace, type TestWorkspace } from '../helpers';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

let t: TestWorkspace | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function failedImport(name: string, bytes: string | Buffer, options: { preset?: string } = {}) {
  const w = (t ??= await openTestWorkspace({ timeZone: 'Asia/Shanghai' }));
  const file = path.join(w.dir, name);
  fs.writeFileSync(file, bytes);
  const job = await w.importFile(file, options);
  expect(job.status).toBe('failed');
  return job;
}

function chinese(job: Job): string {
  return messageIn(zh, 'zh-CN', job.error!, job.errorCode);
}

describe('the file cannot be read at all', () => {
  it('an empty file', async () => {
    const job = await failedImport('空文件.csv', '');
    expect(job.error).toBe('空文件.csv: the file is empty');
    expect(job.errorCode).toEqual({ key: 'importError.empty', params: { file: '空文件.csv' } });
    expect(chinese(job)).toBe('空文件.csv：文件是空的，没有任何内容');
  });

  it('a file that is gone', async () => {
    const w = (t = await openTestWorkspace());
    const job = await w.importFile(path.join(w.dir, 'gone.csv'));
    expect(job.error).toBe('gone.csv: cannot read the file (ENOENT)');
    expect(job.errorCode).toEqual({
      key: 'importError.cannotRead',
      params: { file: 'gone.csv', reason: 'ENOENT' },
    });
    expect(chinese(job)).toBe('gone.csv：无法读取文件（ENOENT）');
  });

  it('a damaged .xlsx (a zip signature, then nothing a zip holds)', async () => {
    const job = await failedImport(
      '报表.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    );
    expect(job.error).toMatch(/^报表\.xlsx: not a readable \.xlsx workbook \(/);
    expect(job.errorCode).toEqual({ key: 'importError.notXlsx', params: { file: '报表.xlsx' } });
    expect(chinese(job)).toBe('报表.xlsx：无法作为 .xlsx 工作簿读取，文件可能已损坏，或者并不是 Excel 文件');
  });
});

describe('the workbook readers: reasons as codes', () => {
  it('size limits, other formats, passwords', () => {
    const cases: [string, 'xlsx' | 'xls', MessageCode, string][] = [
      [
        'the file is 130 MB; at most 100 MB can be read',
        'xls',
        { key: 'importError.tooLarge', params: { size: 130, max: 100 } },
        'a.xls：文件大小为 130 MB，最多只能读取 100 MB',
      ],
      [
        'the workbook is 250 MB; at most 200 MB can be read',
        'xls',
        { key: 'importError.tooLarge', params: { size: 250, max: 200 } },
        'a.xls：文件大小为 250 MB，最多只能读取 200 MB',
      ],
      [
        'this is a binary .xlsb workbook; save it as .xlsx or CSV and import that',
        'xlsx',
        { key: 'importError.oldFormat', params: { format: 'xlsb' } },
        'a.xls：这是二进制格式的 .xlsb 工作簿，请另存为 .xlsx 或 CSV 后再导入',
      ],
      [
        'this workbook is protected with a password; remove the password in Excel (or save it as CSV) and import that',
        'xlsx',
        { key: 'importError.password', params: {} },
        'a.xls：这个工作簿设置了密码保护。请在 Excel 中取消密码（或另存为 CSV）后再导入',
      ],
      [
        'a record at byte 512 runs past the end',
        'xls',
        { key: 'importError.notXls', params: {} },
        'a.xls：无法读取这个 .xls 工作簿。请用 Excel 打开，另存为 .xlsx 或 CSV 后再导入',
      ],
    ];
    for (const [reason, reader, code, text] of cases) {
      expect(readerErrorCode(reason, reader)).toEqual(code);
      const withFile = { key: code.key, params: { file: 'a.xls', ...code.params } };
      expect(messageIn(zh, 'zh-CN', reason, withFile)).toBe(text);
      // English keeps the reader's own message.
      expect(messageIn(en, 'en', reason, withFile)).toBe(reason);
    }
  });
});

describe('the table lacks what a call log needs', () => {
  it('a named layout whose header lacks columns names them and what the header has', async () => {
    const job = await failedImport('坐席.csv', '日期,备注\n2026-11-02 09:00,回访\n', { preset: 'callscope' });
    expect(job.errorCode?.key).toBe('importError.headerLacks');
    expect(job.error).toBe(
      '坐席.csv, line 1: the header lacks the column(s) agent_code, started_at, disposition of the Callscope CSV layout (found: 日期, 备注)',
    );
    expect(job.errorCode).toEqual({
      key: 'importError.headerLacks',
      params: {
        file: '坐席.csv',
        columns: ['agent_code', 'started_at', 'disposition'],
        layout: 'Callscope CSV',
        found: ['日期', '备注'],
        foundMore: 0,
      },
    });
    expect(chinese(job)).toBe(
      '坐席.csv，第 1 行：表头缺少“Callscope CSV”格式所需的列：agent_code、started_at、disposition（文件中的列：日期、备注）',
    );
  });

  it('content that holds no agent and no start time says what each column looked like', async () => {
    const job = await failedImport(
      'notes.csv',
      'Name,Note\nAlice,call back later\nBob,no answer today\nCarol,left a message\n',
    );
    expect(job.error).toBe(
      'notes.csv: read as a text file (utf-8, ","-separated) with 2 columns and no header (Column 1: names or text, Column 2: names or text); no column holds a start time (date and time). Choose the column in the mapping, or check that this is a call log',
    );
    expect(job.errorCode).toEqual({
      key: 'importError.noColumnHolds',
      params: {
        file: 'notes.csv',
        container: 'csv',
        encoding: 'utf-8',
        delimiter: ',',
        sheet: '',
        count: 2,
        hasHeader: 0,
        names: ['', ''],
        numbers: ['1', '2'],
        kinds: ['name', 'name'],
        columnsMore: 0,
        lacks: ['startedAt'],
      },
    });
    expect(chinese(job)).toBe(
      'notes.csv：已按文本文件（utf-8，","分隔）读取，共 2 列，没有表头（第 1 列：姓名或文字、第 2 列：姓名或文字），但找不到开始时间（日期和时间）所在的列。请在列映射中指定对应的列，或确认这是一份通话记录',
    );
  });

  it('a file cut short mid-row names its last line', async () => {
    const job = await failedImport(
      'cut.csv',
      'Date,Agent,Status,Duration\n2026-11-02 09:00,1001,Answered,30\n2026-11-02 09:05,1001,"Answ',
    );
    expect(job.error).toBe(
      'cut.csv, line 3: the file looks cut short: its last line has no line break and ends inside a quoted field. Nothing was stored: export or copy the file again and import the whole file',
    );
    expect(job.errorCode).toEqual({
      key: 'importError.cutShortQuote',
      params: { file: 'cut.csv', line: 3, cells: 3, columns: 4 },
    });
    expect(chinese(job)).toBe(
      'cut.csv，第 3 行：文件似乎不完整：最后一行没有换行符，且停在一个带引号的字段中间。未导入任何数据，请重新导出或复制完整的文件后再导入',
    );
  });
});

describe('a workbook sheet that is not there', () => {
  it('names the sheets the workbook has', async () => {
    const w = (t = await openTestWorkspace());
    const job = await w.api.jobs.wait(
      w.api.startImport(path.join(FIXTURES, 'calls/zh-generic.xlsx'), {
        displayName: 'zh-generic.xlsx',
        sheet: '三月',
      }),
    );
    expect(job.error).toBe('zh-generic.xlsx: there is no sheet "三月" (sheets: 说明, 通话记录)');
    expect(job.errorCode).toEqual({
      key: 'importError.noSuchSheet',
      params: { file: 'zh-generic.xlsx', sheet: '三月', sheets: ['说明', '通话记录'], sheetsMore: 0 },
    });
    expect(chinese(job)).toBe('zh-generic.xlsx：找不到名为“三月”的工作表（现有工作表：说明、通话记录）');
  });
});
