/**
 * Callscope's own documented CSV layout: the column names, shared by the importer's preset
 * (src-main/import/presets/callscope.ts) and the Import page's help.
 */
export const CALLSCOPE_REQUIRED_COLUMNS = ['agent_code', 'started_at', 'disposition'] as const;

/** The layout's columns in the order Callscope writes them (demo exports, benchmarks). */
export const CALLSCOPE_HEADER = [
  'call_id',
  'agent_code',
  'agent_name',
  'team',
  'campaign',
  'started_at',
  'phone',
  'direction',
  'disposition',
  'ring_seconds',
  'talk_seconds',
  'outcome',
  'sale_amount',
  'recording',
] as const;

type RequiredColumn = (typeof CALLSCOPE_REQUIRED_COLUMNS)[number];

export const CALLSCOPE_OPTIONAL_COLUMNS = CALLSCOPE_HEADER.filter(
  (c): c is Exclude<(typeof CALLSCOPE_HEADER)[number], RequiredColumn> =>
    !(CALLSCOPE_REQUIRED_COLUMNS as readonly string[]).includes(c),
);
