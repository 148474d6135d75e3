/**
 * The agent's answer to a submitted audit (申诉 / 确认), as the audit and its list show it: the
 * shape shared by the audits contract (which shows it) and the disputes contract (which changes it).
 */
import { z } from 'zod';
import { ANSWER_VALUES } from '../scorecard';

/** pending → acknowledged (final) | disputed → answered (final) */
export const RESPONSE_STATES = ['pending', 'acknowledged', 'disputed', 'answered'] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number];

/** upheld: the score stands (维持原判); revised: the reviewer re-scored the audit (改判). */
export const DISPUTE_OUTCOMES = ['upheld', 'revised'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/** The longest dispute reason or reviewer's answer, in characters. */
export const DISPUTE_TEXT_MAX = 2000;

/** Who did it: the signed-in login, '' on a local workspace (the team lead records it there). */
const Done = { at: z.number(), by: z.string() };

export const AuditResponseSchema = z.object({
  state: z.enum(RESPONSE_STATES),
  acknowledged: z.object(Done).nullable(),
  dispute: z
    .object({
      reason: z.string(),
      /** the scorecard items the agent names (empty: the audit as a whole) */
      itemKeys: z.array(z.string()),
      ...Done,
    })
    .nullable(),
  answer: z
    .object({
      text: z.string(),
      outcome: z.enum(DISPUTE_OUTCOMES),
      ...Done,
      /** revised only: the audit as first submitted (the audit itself now holds the revision) */
      original: z
        .object({
          score: z.number().nullable(),
          failed: z.boolean(),
          answers: z.record(z.string(), z.enum(ANSWER_VALUES)),
        })
        .nullable(),
    })
    .nullable(),
});
export type AuditResponse = z.infer<typeof AuditResponseSchema>;
