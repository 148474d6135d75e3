/**
 * The overview's numbers recomputed from the raw `calls` rows of a workspace file, with plain SQL
 * per the DESIGN.md formulas (outbound calls only) — independent of the rollups the app reads.
 */
import Database from 'better-sqlite3';

export interface RawCounts {
  dials: number;
  connects: number;
  effective: number;
  talkSeconds: number;
  effectiveTalkSeconds: number;
  intents: number;
  sales: number;
  revenue: number;
}

export type RawKpis = RawCounts &
  Record<
    'connectRate' | 'avgTalkSeconds' | 'intentRate' | 'leadConversion' | 'conversionRate' | 'avgOrderValue',
    number | null
  >;

const div = (a: number, b: number) => (b === 0 ? null : a / b);

function kpis(c: RawCounts): RawKpis {
  return {
    ...c,
    connectRate: div(c.connects, c.dials),
    avgTalkSeconds: div(c.talkSeconds, c.connects),
    intentRate: div(c.intents, c.connects),
    leadConversion: div(c.sales, c.intents),
    conversionRate: div(c.sales, c.connects),
    avgOrderValue: div(c.revenue, c.sales),
  };
}

export interface RawTruth {
  threshold: number;
  total: RawKpis;
  byAgentCode: Map<string, RawKpis>;
  /** (agent, day) pairs with at least one dial */
  agentDays: number;
  /** `${weekday}-${hour}` -> dials and connects */
  heatmap: Map<string, { dials: number; connects: number }>;
}

export function rawTruth(dbPath: string, from: string, to: string, campaignId?: number): RawTruth {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const stored = db
      .prepare("SELECT value FROM settings WHERE key = 'effectiveThresholdSeconds'")
      .pluck()
      .get();
    const threshold = typeof stored === 'string' ? Number(JSON.parse(stored)) : 30;
    const connect = `(c.disposition = 'connected' AND c.talk_seconds > 0)`;
    const effective = `(${connect} AND c.talk_seconds >= @threshold)`;
    const counts = `
      count(*) AS dials,
      coalesce(sum(${connect}), 0) AS connects,
      coalesce(sum(${effective}), 0) AS effective,
      coalesce(sum(CASE WHEN ${connect} THEN c.talk_seconds ELSE 0 END), 0) AS talkSeconds,
      coalesce(sum(CASE WHEN ${effective} THEN c.talk_seconds ELSE 0 END), 0) AS effectiveTalkSeconds,
      coalesce(sum(c.is_intent), 0) AS intents,
      coalesce(sum(c.is_sale), 0) AS sales,
      coalesce(sum(CASE WHEN c.is_sale THEN c.sale_amount ELSE 0 END), 0) AS revenue`;
    const where = `c.direction = 'outbound' AND c.day BETWEEN @from AND @to
      ${campaignId === undefined ? '' : 'AND c.campaign_id = @campaignId'}`;
    const params = { threshold, from, to, ...(campaignId === undefined ? {} : { campaignId }) };
    const total = db.prepare(`SELECT ${counts} FROM calls c WHERE ${where}`).get(params) as RawCounts;
    const agents = db
      .prepare(
        `SELECT a.code AS code, ${counts} FROM calls c JOIN agents a ON a.id = c.agent_id WHERE ${where} GROUP BY a.code`,
      )
      .all(params) as (RawCounts & { code: string })[];
    const agentDays = db
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM calls c WHERE ${where} GROUP BY c.agent_id, c.day)`)
      .pluck()
      .get(params) as number;
    const cells = db
      .prepare(
        `SELECT c.weekday AS weekday, c.hour AS hour, count(*) AS dials, coalesce(sum(${connect}), 0) AS connects
         FROM calls c WHERE ${where} GROUP BY c.weekday, c.hour`,
      )
      .all(params) as { weekday: number; hour: number; dials: number; connects: number }[];
    return {
      threshold,
      total: kpis(total),
      byAgentCode: new Map(agents.map(({ code, ...c }) => [code, kpis(c)])),
      agentDays,
      heatmap: new Map(
        cells.map((c) => [`${c.weekday}-${c.hour}`, { dials: c.dials, connects: c.connects }]),
      ),
    };
  } finally {
    db.close();
  }
}
