/**
 * The Import page's preview of an order export: which column holds each order field, and the
 * first rows exactly as they will be stored (rejected ones in place with their field and reason).
 */
import type { ImportPreview, OrderPreview } from '../../../src-shared/api';
import { useFormat, useT } from '../../i18n/language';
import type { OrderField } from '../../../src-shared/orders';
import { useImport } from '../../stores/import';
import { ColumnMappingTable } from '../import/ColumnMappingTable';
import { PreviewTable, RejectedRow } from '../import/PreviewRows';

/** The required order fields the file's header lacks (the import cannot start without them). */
export function missingOrderFields(preview: ImportPreview): OrderPreview['columns'] {
  return preview.orders?.columns.filter((c) => c.required && c.column === null) ?? [];
}

export function OrderPreviewBody({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const orders = preview.orders;
  if (!orders) return null;
  const missing = missingOrderFields(preview);
  return (
    <div className="order-preview" data-testid="order-preview">
      <p className="order-preview__note" data-testid="order-preview-note">
        {t(orders.paymentsOnly ? 'orders.import.paymentsDetected' : 'orders.import.detected')}
      </p>
      {missing.length > 0 ? (
        <p className="preview__missing" role="alert" data-testid="preview-missing">
          {t('orders.import.missing', {
            fields: missing.map((c) => t(`orders.field.${c.field}`)).join(t('list.separator')),
          })}
        </p>
      ) : null}
      <div className="order-preview__mapping">
        <OrderColumnMapping preview={preview} columns={orders.columns} />
      </div>
      <OrderRows rows={orders.rows} />
    </div>
  );
}

/** Which column holds each order field (required ones first), editable like the call mapping. */
function OrderColumnMapping({
  preview,
  columns,
}: {
  preview: ImportPreview;
  columns: OrderPreview['columns'];
}) {
  const t = useT();
  const setOrderColumn = useImport((s) => s.setOrderColumn);
  const chosen = useImport((s) => s.choices.orderColumns);
  const ordered = [...columns.filter((c) => c.required), ...columns.filter((c) => !c.required)];
  return (
    <ColumnMappingTable
      title={t('orders.import.columns')}
      hint={t('import.preview.columnsHint')}
      preview={preview}
      idPrefix="order-map"
      rows={ordered.map((c) => ({
        field: c.field,
        label: t(`orders.field.${c.field}`),
        column: chosen && c.field in chosen ? (chosen[c.field] ?? null) : c.column,
        required: c.required,
        missing: c.required && c.column === null,
      }))}
      onChange={(field, column) => setOrderColumn(field as OrderField, column)}
    />
  );
}

function OrderRows({ rows }: { rows: OrderPreview['rows'] }) {
  const t = useT();
  const f = useFormat();
  const columns = 9;
  return (
    <PreviewTable
      title={t('orders.import.rows')}
      testId="order-preview-rows"
      columns={columns}
      head={
        <>
          <th scope="col" className="num">
            {t('orders.preview.line')}
          </th>
          <th scope="col">{t('orders.field.orderId')}</th>
          <th scope="col">{t('orders.field.agentCode')}</th>
          <th scope="col">{t('orders.preview.day')}</th>
          <th scope="col" className="num">
            {t('orders.field.amount')}
          </th>
          <th scope="col" className="num">
            {t('orders.field.collected')}
          </th>
          <th scope="col">{t('orders.preview.collectedOn')}</th>
          <th scope="col">{t('orders.field.status')}</th>
          <th scope="col">{t('import.preview.phone')}</th>
        </>
      }
      empty={rows.length === 0}
    >
      {rows.map((row) =>
        row.ok ? (
          <tr key={row.line} data-line={row.line} data-ok="true">
            <td className="num">{row.line}</td>
            <td>{row.order.orderNo}</td>
            <td>{row.order.agentCode}</td>
            <td>{row.order.day}</td>
            <td className="num">{f.money(row.order.amount)}</td>
            <td className="num">{row.order.collected > 0 ? f.money(row.order.collected) : '—'}</td>
            <td>{row.order.collectedDay ?? '—'}</td>
            <td className={row.order.reversedDay ? 'is-bad' : undefined}>
              {t(`orders.status.${row.order.status}`)}
              {row.order.reversedDay ? ` · ${row.order.reversedDay}` : ''}
              {row.order.customerType ? ` · ${t(`orders.customer.${row.order.customerType}`)}` : ''}
            </td>
            <td className="nowrap">{row.order.phoneLast4 ? `…${row.order.phoneLast4}` : '—'}</td>
          </tr>
        ) : (
          <RejectedRow key={row.line} row={row} columns={columns} />
        ),
      )}
    </PreviewTable>
  );
}
