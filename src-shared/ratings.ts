/**
 * Behaviour and ability ratings (行为评价) and the training log that feeds the learning rating.
 *
 * Each month the team lead rates every agent 1–5 on three dimensions, each with a short reason.
 * An agent may rate themself and peers may rate them (a light 360); those are shown beside the
 * lead's rating for the conversation, but only the lead's rating can count in the composite score
 * (a self-rating scoring its own pay would invite inflation).
 *
 * How a rating enters the composite score (see `compositeScore` in scoring.ts): it becomes an
 * attainment like a KPI's, rating ÷ target rating. With the default target rating 4 ("meets
 * expectations"): 5 → 125 % (then capped like every KPI, e.g. at 120 %), 4 → 100 %, 3 → 75 %,
 * 2 → 50 %, 1 → 25 %. No lead rating for the month = no data, left out like a KPI without data.
 */

export const RATING_DIMENSIONS = ['professionalism', 'attitude', 'learning'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

export const RATER_KINDS = ['lead', 'self', 'peer'] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** The rating that counts as a met target (100 % attainment). */
export const DEFAULT_RATING_TARGET = 4;

/** A rating's attainment: rating ÷ target rating; null (no rating) = no data. Not capped here. */
export function ratingAttainment(rating: number | null | undefined, targetRating: number): number | null {
  if (rating === null || rating === undefined || targetRating <= 0) return null;
  return rating / targetRating;
}

/** One stored rating. `raterId`: 0 for the lead, the agent's own id for a self-rating, the peer's id. */
export interface RatingEntry {
  agentId: number;
  raterKind: RaterKind;
  raterId: number;
  dimension: RatingDimension;
  score: number;
  reason: string;
}

export type ByDimension<T> = Record<RatingDimension, T>;

export interface PeerRating {
  /** mean of the peers' scores; null when no peer rated the dimension */
  average: number | null;
  raters: number;
}

/** One agent's month of ratings, side by side. */
export interface AgentRatings {
  lead: ByDimension<number | null>;
  self: ByDimension<number | null>;
  peer: ByDimension<PeerRating>;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function byDimension<T>(make: (d: RatingDimension) => T): ByDimension<T> {
  return {
    professionalism: make('professionalism'),
    attitude: make('attitude'),
    learning: make('learning'),
  };
}

/** Lead, self and the peers' average per dimension for one agent, from the month's entries. */
export function agentRatings(agentId: number, entries: readonly RatingEntry[]): AgentRatings {
  const own = entries.filter((e) => e.agentId === agentId);
  const one = (kind: RaterKind, d: RatingDimension) =>
    own.find((e) => e.raterKind === kind && e.dimension === d)?.score ?? null;
  return {
    lead: byDimension((d) => one('lead', d)),
    self: byDimension((d) => one('self', d)),
    peer: byDimension((d) => {
      const scores = own.filter((e) => e.raterKind === 'peer' && e.dimension === d).map((e) => e.score);
      return { average: mean(scores), raters: scores.length };
    }),
  };
}

/** One session of the training log. */
export interface TrainingSession {
  id: number;
  day: string;
  topic: string;
  hours: number | null;
  notes: string | null;
  attendees: number[];
}

export interface Attendance {
  /** sessions the agent attended, by day */
  sessions: TrainingSession[];
  count: number;
  /** sum of the attended sessions' hours (sessions without hours add none) */
  hours: number;
}

/** What an agent took part in over the given sessions (the month's): shown beside the learning rating. */
export function attendanceOf(agentId: number, sessions: readonly TrainingSession[]): Attendance {
  const attended = sessions
    .filter((s) => s.attendees.includes(agentId))
    .sort((a, b) => a.day.localeCompare(b.day) || a.id - b.id);
  return {
    sessions: attended,
    count: attended.length,
    hours: attended.reduce((sum, s) => sum + (s.hours ?? 0), 0),
  };
}
