/**
 * The People page's share of the contract: teams (rename, lead, merge) and one person with several
 * agent codes (merge). Listing, creating a team and editing an agent are `teams.*` / `agents.*`
 * in contract.ts.
 */
import { z } from 'zod';
import { method } from './method';
import { AgentSchema, DaySchema, TeamSchema } from './schemas';

const Id = z.number().int().positive();

export const TeamSpanSchema = z.object({
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
  from: DaySchema.nullable(),
  to: DaySchema.nullable(),
});
export type TeamSpan = z.infer<typeof TeamSpanSchema>;

export const peopleContract = {
  'teams.update': method(
    z.object({
      id: Id,
      name: z.string().trim().min(1).max(60).optional(),
      leadName: z.string().trim().max(60).nullable().optional(),
    }),
    TeamSchema,
  ),
  /** Moves every agent (and team target) of `fromId` into `intoId`; `fromId` goes. */
  'teams.merge': method(z.object({ fromId: Id, intoId: Id }), TeamSchema),
  /**
   * One person, two codes: `fromId`'s calls, orders, audits, coaching and targets move to `intoId`,
   * its code becomes one of `intoId`'s (later imports of it land there) and `fromId` goes.
   */
  'agents.merge': method(
    z.object({ fromId: Id, intoId: Id }),
    z.object({ agent: AgentSchema, movedCalls: z.number().int().nonnegative() }),
  ),
  /**
   * An agent's teams over time, newest first (src-main/people/membership.ts): a call counts for
   * the team of its day. `from` null: since the beginning; `to` null: still there.
   */
  'agents.teamHistory': method(z.object({ agentId: Id }), z.array(TeamSpanSchema)),
} as const;

export type PeopleMethod = keyof typeof peopleContract;
