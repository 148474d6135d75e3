/**
 * An order layout preset: like a call preset (src-main/import/preset.ts), one export format as
 * data — which header names mean which order field, and which texts mean which status.
 */
import type { CustomerType, OrderField, OrderStatus } from '../../src-shared/orders';
import type { ColumnMap, ColumnSpec } from './preset';

export interface OrderPreset extends ColumnSpec<OrderField> {
  id: string;
  name: string;
  statuses: Readonly<Record<string, OrderStatus>>;
  customerTypes: Readonly<Record<string, CustomerType>>;
  /** rows are payments on orders already stored (a payments-only export), not orders */
  payments?: true;
}

export type OrderColumnMap = ColumnMap<OrderField>;
