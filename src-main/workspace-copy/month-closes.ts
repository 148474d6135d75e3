/**
 * A closed month copied into another workspace: its frozen snapshot (reports/month-close.ts)
 * names teams, agents and campaigns by the source's ids — in its name tuples, its rollup rows,
 * its roster and its roster's spans, its scope keys (`team:3`, `agent:12`) and inside the frozen figures (`agentId`).
 * They are rewritten to the target's ids, in the snapshot's canonical order, and the checksum is
 * taken again, so the target's report of the month prints what the source's printed.
 */
import { serialise, sha256, type MonthSnapshot, type RosterSpan } from '../reports/month-close';
import type { IdResolver, Row, TableName } from './tables';

class MissingId extends Error {}

const ID_FIELDS: Readonly<Record<string, TableName>> = {
  agentId: 'agents',
  teamId: 'teams',
  campaignId: 'campaigns',
};

async function mapped(ids: IdResolver, parent: TableName, id: number): Promise<number> {
  const to = await ids(parent, id);
  if (to === null) throw new MissingId(`${parent} ${id}`);
  return to;
}

/** Frozen figures: every `agentId` / `teamId` / `campaignId` field, however deep. */
async function remapFigures(value: unknown, ids: IdResolver): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((v) => remapFigures(v, ids)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const parent = ID_FIELDS[key];
    out[key] = parent && typeof v === 'number' ? await mapped(ids, parent, v) : await remapFigures(v, ids);
  }
  return out;
}

async function remapScopeKey(key: string, ids: IdResolver): Promise<string> {
  const m = /^(team|agent):(\d+)$/.exec(key);
  if (!m) return key;
  return `${m[1]}:${await mapped(ids, m[1] === 'team' ? 'teams' : 'agents', Number(m[2]))}`;
}

const byId = <T extends readonly [number, ...unknown[]]>(a: T, b: T) => a[0] - b[0];

async function remapSnapshot(s: MonthSnapshot, ids: IdResolver): Promise<MonthSnapshot> {
  const team = (id: number) => mapped(ids, 'teams', id);
  const agent = (id: number) => mapped(ids, 'agents', id);
  const campaign = (id: number) => (id === 0 ? Promise.resolve(0) : mapped(ids, 'campaigns', id));
  const teams = await Promise.all(
    s.teams.map(async ([id, name]): Promise<[number, string]> => [await team(id), name]),
  );
  const agents = await Promise.all(
    s.agents.map(async ([id, code, name, teamId]): Promise<MonthSnapshot['agents'][number]> => [
      await agent(id),
      code,
      name,
      teamId === null ? null : await team(teamId),
    ]),
  );
  const campaigns = await Promise.all(
    s.campaigns.map(async ([id, name]): Promise<[number, string]> => [await campaign(id), name]),
  );
  const rows = await Promise.all(
    s.rows.map(async (source): Promise<MonthSnapshot['rows'][number]> => {
      // The ids remapped, the counts as they are, and the team of the row's day where the close
      // kept one (index 11, once anyone had moved: reports/month-close.ts).
      const row: MonthSnapshot['rows'][number] = [...source];
      row[1] = await agent(source[1]);
      row[2] = await campaign(source[2]);
      const teamOnDay = source[11];
      if (teamOnDay !== undefined) row[11] = teamOnDay === null ? null : await team(teamOnDay);
      return row;
    }),
  );
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
  let sources: MonthSnapshot['sources'];
  if (s.sources) {
    sources = {};
    for (const [sourceId, byScope] of Object.entries(s.sources)) {
      const next: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(byScope))
        next[await remapScopeKey(key, ids)] = await remapFigures(value, ids);
      sources[sourceId] = next;
    }
  }
  return {
    ...s,
    teams: teams.sort(byId),
    agents: agents.sort(byId),
    campaigns: campaigns.sort(byId),
    rows,
    ...(sources ? { sources } : {}),
    ...(s.roster ? { roster: (await Promise.all(s.roster.map(agent))).sort((a, b) => a - b) } : {}),
    ...(s.rosterSpans ? { rosterSpans: await remapRosterSpans(s.rosterSpans, ids) } : {}),
  };
}

/** The roster's spans of moved agents in the target's ids, agent and oldest first (as written). */
async function remapRosterSpans(spans: RosterSpan[], ids: IdResolver): Promise<RosterSpan[]> {
  const remapped = await Promise.all(
    spans.map(async ([agentId, teamId, from, to]): Promise<RosterSpan> => [
      await mapped(ids, 'agents', agentId),
      teamId === null ? null : await mapped(ids, 'teams', teamId),
      from,
      to,
    ]),
  );
  return remapped.sort((a, b) => a[0] - b[0] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
}

/**
 * The close row with its snapshot in the target's ids; null when the snapshot names a team,
 * agent or campaign the target does not hold (a team deleted in the source since the close).
 */
export async function remapMonthClose(row: Row, ids: IdResolver): Promise<Row | null> {
  const text = String(row['snapshot']);
  // A close that fails its checksum is not made whole by copying it: it stays behind.
  if (sha256(text) !== row['checksum']) return null;
  // The snapshot is the JSON month-close.ts wrote, as its checksum says.
  const snapshot = JSON.parse(text) as MonthSnapshot;
  try {
    const copied = serialise(await remapSnapshot(snapshot, ids));
    return { ...row, snapshot: copied, checksum: sha256(copied) };
  } catch (err) {
    if (err instanceof MissingId) return null;
    throw err;
  }
}
