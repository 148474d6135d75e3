/**
 * The catalogue key (and values) for a workbook reader's English reason (xlsx.ts, xls.ts,
 * markup-table.ts), so the error reaches a Chinese user in Chinese. The readers keep their own
 * English texts; a reason not listed here reads as "not a readable workbook".
 */
import type { MessageCode } from '../../src-shared/api';
import type { ImportErrorKey } from './import-error';

type Rule = [RegExp, (m: RegExpExecArray) => { key: ImportErrorKey; params: MessageCode['params'] }];

const RULES: Rule[] = [
  [/^the (?:file|workbook) is (\d+) MB; at most (\d+) MB can be read/, (m) => tooLarge(m[1]!, m[2]!)],
  [/password/, () => ({ key: 'importError.password', params: {} })],
  [/^this is a binary \.xlsb workbook/, () => oldFormat('xlsb')],
  [/^this is an OpenDocument \(\.ods\)/, () => oldFormat('ods')],
  [/^this is an old Excel \.xls file/, () => oldFormat('xls')],
  [/^this is an Excel 5\/95 workbook/, () => oldFormat('excel95')],
  [/^cannot read the file \((\w+)\)/, (m) => ({ key: 'importError.cannotRead', params: { reason: m[1]! } })],
  [/shared strings table holds more than/, () => ({ key: 'importError.workbookTooBig', params: {} })],
];

function tooLarge(size: string, max: string) {
  return { key: 'importError.tooLarge' as const, params: { size: Number(size), max: Number(max) } };
}

function oldFormat(format: string) {
  return { key: 'importError.oldFormat' as const, params: { format } };
}

export function readerErrorCode(
  reason: string,
  reader: 'xlsx' | 'xls',
): { key: ImportErrorKey; params: MessageCode['params'] } {
  for (const [pattern, code] of RULES) {
    const m = pattern.exec(reason);
    if (m) return code(m);
  }
  return { key: reader === 'xlsx' ? 'importError.notXlsx' : 'importError.notXls', params: {} };
}
