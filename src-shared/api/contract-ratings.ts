/**
 * Behaviour ratings (lead, self, peer) and the training log: the month's ratings side by side with
 * each agent's training attendance, saving ratings, and keeping the training log.
 */
import { z } from 'zod';
import { RATER_KINDS, RATING_DIMENSIONS, RATING_MAX, RATING_MIN } from '../ratings';
import { MonthSchema } from './contract-targets';
import { method } from './method';
import { DaySchema, TeamIdsSchema } from './schemas';

const Id = z.number().int().positive();
const Score = z.number().int().min(RATING_MIN).max(RATING_MAX);
export const RatingDimensionSchema = z.enum(RATING_DIMENSIONS);

export const RatingEntrySchema = z.object({
  agentId: Id,
  raterKind: z.enum(RATER_KINDS),
  /** 0 for the lead, the agent for a self-rating, the rating agent for a peer */
  raterId: z.number().int().min(0),
  dimension: RatingDimensionSchema,
  score: Score,
  reason: z.string().trim().max(200),
});
export type RatingEntryRow = z.infer<typeof RatingEntrySchema>;

export const TrainingSessionSchema = z.object({
  id: Id,
  day: DaySchema,
  topic: z.string(),
  hours: z.number().nullable(),
  notes: z.string().nullable(),
  attendees: z.array(Id),
});
export type TrainingSessionRow = z.infer<typeof TrainingSessionSchema>;

const Dims = <T extends z.ZodType>(v: T) => z.object({ professionalism: v, attitude: v, learning: v });

export const AgentRatingsSchema = z.object({
  agentId: Id,
  teamId: z.number().int().nullable(),
  lead: Dims(Score.nullable()),
  self: Dims(Score.nullable()),
  peer: Dims(z.object({ average: z.number().nullable(), raters: z.number().int() })),
  /** the month's training sessions the agent attended (ids, by day) and their hours */
  trainings: z.object({ sessionIds: z.array(Id), count: z.number().int(), hours: z.number() }),
});
export type AgentRatingsRow = z.infer<typeof AgentRatingsSchema>;

export const ratingsContract = {
  /** The month's ratings (every entry, and per active agent lead/self/peer side by side) and training log. */
  'ratings.month': method(
    z.object({ month: MonthSchema, teamId: Id.optional(), teamIds: TeamIdsSchema.optional() }),
    z.object({
      month: MonthSchema,
      entries: z.array(RatingEntrySchema),
      agents: z.array(AgentRatingsSchema),
      sessions: z.array(TrainingSessionSchema),
    }),
  ),
  /** Saves ratings; a null score removes one. A self-rating's rater is the agent, a peer's another agent. */
  'ratings.set': method(
    z.object({
      month: MonthSchema,
      entries: z.array(RatingEntrySchema.extend({ score: Score.nullable() })).max(3000),
    }),
    z.object({ saved: z.number().int() }),
  ),
  /** Adds a training session (no id) or replaces one, with its attendees. */
  'ratings.saveTraining': method(
    z.object({
      id: Id.optional(),
      day: DaySchema,
      topic: z.string().trim().min(1).max(120),
      hours: z.number().min(0).max(24).nullable(),
      notes: z.string().trim().max(500).nullable(),
      attendees: z.array(Id).max(2000),
    }),
    TrainingSessionSchema,
  ),
  'ratings.deleteTraining': method(z.object({ id: Id }), z.object({ deleted: z.boolean() })),
} as const;

export type RatingsMethod = keyof typeof ratingsContract;
