import type { MessageCode } from '../../src-shared/api';
import { importErrorsEn } from '../../src-shared/i18n/import-errors.en';
import { ApiError } from '../errors';
import { listForCode, listForMessage } from './message-list';

export type ImportErrorKey = keyof typeof importErrorsEn;

/**
 * A file that cannot be imported as a whole; the message names the file (and line, field). The
 * catalogue key and its values say the same in the user's language (the English message stays
 * as it is, for logs and tests).
 */
export class ImportError extends ApiError {
  constructor(message: string, key?: ImportErrorKey, params: MessageCode['params'] = {}) {
    super('bad_input', message, key === undefined ? undefined : { key, params });
    this.name = 'ImportError';
  }
}

/** A key that crossed a thread as a string, if the catalogue has it. */
export function importErrorKey(key: string | undefined): ImportErrorKey | undefined {
  return key !== undefined && isImportErrorKey(key) ? key : undefined;
}

function isImportErrorKey(key: string): key is ImportErrorKey {
  return Object.hasOwn(importErrorsEn, key);
}

/** A layout's columns that the header (or the rows of a header-less file) lack, naming what it has. */
export function lacksColumnsError(
  displayName: string,
  hasHeader: boolean,
  wanted: readonly string[],
  layout: string,
  columnNames: readonly string[],
): ImportError {
  const where = hasHeader ? 'the header lacks' : 'the rows lack';
  const found = listForCode(columnNames);
  return new ImportError(
    `${displayName}, line 1: ${where} the column(s) ${wanted.join(', ')} of the ${layout} layout ` +
      `(found: ${listForMessage(columnNames)})`,
    hasHeader ? 'importError.headerLacks' : 'importError.rowsLack',
    { file: displayName, columns: [...wanted], layout, found: found.items, foundMore: found.more },
  );
}
