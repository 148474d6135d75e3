/**
 * The directory of PostgreSQL's order writer: agents and campaigns created on first sight,
 * looked up once per import, inside the batch's transaction, by the rules of
 * src-main/import/directory.ts (the same decisions as sqlite-directory.ts, awaited). The call
 * writer resolves its directory set by set instead (pg-call-writer.ts).
 */
import type { Kysely } from 'kysely';
import { now as clockNow } from '../clock';
import { BEGINNING } from '../people/membership';
import { fillsFor, findAgentByCode, type StoredAgent } from '../import/directory';
import type { Database } from './schema';

export class PgDirectory {
  private readonly agents = new Map<string, StoredAgent>();
  private readonly campaigns = new Map<string, number>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The agent of `code` (created with `name` on first sight; a missing name filled in). */
  async agentId(code: string, name: string | null): Promise<number> {
    const db = this.db;
    let agent = this.agents.get(code) ?? (await findAgentByCode(db, code));
    if (agent === undefined) {
      const { id } = await db
        .insertInto('agents')
        .values({
          code,
          name,
          team_id: null,
          active: 1,
          created_at: clockNow(),
          name_set_in_app: 0,
          team_set_in_app: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // its team history (src-main/people/membership.ts): no team known, from the beginning
      await db
        .insertInto('agent_team_history')
        .values({ agent_id: id, team_id: null, from_day: BEGINNING })
        .execute();
      agent = { id, name, team_id: null, name_set_in_app: 0, team_set_in_app: 0 };
    } else if (fillsFor(agent, name, null).name && name !== null) {
      await db
        .updateTable('agents')
        .set({ name })
        .where('id', '=', agent.id)
        .where('name', 'is', null)
        .execute();
      agent = { ...agent, name };
    }
    this.agents.set(code, agent);
    return agent.id;
  }

  async campaignId(name: string): Promise<number> {
    const cached = this.campaigns.get(name);
    if (cached !== undefined) return cached;
    const db = this.db;
    const stored = await db.selectFrom('campaigns').select('id').where('name', '=', name).executeTakeFirst();
    const id =
      stored?.id ??
      (await db.insertInto('campaigns').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
    this.campaigns.set(name, id);
    return id;
  }
}
