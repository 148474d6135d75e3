/**
 * The one CSV writer: every CSV Callscope writes (report tables, the rejected-lines download)
 * goes through `toCsv`, so every one opens right in Excel and none can run a formula. A UTF-8 BOM
 * (else Excel on Chinese Windows reads GBK and garbles the text), CRLF line ends, quotes around
 * any field that needs them, and text cells neutralised against formula injection.
 */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text cell Excel or LibreOffice would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or
 * CR that some readers strip first) gets a leading apostrophe, so it opens as the text it is
 * (OWASP "CSV injection"). Only for text: a number column's -12 must stay the number -12, which is
 * why callers pass numbers as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers as they are, text neutralised, quoted where it must be. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
