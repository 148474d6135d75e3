/**
 * Recording file-name patterns: how a dialer names the file of a call, e.g.
 * `{date:YYYYMMDD}-{time:HHmmss}-{agent}-*{phoneLast4}.*` for `20261204-091502-1001-13812345678.wav`.
 *
 * A pattern is a path relative to the recordings folder, `/` between folders. Tokens:
 *   {callId}         the call id of the dialer's export (calls imported without one have none)
 *   {date:FORMAT}    the call's local start day, FORMAT of YYYY, YY, MM, DD and any separators
 *   {time:FORMAT}    the call's local start time, FORMAT of HH, mm, ss and any separators
 *   {agent}          the agent code (工号)
 *   {phoneLast4}     the last four digits of the customer's number
 *   {phone}          the whole number, when the workspace keeps it
 * and `*` matches any run of characters inside the file name (not in folder names).
 * A pattern whose token has no value for a call (no call id, no number) does not apply to it.
 */

export const DEFAULT_PATTERNS: readonly string[] = [
  '{callId}.*',
  '{date:YYYYMMDD}-{time:HHmmss}-{agent}-*{phoneLast4}.*',
  '{date:YYYYMMDD}/{date:YYYYMMDD}-{time:HHmmss}-{agent}-*{phoneLast4}.*',
];

export const MAX_PATTERNS = 10;
export const MAX_PATTERN_LENGTH = 200;

/** What a pattern can say about one call (local date and time already in the workspace zone). */
export interface CallNaming {
  callId: string | null;
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM:SS */
  time: string;
  agent: string;
  phoneLast4: string | null;
  phone: string | null;
}

const TOKEN = /\{(callId|agent|phoneLast4|phone|date:[^{}]+|time:[^{}]+)\}/g;

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'a pattern is empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `a pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (pattern.includes('\\') || pattern.startsWith('/') || /^[a-zA-Z]:/.test(pattern))
    return `"${pattern}": a pattern is a path inside the recordings folder, with / between folders`;
  const segments = pattern.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..'))
    return `"${pattern}": a pattern cannot name an empty folder, . or ..`;
  if (segments.slice(0, -1).some((s) => s.includes('*')))
    return `"${pattern}": * is allowed in the file name only, not in folder names`;
  const unknown = pattern.replace(TOKEN, '').match(/\{[^}]*\}?/);
  if (unknown) return `"${pattern}": unknown token ${unknown[0]}`;
  return null;
}

function formatDate(format: string, day: string): string {
  const [y, m, d] = day.split('-') as [string, string, string];
  return format.replace(/YYYY|YY|MM|DD/g, (k) => ({ YYYY: y, YY: y.slice(2), MM: m, DD: d })[k]!);
}

function formatTime(format: string, time: string): string {
  const [h, mi, s] = time.split(':') as [string, string, string];
  return format.replace(/HH|mm|ss/g, (k) => ({ HH: h, mm: mi, ss: s })[k]!);
}

/**
 * The pattern with the call's values in place (`*` kept as the wildcard), or null when a token has
 * no value for this call. A value that would change the path's shape (a `/`) does not apply either.
 */
export function expandPattern(pattern: string, call: CallNaming): string | null {
  let missing = false;
  const expanded = pattern.replace(TOKEN, (_all, token: string) => {
    let value: string | null;
    if (token.startsWith('date:')) value = formatDate(token.slice(5), call.day);
    else if (token.startsWith('time:')) value = formatTime(token.slice(5), call.time);
    else if (token === 'callId') value = call.callId;
    else if (token === 'agent') value = call.agent;
    else if (token === 'phoneLast4') value = call.phoneLast4;
    else value = call.phone;
    if (value === null || value === '' || /[\\/*\0]/.test(value)) {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? null : expanded;
}

/** Splits an expanded pattern into its folder (may be '') and its file-name part. */
export function splitPath(expanded: string): { folder: string; name: string } {
  const slash = expanded.lastIndexOf('/');
  return slash < 0
    ? { folder: '', name: expanded }
    : { folder: expanded.slice(0, slash), name: expanded.slice(slash + 1) };
}

/** A file-name part with `*` wildcards as a whole-name matcher. */
export function nameMatcher(name: string): RegExp {
  const body = name
    .split('*')
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/**
 * A file-name part with `*` wildcards as a LIKE pattern with `\` as its escape (`%`, `_` and `\`
 * taken literally): portable, but case-blind on SQLite, so a hit is confirmed by `nameMatcher`.
 */
export function nameLike(name: string): string {
  return name.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}
