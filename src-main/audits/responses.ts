/**
 * Reading the agent's answer to an audit (申诉 / 确认) as the audit shows it. A submitted regular
 * audit without a row in `audit_responses` is pending; a draft or a calibration scoring has none.
 */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { AuditResponse } from '../../src-shared/api';
import { ANSWER_VALUES } from '../../src-shared/scorecard';
import type { AuditResponsesTable, AuditsTable, Database } from '../db/schema';

export type ResponseRow = Selectable<AuditResponsesTable>;

const ItemKeys = z.array(z.string());
const StoredAnswers = z.record(z.string(), z.enum(ANSWER_VALUES));

/** Is this audit one the agent answers: submitted, and not a calibration scoring? */
export function answerable(audit: Pick<Selectable<AuditsTable>, 'status' | 'calibration_id'>): boolean {
  return audit.status === 'submitted' && audit.calibration_id === null;
}

/** The dispute's item keys as stored (JSON array). */
export function disputeItems(json: string | null): string[] {
  return json === null ? [] : ItemKeys.parse(JSON.parse(json));
}

export function responseOf(row: ResponseRow | undefined): AuditResponse {
  if (!row) return { state: 'pending', acknowledged: null, dispute: null, answer: null };
  return {
    state: row.state,
    acknowledged:
      row.acknowledged_at === null ? null : { at: row.acknowledged_at, by: row.acknowledged_by ?? '' },
    dispute:
      row.disputed_at === null || row.dispute_reason === null
        ? null
        : {
            reason: row.dispute_reason,
            itemKeys: disputeItems(row.dispute_items),
            at: row.disputed_at,
            by: row.disputed_by ?? '',
          },
    answer:
      row.answered_at === null || row.outcome === null
        ? null
        : {
            text: row.answer ?? '',
            outcome: row.outcome,
            at: row.answered_at,
            by: row.answered_by ?? '',
            original:
              row.outcome === 'revised' && row.original_answers !== null
                ? {
                    score: row.original_score,
                    failed: row.original_failed === 1,
                    answers: StoredAnswers.parse(JSON.parse(row.original_answers)),
                  }
                : null,
          },
  };
}

export async function responseRow(db: Kysely<Database>, auditId: number): Promise<ResponseRow | undefined> {
  return db.selectFrom('audit_responses').selectAll().where('audit_id', '=', auditId).executeTakeFirst();
}

/** The audit's response as `audits.get` shows it (null: a draft or a calibration scoring). */
export async function auditResponse(
  db: Kysely<Database>,
  audit: Pick<Selectable<AuditsTable>, 'id' | 'status' | 'calibration_id'>,
): Promise<AuditResponse | null> {
  return answerable(audit) ? responseOf(await responseRow(db, audit.id)) : null;
}
