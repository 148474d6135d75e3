/**
 * The audit dispute loop (申诉), as QA suites have it: the audited agent acknowledges a submitted
 * audit or disputes it once with a reason, and a reviewer answers the dispute — upheld, or revised
 * with a new scoring. An answered dispute is final.
 */
import { z } from 'zod';
import { ANSWER_VALUES } from '../scorecard';
import { DISPUTE_OUTCOMES, DISPUTE_TEXT_MAX } from './audit-response';
import { AuditDetailSchema } from './contract-audits';
import { method } from './method';
import { DaySchema } from './schemas';

const Id = z.number().int().positive();
const Text = z.string().trim().min(1).max(DISPUTE_TEXT_MAX);

export const DisputeRowSchema = z.object({
  auditId: Id,
  callId: Id,
  agentId: Id,
  agentName: z.string(),
  reviewer: z.string(),
  day: DaySchema,
  /** the audit's score now (the revision once revised) */
  score: z.number().nullable(),
  failed: z.boolean(),
  reason: z.string(),
  itemKeys: z.array(z.string()),
  disputedAt: z.number(),
  disputedBy: z.string(),
  /** whole hours since the dispute (to the answer, once answered) */
  ageHours: z.number().int().nonnegative(),
  answer: z
    .object({ text: z.string(), outcome: z.enum(DISPUTE_OUTCOMES), at: z.number(), by: z.string() })
    .nullable(),
});
export type DisputeRow = z.infer<typeof DisputeRowSchema>;

export const disputesContract = {
  /** The agent accepts a submitted audit (final). */
  'audits.acknowledge': method(z.object({ auditId: Id }), AuditDetailSchema),
  /** The agent disputes a submitted audit once, with a reason, optionally naming scorecard items. */
  'audits.dispute': method(
    z.object({ auditId: Id, reason: Text, itemIds: z.array(z.string().max(64)).max(200).optional() }),
    AuditDetailSchema,
  ),
  /**
   * A reviewer answers an open dispute (final). `revised` re-scores the audit with `answers` (with
   * the audit's own scorecard version; items left out count as N/A); the first scoring is kept.
   */
  'audits.answerDispute': method(
    z.object({
      auditId: Id,
      answer: Text,
      outcome: z.enum(DISPUTE_OUTCOMES),
      answers: z.record(z.string().max(64), z.enum(ANSWER_VALUES)).optional(),
    }),
    AuditDetailSchema,
  ),
  /**
   * The reviewers' queue: open disputes oldest first, answered ones latest answer first (`all`:
   * open, then answered), and how many of each. An agent sees their own only.
   */
  'audits.disputes': method(
    z.object({
      status: z.enum(['open', 'answered', 'all']).default('open'),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({
      rows: z.array(DisputeRowSchema),
      open: z.number().int().nonnegative(),
      answered: z.number().int().nonnegative(),
    }),
  ),
};
