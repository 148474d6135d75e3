/**
 * One row of an order export -> one normalised order row (the order, and the payment the row
 * carries, if any), or of a payments-only export -> one payment on a stored order; else the field
 * and reason it cannot be stored. The customer number is hashed
 * with the workspace salt and kept as its last four digits, exactly like a call's (hashPhone).
 */
import type { CustomerType, OrderField, OrderStatus } from '../../src-shared/orders';
import { localParts } from '../../src-shared/time';
import { hashPhone, type NormaliseOptions } from './normalise';
import type { OrderColumnMap, OrderPreset } from './order-preset';
import { lookupValue } from './preset';
import { amountProblem, reasonText, type Reason } from './bounds';
import { parseAmount, parsePhone, parseTimestamp, ValueError } from './values';

export interface OrderPayment {
  /** unique within the order: the export's payment id, else its time and amount */
  key: string;
  at: number;
  day: string;
  /** minor units */
  amount: number;
}

export interface NormalizedOrder {
  kind: 'order';
  orderNo: string;
  agentCode: string;
  agentName: string | null;
  campaign: string | null;
  product: string | null;
  orderedAt: number;
  day: string;
  /** minor units */
  amount: number;
  status: OrderStatus;
  /** when a refund or cancellation took effect (its own date; the order's when the export has none) */
  reversedAt: number | null;
  reversedDay: string | null;
  customerType: CustomerType | null;
  phoneHash: string | null;
  phoneLast4: string | null;
  payment: OrderPayment | null;
}

/** A row of a payments-only export: a payment on an order that must already be stored. */
export interface NormalizedPayment {
  kind: 'payment';
  orderNo: string;
  /** the agent the export names, if any (the payment counts for the stored order's agent) */
  agentCode: string | null;
  payment: OrderPayment;
}

export type NormalizedOrderRow = NormalizedOrder | NormalizedPayment;

export type OrderRowResult =
  | { ok: true; order: NormalizedOrderRow }
  /** `code`: the reason as a translatable key, where it has one */
  | { ok: false; field: string | null; reason: string; code?: Reason };

class OrderFieldError extends Error {
  constructor(
    readonly field: OrderField,
    message: string,
    readonly code?: Reason,
  ) {
    super(message);
  }
}

function choices(map: Readonly<Record<string, unknown>>): string {
  return Object.keys(map).join(', ');
}

export function createOrderNormaliser(
  preset: OrderPreset,
  columns: OrderColumnMap,
  header: readonly string[],
  options: Pick<NormaliseOptions, 'timeZone' | 'dayTimeZone' | 'salt'>,
): (row: readonly string[]) => OrderRowResult {
  const { timeZone, salt } = options;
  const dayZone = options.dayTimeZone ?? timeZone;
  const fieldName = (field: OrderField) => {
    const index = columns[field];
    return index === undefined ? field : (header[index] ?? field);
  };
  let row: readonly string[] = [];
  const cell = (field: OrderField): string => {
    const index = columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const read = <T>(field: OrderField, parse: (text: string) => T): T => {
    try {
      return parse(cell(field));
    } catch (err) {
      if (err instanceof ValueError) throw new OrderFieldError(field, err.message);
      throw err;
    }
  };
  const time = (text: string) => parseTimestamp(text, timeZone);
  const money = (field: OrderField): number => {
    const value = read(field, parseAmount);
    const problem = amountProblem(value);
    if (problem) throw new OrderFieldError(field, reasonText(problem), problem);
    return value;
  };
  const mapped = <T>(field: OrderField, map: Readonly<Record<string, T>>): T | null => {
    const text = cell(field);
    if (text === '') return null;
    const value = lookupValue(map, text);
    if (value === undefined)
      throw new OrderFieldError(field, `unknown ${field} "${text}" (expected ${choices(map)})`);
    return value;
  };

  const payment = (orderNo: string): NormalizedPayment => {
    if (cell('collected') === '')
      throw new OrderFieldError('collected', 'amount collected (回款金额) is empty');
    const amount = money('collected');
    if (amount === 0) throw new OrderFieldError('collected', 'a payment of 0 collects nothing');
    const at = read('collectedAt', time);
    const paymentId = cell('paymentId');
    return {
      kind: 'payment',
      orderNo,
      agentCode: cell('agentCode') || null,
      payment: {
        // the key an order export's row gives the same payment, so importing both stores it once
        key: paymentId ? `id:${paymentId}` : `${at}|${amount}`,
        at,
        day: localParts(at, dayZone).day,
        amount,
      },
    };
  };

  return (cells) => {
    row = cells;
    try {
      const orderNo = cell('orderId');
      if (orderNo === '') throw new OrderFieldError('orderId', 'order id (订单编号) is empty');
      if (preset.payments) return { ok: true, order: payment(orderNo) };
      const agentCode = cell('agentCode');
      if (agentCode === '') throw new OrderFieldError('agentCode', 'agent code (工号) is empty');
      const orderedAt = read('orderedAt', time);
      const amount = money('amount');
      const collected = cell('collected') === '' ? 0 : money('collected');
      const paidAt = cell('collectedAt') === '' ? orderedAt : read('collectedAt', time);
      const status =
        mapped('status', preset.statuses) ??
        (collected === 0 ? 'unpaid' : collected < amount ? 'partially_paid' : 'paid');
      const reversed = status === 'refunded' || status === 'cancelled';
      const reversedAt = !reversed ? null : cell('statusAt') === '' ? orderedAt : read('statusAt', time);
      const phone = parsePhone(cell('phone'));
      const paymentId = cell('paymentId');
      return {
        ok: true,
        order: {
          kind: 'order',
          orderNo,
          agentCode,
          agentName: cell('agentName') || null,
          campaign: cell('campaign') || null,
          product: cell('product') || null,
          orderedAt,
          day: localParts(orderedAt, dayZone).day,
          amount,
          status,
          reversedAt,
          reversedDay: reversedAt === null ? null : localParts(reversedAt, dayZone).day,
          customerType: mapped('customerType', preset.customerTypes),
          phoneHash: phone.digits ? hashPhone(phone.digits, salt) : null,
          phoneLast4: phone.digits ? phone.digits.slice(-4) : null,
          payment:
            collected === 0
              ? null
              : {
                  key: paymentId ? `id:${paymentId}` : `${paidAt}|${collected}`,
                  at: paidAt,
                  day: localParts(paidAt, dayZone).day,
                  amount: collected,
                },
        },
      };
    } catch (err) {
      if (err instanceof OrderFieldError) {
        const code = err.code && { code: err.code };
        return { ok: false, field: fieldName(err.field), reason: err.message, ...code };
      }
      throw err;
    }
  };
}
