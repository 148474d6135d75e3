/**
 * Writing CSV that Excel opens right: a UTF-8 BOM (else Excel on Chinese Windows reads GBK and
 * garbles the text), CRLF line ends, and quotes around any field that needs them.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A text cell Excel or LibreOffice would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or
 * CR that some readers strip first) gets a leading apostrophe, so it opens as the text it is
 * (OWASP "CSV injection"). Only for text: a number column's -12 must stay the number -12.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
