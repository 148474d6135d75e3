/**
 * Reading a table from its CONTENT, the way DuckDB's CSV sniffer reads one: where the table starts
 * (title rows, "导出人/导出时间" and query-condition lines above the header are skipped), whether
 * its first row is a header (its type pattern differs from the rows below it), and what each column
 * holds (instants, dates, times of day, durations, phone numbers, extensions, statuses, amounts,
 * names), helped by the header's words and the hints in its brackets (units, zones). Reads only
 * the sample; what it decides is plain data (`ColumnReadings`) the per-row normaliser applies.
 */
import type { CallField } from '../../src-shared/domain';
import { INBOUND_FLAG, INBOUND_FLAG_HEADERS } from './direction-values';
import { inferredPreset } from './presets/inferred';
import {
  durationUnit,
  headerKey,
  lookupValue,
  splitHeader,
  type ColumnMap,
  type DurationUnit,
} from './preset';

export { durationUnit, splitHeader, type DurationUnit };
import { parseDuration, parseTimestamp, ValueError } from './values';

/** What a cell looks like, on its own. */
export type CellKind =
  'empty' | 'datetime' | 'date' | 'clock' | 'duration' | 'number' | 'phone' | 'masked' | 'text';

/** What a whole column holds, as the preview shows it. */
export type ColumnKind =
  | 'empty'
  | 'instant'
  | 'date'
  | 'time'
  | 'duration'
  | 'phone'
  | 'extension'
  | 'agent'
  | 'status'
  | 'amount'
  | 'id'
  | 'name'
  | 'text';

/** How the normaliser reads values that a preset alone does not describe. */
export interface ColumnReadings {
  /** slash/dot dates with the year last: day first (27/10/2026) or month first (10/27/2026) */
  dateOrder?: 'dmy' | 'mdy';
  /** the sampled line whose date settled `dateOrder` (absent when the user chose it) */
  dateOrderFrom?: { line: number; text: string };
  /** a column with the time of day, joined to the start column's date (呼叫日期 + 呼叫时间) */
  startTimeColumn?: number;
  /** the zone the header names for the start column (UTC, GMT+8, 北京时间) */
  startZone?: string;
  /** the unit of bare numbers in the talk / ring columns, when the header names one */
  talkUnit?: DurationUnit;
  ringUnit?: DurationUnit;
  /** agent cells carry name and code together: `Name (1001)`, `1001 Name`, `Caller (Dana 4453)` */
  agentCombined?: boolean;
  /** the direction column is an inbound flag (呼入标记 1/0, 是否呼入 是/否): set = inbound */
  inboundFlag?: boolean;
}

export interface ColumnGuess {
  index: number;
  kind: ColumnKind;
  /** the call field the column is proposed for, or null */
  field: CallField | null;
  /** 0..1: how sure the proposal is (header and content agreeing is surest) */
  confidence: number;
  /** what the header's brackets or tail said (`秒`, `UTC`, `HH:MM:SS`), if anything */
  hint: string | null;
}

// ---------------------------------------------------------------------------------------------
// Cells

const DATE_ONLY_RE =
  /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/;
const CLOCK_RE = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm))?$/i;
const DMY_LIKE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/;
const MASKED_RE = /^\+?\d{2,}[*xX•]{3,}\d{2,4}$/;
const DIGITS_RE = /^\+?\d[\d\s-]*$/;
const DECIMAL_RE = /^-?\d+(?:\.\d+)?$/;
/** Statuses written as small codes (云客's 通话状态 0 / 2): at most two digits. */
const SMALL_CODE_RE = /^\d{1,2}$/;
const CN_EN_DURATION_RE = /^(?:\d+\s*(?:小时|时|分钟?|秒钟?|h|hrs?|m|mins?|s|secs?)\s*)+$/i;

/** Longer cells are text, unread: no date, number or agent is this long (and regexes stay cheap). */
const MAX_TYPED_CHARS = 120;

export function cellKind(text: string): CellKind {
  if (text.length > MAX_TYPED_CHARS) return text.trim() === '' ? 'empty' : 'text';
  const t = text.normalize('NFKC').trim();
  if (t === '') return 'empty';
  if (MASKED_RE.test(t)) return 'masked';
  if (CLOCK_RE.test(t)) return 'clock';
  if (DATE_ONLY_RE.test(t)) return 'date';
  if (CN_EN_DURATION_RE.test(t)) return 'duration';
  if (/^\d+(?:\.\d+)?$/.test(t) || /^-?\d+(?:\.\d+)?$/.test(t)) {
    const digits = t.replace(/\D/g, '').length;
    return digits >= 7 && !t.includes('.') ? 'phone' : 'number';
  }
  if (DIGITS_RE.test(t) && t.replace(/\D/g, '').length >= 7) return 'phone';
  if (/\d/.test(t) && /[:年]/.test(t)) {
    for (const dayFirst of [false, true]) {
      try {
        parseTimestamp(t, 'UTC', dayFirst);
        return 'datetime';
      } catch (err) {
        if (!(err instanceof ValueError)) throw err;
      }
    }
  }
  return 'text';
}

// ---------------------------------------------------------------------------------------------
// Where the table starts

/** Lines above a table that systems write: title, who exported it and when, the query. */
const PRELUDE_RE =
  /导出|查询|统计|条件|报表|记录表|日期范围|时间范围|^\s*(?:exported|generated|report|printed|query|filter|from|period|date range)\b/i;

export interface TableStart {
  /** sample index of the header row, or of the first data row when there is no header */
  index: number;
  hasHeader: boolean;
  /** the rows above it that were skipped (title, export notes), as the preview shows them */
  skipped: { line: number; text: string }[];
}

const filled = (row: readonly string[]) => row.reduce((n, c) => (c.trim() === '' ? n : n + 1), 0);

function usualWidth(rows: readonly (readonly string[])[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const n = filled(row);
    if (n >= 2) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [n, c] of counts) if (c > bestCount || (c === bestCount && n > best)) [best, bestCount] = [n, c];
  return best;
}

/** The kinds that say "a value", not "a name": a header row has none of them where data has them. */
const VALUE_KINDS: ReadonlySet<CellKind> = new Set([
  'datetime',
  'date',
  'clock',
  'duration',
  'number',
  'phone',
  'masked',
]);

/**
 * A row is a header when, in some column whose cells below it are mostly values (numbers, dates,
 * durations), it holds text, and it holds no value itself where the data is text.
 */
export function looksLikeHeader(row: readonly string[], below: readonly (readonly string[])[]): boolean {
  if (below.length === 0) return row.every((c) => cellKind(c) === 'text' || cellKind(c) === 'empty');
  let evidence = 0;
  for (let c = 0; c < row.length; c++) {
    const kinds = below.map((r) => cellKind(r[c] ?? '')).filter((k) => k !== 'empty');
    if (kinds.length === 0) continue;
    const values = kinds.filter((k) => VALUE_KINDS.has(k)).length;
    const mine = cellKind(row[c] ?? '');
    if (values / kinds.length >= 0.6) {
      if (mine === 'text') evidence++;
      else if (VALUE_KINDS.has(mine)) return false;
    }
  }
  return evidence > 0;
}

/** Where the table starts in the sample and whether its first row is a header. */
export function findTableStart(rows: readonly { line: number; cells: readonly string[] }[]): TableStart {
  const cells = rows.map((r) => r.cells);
  const width = usualWidth(cells.slice(0, 200));
  const skipped: TableStart['skipped'] = [];
  let index = 0;
  // A prelude row: a lone cell (a merged title), or a short row of export notes.
  while (index < rows.length - 1) {
    const row = cells[index]!;
    const n = filled(row);
    // A title is one cell (or two, over a wide table); a data row with a few empty fields is not.
    const short = n <= 1 || (n <= 2 && width >= 6);
    const notes = n < width && PRELUDE_RE.test(row.join(' '));
    if (n === 0 || short || notes) {
      if (n > 0)
        skipped.push({ line: rows[index]!.line, text: row.filter((c) => c.trim() !== '').join(' ') });
      index++;
    } else break;
  }
  if (index >= rows.length - 1 && rows.length > 1) return { index: 0, hasHeader: true, skipped: [] };
  const hasHeader = looksLikeHeader(cells[index] ?? [], cells.slice(index + 1, index + 21));
  return { index, hasHeader, skipped };
}

// ---------------------------------------------------------------------------------------------
// Headers: words and hints

/** The IANA zone a header's hint names: UTC, GMT+8 / UTC-5, 北京时间. */
export function zoneFromHint(hint: string | null): string | undefined {
  if (hint === null) return undefined;
  const h = hint.replace(/\s+/g, '').toUpperCase();
  if (h === 'UTC' || h === 'GMT' || h === 'Z') return 'UTC';
  if (/北京时间|CST\+?8|中国标准时间/.test(hint)) return 'Asia/Shanghai';
  const offset = /^(?:UTC|GMT)([+-])(\d{1,2})$/.exec(h);
  // Etc/GMT signs are inverted: GMT+8 is Etc/GMT-8.
  if (offset)
    return Number(offset[2]) === 0 ? 'UTC' : `Etc/GMT${offset[1] === '+' ? '-' : '+'}${Number(offset[2])}`;
  return undefined;
}

/** Header words per field, compared as `headerKey`s contained in the header's own key. */
const FIELD_WORDS: Record<CallField, readonly string[]> = {
  callId: [
    '通话id',
    '通话编号',
    '呼叫id',
    '唯一标识',
    'callid',
    'uniqueid',
    'linkedid',
    'callreference',
    'sessionid',
  ],
  agentCode: [
    '工号',
    '坐席',
    '座席',
    '分机',
    '员工',
    '话务员',
    '客服',
    '销售',
    'agent',
    'rep',
    'extension',
    'caller',
    'user',
    'employee',
    'staff',
    'seat',
  ],
  agentName: ['姓名', '名称', 'name'],
  team: ['技能组', '小组', '组别', '部门', '团队', 'team', 'group', 'department'],
  campaign: ['任务', '活动', '项目', 'campaign', 'list'],
  startedAt: [
    '开始时间',
    '呼叫时间',
    '拨打时间',
    '外呼时间',
    '通话时间',
    '时间',
    '日期',
    'start',
    'calltime',
    'datetime',
    'date',
    'time',
    'calldate',
  ],
  phone: [
    '客户',
    '号码',
    '电话',
    '手机',
    '被叫',
    'phone',
    'number',
    'callee',
    'destination',
    'called',
    'to',
    'dialed',
    'customer',
  ],
  direction: ['呼叫类型', '通话类型', '方向', 'direction', 'calltype', 'type'],
  disposition: ['状态', '结果', '标识', '接通', 'status', 'result', 'disposition', 'answered'],
  ringSeconds: ['振铃', '等待', 'ring', 'wait'],
  talkSeconds: [
    '通话时长',
    '接通时长',
    '计费时长',
    '时长',
    'talk',
    'duration',
    'billsec',
    'billable',
    'conversation',
    'secs',
    'seconds',
  ],
  outcome: ['意向', '成交状态', '跟进', 'outcome', 'lead'],
  saleAmount: ['金额', 'amount', 'revenue', 'value'],
  recording: ['录音', 'recording'],
};

/** Header words that say "the customer's side" or "our side" of a call, for the phone column. */
const CUSTOMER_SIDE = ['被叫', '客户', 'called', 'callee', 'destination', 'customer', 'dialed', 'contact'];
const OUR_SIDE = ['主叫', 'caller', 'from', 'ani', 'cli'];
/** Headers of a customer's own details: never an agent's. */
const CUSTOMER_WORDS = ['客户', 'customer', 'contact', 'client', 'lead'];
/** Row numbers (序号, No.) are unique numbers, not call ids: each export restarts them. */
const ROW_NUMBER_KEYS = new Set(['序号', '行号', '编号', 'no', '#', 'index', 'row', 'seq']);
/** Fields only a header word can propose: content alone (a unique number, a number) says too little. */
const NEEDS_WORDS: ReadonlySet<CallField> = new Set([
  'callId',
  'agentName',
  'team',
  'campaign',
  'direction',
  'ringSeconds',
  'outcome',
  'saleAmount',
  'recording',
]);

function headerScore(field: CallField, key: string): number {
  if ((field === 'agentCode' || field === 'agentName') && CUSTOMER_WORDS.some((w) => key.includes(w)))
    return 0;
  if (field === 'callId' && ROW_NUMBER_KEYS.has(key)) return 0;
  if (field === 'callId' && namesOwnId(key) && !FIELD_WORDS.callId.includes(key)) return 0.7;
  if (field === 'phone') {
    if (CUSTOMER_SIDE.some((w) => key.includes(w))) return 1;
    if (OUR_SIDE.some((w) => key.includes(w))) return 0.3;
  }
  let best = 0;
  for (const word of FIELD_WORDS[field]) {
    if (key === word) return 1;
    // A short Latin word inside a longer header ("to" in "total") says less than a Chinese one.
    if (key.includes(word)) best = Math.max(best, word.length >= 3 || /[^a-z0-9]/.test(word) ? 0.7 : 0.4);
  }
  return best;
}

/**
 * A header ending in `id` / `编号` names a record's own id (`通话记录ID`, `记录编号`), unless it is
 * a row number or the id of a customer, an agent or a number (`客户ID`, `坐席ID`, `Caller ID`).
 */
function namesOwnId(key: string): boolean {
  if (!/(?:id|编号)$/.test(key) || ROW_NUMBER_KEYS.has(key)) return false;
  if (CUSTOMER_WORDS.some((w) => key.includes(w))) return false;
  return headerScore('agentCode', key) === 0 && headerScore('phone', key) === 0;
}

// ---------------------------------------------------------------------------------------------
// Agents written with their code

/** `Name (1001)`, `1001 Name`, `Name 1001`, `Caller (Dana 4453)` → code and name, or null. */
export function splitAgent(text: string): { code: string; name: string | null } | null {
  if (text.length > MAX_TYPED_CHARS) return null;
  const t = text.normalize('NFKC').trim();
  const bracket = /^(.*?)\s*\(\s*([^()]*?)\s*\)$/.exec(t);
  if (bracket) {
    const [, outer, inner] = bracket;
    if (/^\d{2,8}$/.test(inner!)) return { code: inner!, name: outer!.trim() || null };
    return splitTokens(inner!);
  }
  return splitTokens(t);
}

/**
 * The code of an agent known only by name (云客's 坐席名称, a name-only agent column): the name
 * itself, in one spelling (full-width forms and runs of spaces folded), so every export of the
 * same person lands on one agent.
 */
export function agentCodeFromName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

const HAN_NAME_RE = /^[\p{Script=Han}·•]{2,6}$/u;
const NAME_HEADER_WORDS = ['姓名', '名称', '名字', 'name'];

/**
 * Whether an agent column holds people's names, not codes: Chinese names (张伟), or, under a header
 * saying name, words without digits. A code-like value (1001, A-17, agent7) is never a name.
 */
function holdsNames(values: readonly string[], key: string): boolean {
  const filled = values.map((v) => v.normalize('NFKC').trim()).filter((v) => v !== '');
  if (filled.length === 0) return false;
  const nameHeader = NAME_HEADER_WORDS.some((w) => key.includes(w));
  const names = filled.filter(
    (v) =>
      v.length <= MAX_TYPED_CHARS && (HAN_NAME_RE.test(v) || (nameHeader && /^[^\d]*\p{L}[^\d]*$/u.test(v))),
  ).length;
  return names / filled.length >= 0.8;
}

function splitTokens(t: string): { code: string; name: string } | null {
  const codeFirst = /^(\d{2,8})\s*[-:]?\s+(\D.*)$/.exec(t);
  if (codeFirst) return { code: codeFirst[1]!, name: codeFirst[2]!.trim() };
  const codeLast = /^(.*\D)\s+[-:]?\s*(\d{2,8})$/.exec(t);
  if (codeLast) return { code: codeLast[2]!, name: codeLast[1]!.trim() };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Columns

interface ColumnStats {
  kinds: Map<CellKind, number>;
  nonEmpty: number;
  distinct: number;
  combinedAgents: number;
  /** cells of one or two digits: a status written as codes (云客's 通话状态 0 / 2) */
  smallCodes: number;
  digitLengths: number[];
}

function stats(values: readonly string[]): ColumnStats {
  const kinds = new Map<CellKind, number>();
  const seen = new Set<string>();
  let nonEmpty = 0;
  let combinedAgents = 0;
  let smallCodes = 0;
  const digitLengths: number[] = [];
  for (const v of values) {
    const kind = cellKind(v);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (kind === 'empty') continue;
    nonEmpty++;
    seen.add(v.trim());
    if (kind === 'text' && splitAgent(v)) combinedAgents++;
    if (kind === 'number' || kind === 'phone') digitLengths.push(v.replace(/\D/g, '').length);
    if (SMALL_CODE_RE.test(v.trim())) smallCodes++;
  }
  return { kinds, nonEmpty, distinct: seen.size, combinedAgents, smallCodes, digitLengths };
}

const share = (s: ColumnStats, ...kinds: CellKind[]) =>
  s.nonEmpty === 0 ? 0 : kinds.reduce((n, k) => n + (s.kinds.get(k) ?? 0), 0) / s.nonEmpty;

/** What a column's header says of it, beside its words: a unit, an id, a status. */
interface HeaderSays {
  /** the text the kind is judged with (name and hint) */
  text: string;
  /** its hint names a duration unit (`通话时长(秒)`, `Talk time - seconds`) */
  unit: boolean;
  /** it names an id of its own (`通话记录ID`, `记录编号`), not a customer's, agent's or number's */
  id: boolean;
  /** it names a status, result or flag (`通话状态`) */
  status: boolean;
}

function columnKind(s: ColumnStats, header: HeaderSays): ColumnKind {
  if (s.nonEmpty === 0) return 'empty';
  if (share(s, 'datetime') >= 0.8) return 'instant';
  if (share(s, 'date') >= 0.8) return 'date';
  if (share(s, 'clock') >= 0.8) {
    return /时长|duration|talk|ring|wait|billsec|hh:?mm/i.test(header.text) ? 'duration' : 'time';
  }
  if (share(s, 'duration') >= 0.8) return 'duration';
  // A header that says "id" over unique values is an id, even when they are long digits.
  if (header.id && s.distinct === s.nonEmpty && s.nonEmpty >= 2) return 'id';
  if (share(s, 'phone', 'masked') >= 0.8) return 'phone';
  if (share(s, 'number') >= 0.8) {
    // Bare numbers under a header naming their unit are a duration in that unit.
    if (header.unit) return 'duration';
    // A status header over a few small codes is a status (0 / 2), not an amount.
    if (header.status && s.smallCodes === s.nonEmpty && s.distinct <= 12) return 'status';
    const lengths = s.digitLengths;
    const maxLen = Math.max(...lengths);
    if (s.distinct === s.nonEmpty && s.nonEmpty >= 5 && maxLen >= 5) return 'id';
    if (maxLen >= 2 && maxLen <= 6 && s.distinct <= Math.max(3, s.nonEmpty / 2)) return 'extension';
    return 'amount';
  }
  if (s.combinedAgents / s.nonEmpty >= 0.8) return 'agent';
  if (s.distinct === s.nonEmpty && s.nonEmpty >= 5) return 'id';
  if (s.distinct <= 12 && s.distinct <= Math.max(2, s.nonEmpty / 2)) return 'status';
  return 'name';
}

/** How well a column of this kind can be this field (0..1), from its content alone. */
function contentScore(field: CallField, kind: ColumnKind): number {
  const fits: Partial<Record<CallField, Partial<Record<ColumnKind, number>>>> = {
    callId: { id: 1 },
    agentCode: { agent: 1, extension: 0.8, name: 0.5, status: 0.3, id: 0.1 },
    agentName: { name: 0.7, status: 0.3, agent: 0.5 },
    team: { status: 0.6, name: 0.3 },
    campaign: { status: 0.6, name: 0.3 },
    startedAt: { instant: 1, date: 0.7 },
    phone: { phone: 1 },
    disposition: { status: 1 },
    ringSeconds: { duration: 0.8, amount: 0.5, extension: 0.3 },
    talkSeconds: { duration: 1, amount: 0.6, extension: 0.4 },
    outcome: { status: 0.7 },
    saleAmount: { amount: 0.8 },
    recording: { name: 0.3, id: 0.3 },
  };
  return fits[field]?.[kind] ?? 0;
}

/** Whether a column's values are an inbound flag: one or two of 1/0, 是/否, Y/N, true/false. */
export function isInboundFlag(values: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const v of values) {
    const t = v.normalize('NFKC').trim().toLowerCase();
    if (t === '') continue;
    if (lookupValue(INBOUND_FLAG, t) === undefined) return false;
    seen.add(t);
  }
  return seen.size >= 1 && seen.size <= 2;
}

/**
 * The share of a column's filled cells the direction words read (外呼, 呼入, Inbound call, 内部),
 * or 0 under half: a type column of other words (客户类型 A/B) is no direction. The rest are
 * read as the unknown texts of any value column are (a warning each, never a lost call).
 */
function knownDirectionShare(values: readonly string[]): number {
  let filled = 0;
  let known = 0;
  for (const v of values) {
    const t = v.normalize('NFKC').trim();
    if (t === '') continue;
    filled++;
    if (lookupValue(inferredPreset.directions, t) !== undefined) known++;
  }
  const share = filled === 0 ? 0 : known / filled;
  return share >= 0.5 ? share : 0;
}

export interface Inference {
  columns: ColumnMap;
  guesses: ColumnGuess[];
  readings: ColumnReadings;
}

/**
 * The column each call field most likely sits in, judged by header words and content together,
 * each column given to one field and each field one column, surest first.
 */
export function inferColumns(
  header: readonly string[] | null,
  data: readonly (readonly string[])[],
): Inference {
  const width = Math.max(header?.length ?? 0, ...data.map((r) => r.length));
  const sample = data.slice(0, 200);
  const info = Array.from({ length: width }, (_, index) => {
    const { name, hint } = splitHeader(header?.[index] ?? '');
    const key = headerKey(name);
    const s = stats(sample.map((r) => r[index] ?? ''));
    const says: HeaderSays = {
      text: `${name} ${hint ?? ''}`,
      unit: durationUnit(hint) !== undefined,
      id: namesOwnId(key),
      status: key !== '' && headerScore('disposition', key) > 0,
    };
    const values = sample.map((r) => r[index] ?? '');
    const flag = INBOUND_FLAG_HEADERS.has(key) && isInboundFlag(values);
    return {
      index,
      name,
      key,
      hint,
      unit: says.unit,
      stats: s,
      // A flag is a two-valued category, however it is written (1/0, 是/否).
      kind: flag ? ('status' as const) : columnKind(s, says),
      flag,
      directionShare: flag ? 1 : knownDirectionShare(values),
    };
  });

  const pairs: { field: CallField; index: number; score: number }[] = [];
  for (const col of info) {
    if (col.kind === 'empty') continue;
    for (const field of Object.keys(FIELD_WORDS) as CallField[]) {
      // A direction is judged by its values (外呼 / 呼入, Inbound, a 1/0 flag), not by its look.
      const content = field === 'direction' ? col.directionShare : contentScore(field, col.kind);
      if (content === 0) continue;
      const words = col.flag && field === 'direction' ? 1 : col.key === '' ? 0 : headerScore(field, col.key);
      if (NEEDS_WORDS.has(field) && words === 0) continue;
      // A customer's details (客户名称) are never the call's status, however few their values.
      if (field === 'disposition' && CUSTOMER_WORDS.some((w) => col.key.includes(w))) continue;
      // Without a header, content alone decides (less surely); a header naming the unit of its
      // seconds wins over a formatted twin (通话时长(秒) over 通话时长).
      const unitBonus = col.unit && (field === 'talkSeconds' || field === 'ringSeconds') ? 0.05 : 0;
      const score = header ? 0.55 * words + 0.45 * content + unitBonus : 0.6 * content;
      if (score >= 0.3) pairs.push({ field, index: col.index, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.index - b.index);
  const columns: ColumnMap = {};
  const confidence = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (columns[p.field] !== undefined || taken.has(p.index)) continue;
    columns[p.field] = p.index;
    taken.add(p.index);
    confidence.set(p.index, Math.min(1, p.score));
  }

  // An agent column of names (张伟, or under a header saying name) is the agent's name too; the
  // normaliser derives the code from it (agentCodeFromName).
  const agentIndex = columns.agentCode;
  if (agentIndex !== undefined && columns.agentName === undefined) {
    const values = sample.map((r) => r[agentIndex] ?? '');
    if (holdsNames(values, info[agentIndex]!.key)) columns.agentName = agentIndex;
  }

  const readings: ColumnReadings = {};
  const start = columns.startedAt;
  if (start !== undefined) {
    // A date alone is a start only with a time-of-day column beside it.
    if (info[start]!.kind === 'date') {
      const time = info.find((c) => c.kind === 'time' && !taken.has(c.index));
      if (time) {
        readings.startTimeColumn = time.index;
        taken.add(time.index);
        confidence.set(time.index, confidence.get(start) ?? 0.5);
      }
    }
    const zone = zoneFromHint(info[start]!.hint);
    if (zone) readings.startZone = zone;
  }
  if (columns.talkSeconds !== undefined) {
    const unit = durationUnit(info[columns.talkSeconds]!.hint);
    if (unit && unit !== 's') readings.talkUnit = unit;
  }
  if (columns.ringSeconds !== undefined) {
    const unit = durationUnit(info[columns.ringSeconds]!.hint);
    if (unit && unit !== 's') readings.ringUnit = unit;
  }
  if (columns.agentCode !== undefined && info[columns.agentCode]!.kind === 'agent')
    readings.agentCombined = true;
  if (columns.direction !== undefined && info[columns.direction]!.flag) readings.inboundFlag = true;

  const fieldOf = new Map<number, CallField>();
  for (const [field, index] of Object.entries(columns) as [CallField, number][]) fieldOf.set(index, field);
  const guesses = info.map((c) => ({
    index: c.index,
    kind: c.kind,
    field: fieldOf.get(c.index) ?? (c.index === readings.startTimeColumn ? 'startedAt' : null),
    confidence: Math.round((confidence.get(c.index) ?? 0) * 100) / 100,
    hint: c.hint,
  }));
  return { columns, guesses, readings };
}

// ---------------------------------------------------------------------------------------------
// Day-first or month-first

export type DateOrderFinding =
  | { kind: 'none' }
  | { kind: 'decided'; order: 'dmy' | 'mdy'; line: number; text: string }
  | { kind: 'ambiguous'; examples: string[] }
  | {
      kind: 'conflict';
      dayFirst: { line: number; text: string };
      monthFirst: { line: number; text: string };
    };

/**
 * Whether the column's `nn/nn/yyyy` dates are day-first or month-first, over every sampled value:
 * a first number over 12 settles day-first, a second one over 12 month-first; both in one file is
 * a conflict naming the lines; none of either leaves the question to the user.
 */
export function findDateOrder(
  rows: readonly { line: number; cells: readonly string[] }[],
  column: number,
): DateOrderFinding {
  let dayFirst: { line: number; text: string } | undefined;
  let monthFirst: { line: number; text: string } | undefined;
  const examples: string[] = [];
  for (const row of rows) {
    const text = (row.cells[column] ?? '').trim();
    const m = DMY_LIKE_RE.exec(text);
    if (!m) continue;
    if (examples.length < 3) examples.push(text);
    if (Number(m[1]) > 12) dayFirst ??= { line: row.line, text };
    if (Number(m[2]) > 12) monthFirst ??= { line: row.line, text };
  }
  if (dayFirst && monthFirst) return { kind: 'conflict', dayFirst, monthFirst };
  if (dayFirst) return { kind: 'decided', order: 'dmy', ...dayFirst };
  if (monthFirst) return { kind: 'decided', order: 'mdy', ...monthFirst };
  return examples.length > 0 ? { kind: 'ambiguous', examples } : { kind: 'none' };
}

/**
 * The order a `nn/nn/yyyy` text can only be read in (a first field 13..31 before a month: day-first;
 * the other way round: month-first), or null when it reads either way or is no such date.
 */
export function provenDateOrder(text: string): 'dmy' | 'mdy' | null {
  const m = DMY_LIKE_RE.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first > 12 && first <= 31 && second >= 1 && second <= 12) return 'dmy';
  if (second > 12 && second <= 31 && first >= 1 && first <= 12) return 'mdy';
  return null;
}

const ORDER_WORDS = { dmy: 'day-first', mdy: 'month-first' } as const;

/**
 * Why a file cannot be read in one date order: `settled` (the line that settled the order in force,
 * or null when the user chose it) against `against` (a line written the other way).
 */
export function dateOrderConflictText(
  displayName: string,
  column: string,
  order: 'dmy' | 'mdy',
  settled: { line: number; text: string } | null,
  against: { line: number; text: string },
): string {
  const other = order === 'dmy' ? 'mdy' : 'dmy';
  const was = settled
    ? `written ${ORDER_WORDS[order]} on line ${settled.line} ("${settled.text}")`
    : `read ${ORDER_WORDS[order]} as chosen for this file`;
  return (
    `${displayName}: the dates in "${column}" are ${was} and ${ORDER_WORDS[other]} on line ` +
    `${against.line} ("${against.text}"); one file must use one order`
  );
}

/** Zones whose people write month first (the US, Canada's English side, the Philippines). */
const MONTH_FIRST_ZONE_RE =
  /^(?:America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau|Adak|Indiana\/.*|Kentucky\/.*|North_Dakota\/.*|Toronto|Vancouver|Edmonton|Winnipeg)|Pacific\/Honolulu|Asia\/Manila|US\/.*)$/;

/** The order the workspace's people usually write, preselected when a file leaves it open. */
export function usualDateOrder(timeZone: string): 'dmy' | 'mdy' {
  return MONTH_FIRST_ZONE_RE.test(timeZone) ? 'mdy' : 'dmy';
}

/** Seconds from a duration cell in a header-named unit (`通话时长(毫秒)`, `Minutes`). */
export function durationIn(unit: DurationUnit | undefined): (text: string) => number {
  if (unit === undefined || unit === 's') return parseDuration;
  const factor = unit === 'ms' ? 0.001 : 60;
  return (text) => {
    const t = text.normalize('NFKC').trim();
    if (DECIMAL_RE.test(t)) return Math.round(Number(t) * factor);
    return parseDuration(text);
  };
}
