/** The orders feature's handlers (src-shared/api/contract-orders.ts). */
import type { HandlersFor } from '../dispatch';
import type { OrdersMethod } from '../../src-shared/api';
import type { Workspace } from '../workspace';
import { workingDaysFor } from '../targets/store';
import { orderBreakdown, orderSummary } from './queries';
import { loadOrderSettings, saveOrderSettings } from './settings';

export function ordersHandlers(ws: Workspace): HandlersFor<OrdersMethod> {
  return {
    'orders.settings.get': () => loadOrderSettings(ws.kysely),
    'orders.settings.update': (patch) => ws.writes.run(() => saveOrderSettings(ws.kysely, patch)),
    'orders.summary': async ({ filter }) =>
      orderSummary(
        ws.kysely,
        filter,
        await loadOrderSettings(ws.kysely),
        await workingDaysFor(ws.kysely, filter),
      ),
    'orders.breakdown': async ({ filter, by }) => ({ rows: await orderBreakdown(ws.kysely, filter, by) }),
  };
}
