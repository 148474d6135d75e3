/**
 * A layout preset describes one export format as data: which header names mean which call field,
 * and which values mean which disposition and outcome. Adding a layout is adding one preset file.
 */
import type { CallField, DirectionMeaning, Disposition, Outcome } from '../../src-shared/domain';
import type { PbxLeg } from './pbx-classify';

export { CALL_FIELDS, type CallField, type DirectionMeaning } from '../../src-shared/domain';

export interface CallPreset {
  id: string;
  name: string;
  /** Header names (any case, spaces and punctuation ignored) accepted for each field. */
  columns: Partial<Record<CallField, readonly string[]>>;
  required: readonly CallField[];
  /** Prefix of `source_key` when the file carries its own call id. */
  sourceKeyPrefix: string;
  dispositions: Readonly<Record<string, Disposition>>;
  outcomes: Readonly<Record<string, Outcome>>;
  /** a direction text's meaning: an internal call (extension to extension) is counted, not stored */
  directions: Readonly<Record<string, DirectionMeaning>>;
  /**
   * Outcome of a text the outcome map does not list, instead of rejecting the row: for layouts
   * whose one status column carries both disposition and outcome (VICIdial, Five9).
   */
  outcomeFallback?: Outcome;
  /**
   * Our own layout's codes are a contract (connected, no_answer, …): a code it does not list is a
   * broken row and is rejected. Every other layout reads an unknown status by its talk time and an
   * unknown outcome as none, with a warning, so no call is lost to a word we did not foresee.
   */
  strictValues?: boolean;
  /** Status texts of a call still in progress when exported: rejected, as its final row comes later. */
  pendingStatuses?: readonly string[];
  /**
   * A layout written without a header row (Asterisk, FreeSWITCH): its documented column names in
   * file order (they double as the header `columns` matches against) and the column counts its
   * variants have. Told apart from other headerless layouts by how many sample rows they read.
   */
  headerless?: { names: readonly string[]; columnCounts: readonly number[] };
  /**
   * Rows are legs (segments) of calls: rows sharing `callId` become one call, whose agent, talk
   * time and ring time come from the agent's leg (a leg with an agent code; the longest talk wins).
   */
  legs?: boolean;
  /**
   * With `legs`: an outbound call's answer, talk and ring time are those of its legs without an
   * agent (the customer's leg of a click-to-call), not the agent's own leg, which the agent
   * answers before the customer is dialled. A call with no such leg keeps its agent leg's.
   */
  customerLegTalks?: boolean;
  /**
   * A row without an agent is a call no person placed (an AI robot's, 百应): counted among the
   * calls that are no dials (kind `robot`), neither stored nor rejected.
   */
  agentlessIsRobot?: boolean;
  /**
   * Field texts worked out from the row where the layout does not carry them as such (an agent
   * code inside "Name (1001)", a disposition from a hangup cause and billsec). Returned texts
   * go through the same parsers and value maps as cells.
   */
  derive?(
    cell: (field: CallField) => string,
    row: readonly string[],
    leg?: PbxLeg,
  ): Partial<Record<CallField, string>>;
  /**
   * Rows are PBX legs (CDRs): the shared classifier (pbx-classify.ts) learns the file's extensions
   * and trunks and hands each row's kind, agent and customer number to `derive` as `leg`.
   */
  pbx?: boolean;
  /**
   * Header names that mean the file is another layout (an agent column, for a PBX layout that
   * finds agents among the numbers): a header with any of them is never read as this layout.
   */
  notWith?: readonly string[];
  /**
   * Rows of the file that are neither calls nor errors and are passed over without a word (a
   * CUCM file's column-type row `INTEGER,INTEGER,…`, its CMR quality records).
   */
  skipRow?(row: readonly string[]): boolean;
}

/** Whether a header has a column a layout's `notWith` names. */
export function headerExcludes(header: readonly string[], preset: Pick<CallPreset, 'notWith'>): boolean {
  if (!preset.notWith) return false;
  const keys = new Set(preset.notWith.map(headerKey));
  return header.some((name) => keys.has(headerKey(name)));
}

/** Header names compare without case, spaces, underscores or punctuation: "Agent Code" = agent_code. */
export function headerKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./()（）:：]+/g, '');
}

/** A header split into its name and the note in its brackets or after a dash: `通话时长(秒)`. */
export function splitHeader(header: string): { name: string; hint: string | null } {
  const t = header.normalize('NFKC').trim();
  const bracket = /^(.*?)\s*[([{【]\s*([^)\]}】]*)\s*[)\]}】]\s*$/.exec(t);
  if (bracket && bracket[1] !== '') return { name: bracket[1]!, hint: bracket[2]!.trim() || null };
  const dash = /^(.*?\S)\s+[-–—|]\s+(.+)$/.exec(t);
  if (dash) return { name: dash[1]!, hint: dash[2]!.trim() };
  return { name: t, hint: null };
}

/** A duration column's unit, when its header names one. */
export type DurationUnit = 's' | 'ms' | 'min';

/** The unit a duration header's note names (`秒`, `ms`, `分钟`), if it names one. */
export function durationUnit(hint: string | null): DurationUnit | undefined {
  if (hint === null) return undefined;
  const h = hint.toLowerCase();
  if (/^(?:ms|毫秒|millis(?:econds?)?)$/.test(h)) return 'ms';
  if (/^(?:min|mins|minutes?|分钟|分)$/.test(h)) return 'min';
  if (/^(?:s|sec|secs|seconds?|秒)$/.test(h)) return 's';
  return undefined;
}

export type ColumnMap<F extends string = CallField> = Partial<Record<F, number>>;

export interface ColumnMatch<F extends string = CallField> {
  columns: ColumnMap<F>;
  missing: F[];
}

/** The header names a layout (of calls or of orders) accepts per field, and the fields it needs. */
export interface ColumnSpec<F extends string> {
  columns: Partial<Record<F, readonly string[]>>;
  required: readonly F[];
}

export function matchColumns<F extends string = CallField>(
  header: readonly string[],
  preset: ColumnSpec<F>,
): ColumnMatch<F> {
  const byKey = new Map<string, number>();
  // A header whose note names a unit (`通话时长(秒)`, `Talk (ms)`) also answers to its bare name,
  // after every header that is that name exactly. Other notes (`Talk Time - HH:MM:SS`) do not:
  // matching them would let a preset claim a file the content-aware inference reads better.
  const byBareKey = new Map<string, number>();
  header.forEach((name, index) => {
    const key = headerKey(name);
    if (key && !byKey.has(key)) byKey.set(key, index);
    const split = splitHeader(name);
    const bare = headerKey(split.name);
    if (bare && bare !== key && durationUnit(split.hint) && !byBareKey.has(bare)) byBareKey.set(bare, index);
  });
  const columns: ColumnMap<F> = {};
  const fields = Object.entries(preset.columns) as [F, readonly string[]][];
  const pick = (
    lookup: Map<string, number>,
    field: F,
    names: readonly string[],
    free: (i: number) => boolean,
  ) => {
    for (const name of names) {
      const index = lookup.get(headerKey(name));
      if (index !== undefined && free(index)) {
        columns[field] = index;
        return;
      }
    }
  };
  for (const [field, names] of fields) pick(byKey, field, names, () => true);
  const taken = new Set(Object.values(columns));
  for (const [field, names] of fields)
    if (columns[field] === undefined) pick(byBareKey, field, names, (i) => !taken.has(i));
  const missing = preset.required.filter((f) => columns[f] === undefined);
  return { columns, missing };
}

const loweredMaps = new WeakMap<object, Map<string, unknown>>();

/** Looks a cell up in a value map, ignoring case and surrounding spaces (on both sides). */
export function lookupValue<T>(map: Readonly<Record<string, T>>, text: string): T | undefined {
  let lowered = loweredMaps.get(map) as Map<string, T> | undefined;
  if (!lowered) {
    lowered = new Map(Object.entries(map).map(([k, v]) => [k.trim().toLowerCase(), v]));
    loweredMaps.set(map, lowered);
  }
  return lowered.get(text.trim().toLowerCase());
}
