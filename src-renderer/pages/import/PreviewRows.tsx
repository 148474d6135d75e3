/** The first rows of the file as they will be stored, rejected ones in place with their reason. */
import type { ReactNode } from 'react';
import type { ImportPreview, PreviewCall } from '../../../src-shared/api';
import { useFormat, useLanguage, useT } from '../../i18n/language';
import { reasonText } from './reason-text';
import { visibleText } from '../../../src-shared/visible-text';

export function PreviewRows({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const f = useFormat();
  const showLegs = preview.rows.some((r) => r.ok && r.call.legs > 1);
  const columns = showLegs ? 11 : 10;

  return (
    <PreviewTable
      title={t('import.preview.rows')}
      testId="preview-rows"
      columns={columns}
      head={
        <>
          <th scope="col" className="num">
            {t('import.rejects.line')}
          </th>
          <th scope="col">{t('dashboard.agents.agent')}</th>
          <th scope="col">{t('import.preview.day')}</th>
          <th scope="col">{t('import.preview.time')}</th>
          <th scope="col">{t('import.field.disposition')}</th>
          <th scope="col" className="num">
            {t('import.field.talkSeconds')}
          </th>
          <th scope="col">{t('import.field.outcome')}</th>
          <th scope="col" className="num">
            {t('import.preview.amount')}
          </th>
          <th scope="col">{t('import.preview.phone')}</th>
          {showLegs ? (
            <th scope="col" className="num">
              {t('import.preview.legs')}
            </th>
          ) : null}
          <th scope="col">
            <span className="visually-hidden">{t('import.rejects.reason')}</span>
          </th>
        </>
      }
      empty={preview.rows.length === 0}
    >
      {preview.rows.map((row) =>
        row.ok ? (
          <CallRow
            key={row.line}
            line={row.line}
            call={row.call}
            warning={row.warning}
            showLegs={showLegs}
            f={f}
          />
        ) : (
          <RejectedRow key={row.line} row={row} columns={columns} />
        ),
      )}
    </PreviewTable>
  );
}

/**
 * The first rows of a file as they will be stored (calls and orders alike): the header cells
 * (`head`, `columns` of them), "no rows" when `empty`, then the rows.
 */
export function PreviewTable({
  title,
  testId,
  columns,
  head,
  empty,
  children,
}: {
  title: string;
  testId: string;
  columns: number;
  head: ReactNode;
  empty: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="preview-rows">
      <h3 className="mapping__title">{title}</h3>
      <div className="table-scroll preview-rows__scroll">
        <table className="data-table data-table--preview" data-testid={testId}>
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>
            {empty ? (
              <tr>
                <td colSpan={columns} className="is-empty">
                  {t('import.preview.noRows')}
                </td>
              </tr>
            ) : null}
            {children}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A row that will not be stored, in place: its line, field and reason (calls and orders alike). */
export function RejectedRow({
  row,
  columns,
}: {
  row: {
    line: number;
    field: string | null;
    reason: string;
    reasonCode?: { key: string; params: Record<string, string | number> };
  };
  columns: number;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <tr className="is-rejected" data-line={row.line} data-ok="false">
      <td className="num">{row.line}</td>
      <td colSpan={columns - 1} className="preview-rows__reason">
        <span className="badge badge--failed">{t('import.preview.rejected')}</span>
        {row.field ? <code>{row.field}</code> : null}
        <span>{reasonText(t, row, language)}</span>
      </td>
    </tr>
  );
}

interface CallRowProps {
  line: number;
  call: PreviewCall;
  warning: string | null;
  showLegs: boolean;
  f: ReturnType<typeof useFormat>;
}

function CallRow({ line, call, warning: raw, showLegs, f }: CallRowProps) {
  const t = useT();
  const language = useLanguage();
  // "field: reason", the reason in the UI's language
  const cut = raw === null ? -1 : raw.indexOf(': ');
  const warning =
    raw === null || cut === -1
      ? raw
      : `${raw.slice(0, cut + 2)}${reasonText(t, { reason: raw.slice(cut + 2) }, language)}`;
  // An agent known only by name has that name for a code (云客): shown once.
  const named = call.agentName && call.agentName !== call.agentCode;
  const agent = visibleText(
    named ? `${call.agentName} (${call.agentCode})` : (call.agentName ?? call.agentCode),
  );
  return (
    <tr data-line={line} data-ok="true" className={warning ? 'is-warned' : undefined}>
      <td className="num">{line}</td>
      <td className="preview-rows__agent" title={agent}>
        {agent}
      </td>
      <td>{call.day}</td>
      <td>{f.time(call.startedAt)}</td>
      <td className={call.disposition === 'connected' ? '' : 'muted'} data-direction={call.direction}>
        {/* An inbound call is stored but is no dial: said beside its result. */}
        {call.direction === 'inbound' ? `${t('calls.direction.inbound')} · ` : null}
        {t(`import.disposition.${call.disposition}`)}
      </td>
      <td className="num">{f.duration(call.talkSeconds)}</td>
      <td className={call.outcome === 'none' ? 'muted' : call.outcome === 'sale' ? 'is-good' : ''}>
        {t(`import.outcome.${call.outcome}`)}
      </td>
      <td className="num">{call.saleAmount > 0 ? f.money(call.saleAmount) : '—'}</td>
      <td className="nowrap">{call.phoneLast4 ? `…${call.phoneLast4}` : '—'}</td>
      {showLegs ? <td className="num">{call.legs > 1 ? call.legs : ''}</td> : null}
      <td className="preview-rows__note">
        {warning ? (
          <span
            className="warn-icon"
            role="img"
            aria-label={t('import.preview.warning', { note: warning })}
            title={t('import.preview.warning', { note: warning })}
            data-testid="preview-warning"
          >
            ⚠
          </span>
        ) : null}
      </td>
    </tr>
  );
}
