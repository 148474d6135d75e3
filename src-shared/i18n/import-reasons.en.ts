/**
 * Why a row was not stored, for the bounds every reader and normaliser enforces. The import keeps
 * the key and its values with the reject (import_rejects.reason_code / reason_params), so the
 * Import page shows the reason in the UI's language; the stored `reason` is this English text.
 */
export const importReasonsEn = {
  'importReason.durationTooLong':
    'a duration of {value} seconds is longer than a call can last ({max} seconds, 24 hours): a misread or damaged value',
  'importReason.durationNegative': 'a duration cannot be negative ({value})',
  'importReason.amountTooLarge':
    'the amount {value} is beyond the largest accepted ({max}): a misread or damaged value',
  'importReason.amountNegative': 'an amount cannot be negative ({value})',
  'importReason.rowTooLong':
    'the row is longer than {max} characters (an unterminated quote, or not a table?); it was skipped up to the next line',
  'importReason.rowRunsAway':
    'a quoted field runs over {max} lines (an unterminated quote?); reading went on at line {resume}',
  'importReason.rowTooManyCells':
    'the row has a cell in column {column}, beyond the {max} columns a sheet can have; the row was skipped',
  'importReason.rowBeyondSheet':
    'the row number {row} is beyond the {max} rows a sheet can have; the row was skipped',
};
