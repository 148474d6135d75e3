/** The dispute loop's share of the contract (src-shared/api/contract-disputes.ts). */
import type { Method } from '../../src-shared/api';
import type { disputesContract } from '../../src-shared/api/contract-disputes';
import type { HandlersFor } from '../dispatch';
import type { Workspace } from '../workspace';
import { acknowledgeAudit, answerDispute, disputeAudit, listDisputes } from './disputes';

type DisputesMethod = keyof typeof disputesContract & Method;

export function disputesHandlers(ws: Workspace): HandlersFor<DisputesMethod> {
  const db = ws.kysely;
  return {
    'audits.acknowledge': ({ auditId }) => ws.writes.run(() => acknowledgeAudit(db, auditId)),
    'audits.dispute': ({ auditId, reason, itemIds }) =>
      ws.writes.run(() => disputeAudit(db, auditId, reason, itemIds)),
    'audits.answerDispute': (input) => ws.writes.run(() => answerDispute(db, input)),
    'audits.disputes': ({ status, limit }) => listDisputes(db, status, limit),
  };
}
