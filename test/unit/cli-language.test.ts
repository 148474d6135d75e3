/**
 * The CLI speaks the user's language: `--lang`, else the workspace's language setting, else the
 * environment's locale (LANG/LC_ALL), else English. Real processes, real files, real workspaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliLanguage } from '../../src-main/cli-language';
import { progressText } from '../../src-main/progress-text';
import type { Job } from '../../src-shared/api';
import { translate } from '../../src-shared/i18n';
import type { Say } from '../../src-shared/i18n/message-code';
import { createApi } from '../../src-main/api';
import { openWorkspace } from '../../src-main/workspace';
import { FIXTURES, runCli, tempDir } from '../helpers';

// 15 rows: 12 good calls and 3 rows with a bad value (counted by hand in cli.test.ts).
const BASIC = path.join(FIXTURES, 'calls/callscope-basic.csv');
const ZH = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('which language the CLI speaks', () => {
  it('--lang, then the workspace setting, then LC_ALL / LC_MESSAGES / LANG, then English', () => {
    expect(cliLanguage('en', 'zh-CN', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, 'en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, 'zh-CN', { LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(cliLanguage(undefined, 'auto', { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLanguage(undefined, null, { LANG: 'zh_TW.UTF-8' })).toBe('zh-CN');
    expect(cliLanguage(undefined, null, { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, null, { LANG: 'en_GB.UTF-8', LC_ALL: 'zh_CN.GB18030' })).toBe('zh-CN');
    expect(cliLanguage(undefined, null, { LANG: 'C' })).toBe('en');
    expect(cliLanguage(undefined, null, {})).toBe('en');
  });

  it('progress lines in Chinese', () => {
    const job: Job = {
      id: 'j',
      kind: 'import',
      status: 'running',
      done: 25_000_000,
      total: 100_000_000,
      rows: 250_000,
      note: '',
      startedAt: 0,
      finishedAt: null,
      result: null,
      error: null,
    };
    const zh: Say = (key, params) => translate('zh-CN', key, params);
    // 250,000 rows in 5 s; a quarter of the bytes in 5 s leaves 15 s.
    expect(progressText('calls.csv', job, 5_000, zh)).toBe(
      'calls.csv：25% 250,000 行 50,000 行/秒，约剩 15 秒',
    );
    expect(progressText('calls.csv', { ...job, total: null }, 5_000, zh)).toBe(
      'calls.csv：250,000 行 50,000 行/秒',
    );
  });
});

describe('the CLI in Chinese', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--lang zh-CN: a file that fails says why in Chinese and exits 1; one that imports, its summary', () => {
    const db = path.join(dir, 'lang.sqlite');
    const empty = path.join(dir, '空文件.csv');
    fs.writeFileSync(empty, '');
    const failed = runCli(['import', empty, '--db', db, '--tz', 'Asia/Shanghai', '--lang', 'zh-CN']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`${empty}：文件是空的，没有任何内容`);
    expect(failed.stderr).not.toContain('the file is empty');

    const badZone = runCli(['import', empty, '--db', db, '--tz', 'Beijing', '--lang', 'zh-CN']);
    expect(badZone.status).toBe(2);
    expect(badZone.stderr).toBe('callscope import: --tz “Beijing”不是 IANA 时区名（例如 Asia/Shanghai）\n');

    const ok = runCli(['import', BASIC, '--db', db, '--lang', 'zh-CN']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain(
      `${BASIC}：共 15 行，新增 12 条，重复 0 条，异常 3 行（导入批次 1，格式 callscope）`,
    );
  });

  it('LANG=zh_CN.UTF-8: the same without --lang; --lang en still speaks English', () => {
    const db = path.join(dir, 'env.sqlite');
    const notes = path.join(dir, 'notes.csv');
    fs.writeFileSync(notes, 'Name,Note\nAlice,call back later\nBob,no answer today\nCarol,left a message\n');
    const failed = runCli(['import', notes, '--db', db, '--tz', 'Asia/Shanghai'], ZH);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      `${notes}：已按文本文件（utf-8，","分隔）读取，共 2 列，没有表头（第 1 列：姓名或文字、第 2 列：姓名或文字），但找不到开始时间（日期和时间）所在的列。请在列映射中指定对应的列，或确认这是一份通话记录`,
    );

    const ok = runCli(['import', BASIC, '--db', db], ZH);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain(
      `${BASIC}：共 15 行，新增 12 条，重复 0 条，异常 3 行（导入批次 1，格式 callscope）`,
    );

    const again = runCli(['import', BASIC, '--db', db, '--lang', 'en'], ZH);
    expect(again.stderr).toContain(
      `${BASIC}: 15 rows, 0 new, 12 duplicates, 3 rejected (batch 2, layout callscope)`,
    );

    // metrics: the table's headings in Chinese (the --json output is the same in every language).
    const table = runCli(['metrics', '--db', db, '--from', '2026-11-01', '--to', '2026-11-30'], ZH);
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[0]!.split(/\s+/)).toEqual([
      '维度',
      '外呼',
      '接通',
      '接通率',
      '有效通话',
      '通话秒数',
      '意向',
      '成交',
      '销售额',
    ]);
  });

  it("the workspace's language setting wins over the environment", async () => {
    const db = path.join(dir, 'setting.sqlite');
    const ws = await openWorkspace(db);
    const api = createApi(ws);
    const set = await api.dispatch('settings.update', { language: 'en', timeZone: 'Asia/Shanghai' });
    expect(set.ok).toBe(true);
    await api.close();
    await ws.close();
    const r = runCli(['import', BASIC, '--db', db], ZH);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `${BASIC}: 15 rows, 12 new, 0 duplicates, 3 rejected (batch 1, layout callscope)`,
    );
  });
});
