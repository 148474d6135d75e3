/**
 * Payments-only exports (回款明细 / 收款记录 / "Payments" reports): one row per payment collected on
 * an order, without the order itself — 订单编号, 回款金额 or 实收金额, 回款日期, maybe 销售工号 and
 * 回款编号. Each payment is attached to the order already stored under its order id; a payment for
 * an order not stored is a rejected row. The header names are the order layouts' own.
 */
import type { OrderPreset } from '../order-preset';
import { enOrdersPreset } from './generic-en';
import { zhOrdersPreset } from './zh-generic';

function paymentsOf(orders: OrderPreset, id: string, name: string): OrderPreset {
  const { orderId, agentCode, agentName, collected, collectedAt, paymentId } = orders.columns;
  return {
    id,
    name,
    payments: true,
    columns: { orderId, agentCode, agentName, collected, collectedAt, paymentId },
    required: ['orderId', 'collected', 'collectedAt'],
    statuses: {},
    customerTypes: {},
  };
}

export const zhPaymentsPreset = paymentsOf(
  zhOrdersPreset,
  'zh-payments',
  '中文回款明细 (Chinese payments export)',
);
export const enPaymentsPreset = paymentsOf(enOrdersPreset, 'en-payments', 'Payments export (English)');
