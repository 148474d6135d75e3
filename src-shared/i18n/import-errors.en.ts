/**
 * Why a file could not be imported as a whole (src-main/import's ImportError), and what the CLI
 * says of its own. The error carries one of these keys with its values next to the English
 * message (kept for logs and tests), so the Import page and the CLI say it in the user's language.
 */
export const importErrorsEn = {
  'importError.notAFile': '{file}: not a file',
  'importError.cannotRead': '{file}: cannot read the file ({reason})',
  'importError.empty': '{file}: the file is empty',
  'importError.noRows': '{file}: the file has no rows',
  'importError.notXlsx': '{file}: not a readable .xlsx workbook',
  'importError.notXls':
    '{file}: not a readable .xls workbook; open it in Excel, save it as .xlsx or CSV and import that',
  'importError.oldFormat': '{file}: this is {format}; save it as .xlsx or CSV and import that',
  'importError.format.xlsb': 'a binary .xlsb workbook',
  'importError.format.ods': 'an OpenDocument (.ods) spreadsheet',
  'importError.format.xls': 'an old Excel .xls file',
  'importError.format.excel95': 'an Excel 5/95 workbook',
  'importError.password':
    '{file}: this workbook is protected with a password; remove the password in Excel (or save it as CSV) and import that',
  'importError.workbookTooBig':
    '{file}: the workbook holds more than Callscope reads; save the sheet as CSV and import that',
  'importError.tooLarge': '{file}: the file is {size} MB; at most {max} MB can be read',
  'importError.noSheets': '{file}: the workbook has no sheets',
  'importError.noSuchSheet': '{file}: there is no sheet "{sheet}" (sheets: {sheets})',
  'importError.headerLacks':
    '{file}, line 1: the header lacks the column(s) {columns} of the {layout} layout (found: {found})',
  'importError.rowsLack':
    '{file}, line 1: the rows lack the column(s) {columns} of the {layout} layout (found: {found})',
  'importError.columnCount': '{file}: the rows have {count} columns; the {layout} layout has {expected}',
  'importError.noColumnHolds':
    '{file}: read as {how} with {count} columns {header} ({columns}); no column holds {lacks}. Choose the column in the mapping, or check that this is a call log',
  'importError.how.text': 'a text file ({encoding}, {delimiter}-separated)',
  'importError.how.sheet': 'an Excel workbook (sheet "{sheet}")',
  'importError.tab': 'tab',
  'importError.header.yes': 'under a header',
  'importError.header.no': 'and no header',
  'importError.and': ' and ',
  'importError.more': '{list} … and {n} more',
  'importError.columnNumber': 'Column {n}',
  'importError.columnKind': '{name}: {kind}',
  'importError.field.agentCode': 'an agent (工号, extension or name)',
  'importError.field.startedAt': 'a start time (date and time)',
  'importError.kind.empty': 'empty',
  'importError.kind.instant': 'dates and times',
  'importError.kind.date': 'dates',
  'importError.kind.time': 'times of day',
  'importError.kind.duration': 'durations',
  'importError.kind.phone': 'phone numbers',
  'importError.kind.extension': 'short numbers',
  'importError.kind.agent': 'names with codes',
  'importError.kind.status': 'a few repeated words',
  'importError.kind.amount': 'numbers',
  'importError.kind.id': 'unique ids',
  'importError.kind.name': 'names or text',
  'importError.kind.text': 'text',
  'importError.changedRemoved':
    '{file}: the file changed while it was read (it was removed); it may still be being written or copied. Nothing was stored: import it again once it is complete',
  'importError.changedSize':
    '{file}: the file changed while it was read (its size went from {from} to {to} bytes); it may still be being written or copied. Nothing was stored: import it again once it is complete',
  'importError.changedModified':
    '{file}: the file changed while it was read (it was modified); it may still be being written or copied. Nothing was stored: import it again once it is complete',
  'importError.cutShortQuote':
    '{file}, line {line}: the file looks cut short: its last line has no line break and ends inside a quoted field. Nothing was stored: export or copy the file again and import the whole file',
  'importError.cutShortColumns':
    '{file}, line {line}: the file looks cut short: its last line has no line break and has {cells} of the {columns} columns. Nothing was stored: export or copy the file again and import the whole file',
  'importError.interrupted': '{file}: the import stopped before the end of the file',
  'importError.unknownPreset': '{file}: unknown layout preset "{preset}"',

  'cli.imported':
    '{file}: {rows} rows, {inserted} new, {duplicates} duplicates, {rejected} rejected (batch {batch}, layout {layout})',
  'cli.allRejected':
    "{file}: every row was rejected, nothing was stored (see the rejected rows in the app's Import page)",
  'cli.importFailed': '{file}: import failed',
  'cli.importCancelled': '{file}: import cancelled',
  'cli.waitingImport': '{label}: waiting for the import of {file} to finish',
  'cli.waitingWrite': '{label}: waiting for another write to the workspace to finish',
  'cli.unsettledDates':
    '{file}: every date in "{column}" reads either day first or month first (e.g. "{example}"); nothing was stored. Say which with {options}',
  'cli.dateOrderOptions': '--date-order dmy ({dmy}) or --date-order mdy ({mdy})',
  'cli.dateOrderPlain': '--date-order dmy or --date-order mdy',
  'cli.progress': '{label}: {progress}',
  'cli.progress.rows': '{n} rows',
  'cli.progress.rate': '{n} rows/s',
  'cli.progress.left': ', about {n} s left',
  'cli.needsFile': 'import needs at least one file',
  'cli.cannotRead': 'cannot read {file}: {reason}',
  'cli.noWorkspace': 'no workspace at {path}',
  'cli.badDateOrder': '--date-order must be dmy (day first) or mdy (month first), not "{value}"',
  'cli.badTimeZone': '--tz "{value}" is not an IANA time zone (e.g. Asia/Shanghai)',
  'cli.badLang': '--lang must be one of {languages}, not "{value}"',
  'cli.metrics.key': 'key',
  'cli.metrics.dials': 'dials',
  'cli.metrics.connects': 'connects',
  'cli.metrics.rate': 'rate',
  'cli.metrics.effective': 'effective',
  'cli.metrics.talk': 'talk s',
  'cli.metrics.intents': 'intents',
  'cli.metrics.sales': 'sales',
  'cli.metrics.revenue': 'revenue',
  'cli.metrics.none': '(none)',
};
