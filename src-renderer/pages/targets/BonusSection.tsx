/**
 * The bonus sheet: per grade a coefficient on the base bonus and commission bands on revenue, and
 * each agent's variable pay for the month, which the lead can override with a reason.
 */
import { useState } from 'react';
import type { Output } from '../../../src-shared/api';
import { GRADES, type BonusSheet, type CommissionBand } from '../../../src-shared/scoring';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';
import { useMayCall } from '../../stores/auth';
import { useWorkspace } from '../../stores/workspace';

/** "0: 3%, 50000: 5%" (amounts in currency units) <-> bands in minor units and fractions. */
export function bandsToText(bands: CommissionBand[]): string {
  return bands.map((b) => `${b.from / 100}: ${Number((b.rate * 100).toFixed(3))}%`).join(', ');
}

export function textToBands(text: string): CommissionBand[] | null {
  const parts = text
    .split(/[,，]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const bands: CommissionBand[] = [];
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(part);
    if (!m) return null;
    bands.push({ from: Math.round(Number(m[1]) * 100), rate: Number(m[2]) / 100 });
  }
  return bands.length ? bands.sort((a, b) => a.from - b.from) : null;
}

export function BonusSection({ month }: { month: string }) {
  const t = useT();
  const bonus = useApiQuery('targets.bonus', { month });
  return (
    <QueryView query={bonus} skeleton={<SkeletonBlock lines={8} lineHeight={20} />}>
      {(data) => (
        <div className="bonus">
          <SheetEditor key={JSON.stringify(data.sheet)} sheet={data.sheet} />
          <Panel title={t('targets.bonus.pay')} subtitle={month} testId="bonus-table-panel">
            <PayTable data={data} month={month} />
          </Panel>
        </div>
      )}
    </QueryView>
  );
}

function SheetEditor({ sheet }: { sheet: BonusSheet }) {
  const t = useT();
  const refresh = useWorkspace((s) => s.refresh);
  // A team lead reads the sheet the manager decides.
  const maySave = useMayCall()('targets.setBonusSheet');
  const [base, setBase] = useState(String(sheet.base / 100));
  const [coef, setCoef] = useState(() => GRADES.map((g) => String(sheet.grades[g].coefficient)));
  const [bands, setBands] = useState(() => GRADES.map((g) => bandsToText(sheet.grades[g].bands)));
  const parsed = bands.map(textToBands);
  const valid = parsed.every((b) => b !== null) && Number.isFinite(Number(base));
  const save = async () => {
    const grades = Object.fromEntries(
      GRADES.map((g, i) => [g, { coefficient: Number(coef[i]) || 0, bands: parsed[i]! }]),
    ) as BonusSheet['grades'];
    await call('targets.setBonusSheet', { base: Math.round(Number(base) * 100), grades });
    await refresh();
  };
  return (
    <Panel title={t('targets.tab.bonus')} testId="bonus-sheet">
      <Field label={t('targets.bonus.base')} className="field--inline">
        <input
          className="input input--narrow"
          value={base}
          onChange={(e) => setBase(e.target.value)}
          readOnly={!maySave}
          data-testid="bonus-base"
        />
      </Field>
      <table className="data-table bonus-sheet">
        <thead>
          <tr>
            <th scope="col">{t('targets.bonus.grade')}</th>
            <th scope="col">{t('targets.bonus.coefficient')}</th>
            <th scope="col">{t('targets.bonus.bands')}</th>
          </tr>
        </thead>
        <tbody>
          {GRADES.map((g, i) => (
            <tr key={g}>
              <th scope="row">
                <span className={`grade grade--${g}`}>{g}</span>
              </th>
              <td>
                <input
                  className="input input--narrow"
                  value={coef[i]}
                  onChange={(e) => setCoef((c) => c.map((x, j) => (j === i ? e.target.value : x)))}
                  readOnly={!maySave}
                  data-testid={`bonus-coef-${g}`}
                />
              </td>
              <td>
                <input
                  className={parsed[i] ? 'input bonus-bands' : 'input bonus-bands is-invalid'}
                  value={bands[i]}
                  onChange={(e) => setBands((b) => b.map((x, j) => (j === i ? e.target.value : x)))}
                  readOnly={!maySave}
                  aria-invalid={!parsed[i]}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field__hint">{valid ? t('targets.bonus.bandsHint') : t('targets.bonus.badBands')}</p>
      {maySave ? (
        <button
          type="button"
          className="button button--primary"
          disabled={!valid}
          onClick={() => void save()}
          data-testid="bonus-save"
        >
          {t('targets.bonus.saveSheet')}
        </button>
      ) : null}
    </Panel>
  );
}

function PayTable({ data, month }: { data: Output<'targets.bonus'>; month: string }) {
  const t = useT();
  const mayOverride = useMayCall()('targets.overridePay');
  const f = useFormat();
  const agents = useWorkspace((s) => s.agents);
  const total = data.rows.reduce((s, r) => s + (r.pay ?? 0), 0);
  // One format per column (cents in all rows or none); the total is written like its column.
  const revenue = f.column(
    'money',
    data.rows.map((r) => r.revenue),
  );
  const bonus = f.column(
    'money',
    data.rows.map((r) => r.bonus),
  );
  const commission = f.column(
    'money',
    data.rows.map((r) => r.commission),
  );
  const pay = f.column('money', [...data.rows.map((r) => r.pay), total]);
  return (
    <div className="table-scroll">
      <table className="data-table pay-table" data-testid="pay-table">
        <thead>
          <tr>
            <th scope="col">{t('targets.plan.agent')}</th>
            <th scope="col" className="num">
              {t('targets.scoring.score')}
            </th>
            <th scope="col">{t('targets.bonus.grade')}</th>
            <th scope="col" className="num">
              {t('kpi.revenue')}
            </th>
            <th scope="col" className="num">
              {t('targets.bonus.bonus')}
            </th>
            <th scope="col" className="num">
              {t('targets.bonus.commission')}
            </th>
            <th scope="col" className="num">
              {t('targets.bonus.pay')}
            </th>
            <th scope="col">{t('targets.bonus.override')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => {
            const agent = agents.find((a) => a.id === r.agentId);
            return (
              <tr key={r.agentId} data-agent-id={r.agentId}>
                <th scope="row">{agent?.name ?? agent?.code}</th>
                <td className="num">{r.score === null ? '—' : r.score.toFixed(1)}</td>
                <td>{r.grade ? <span className={`grade grade--${r.grade}`}>{r.grade}</span> : '—'}</td>
                <td className="num">{revenue(r.revenue)}</td>
                <td className="num">{bonus(r.bonus)}</td>
                <td className="num">{commission(r.commission)}</td>
                <td className="num" data-testid="pay" data-value={r.pay ?? ''}>
                  <strong>{pay(r.pay)}</strong>
                  {r.override ? (
                    <span
                      className="pay-override"
                      title={t('targets.bonus.overridden', { reason: r.override.reason })}
                    >
                      *
                    </span>
                  ) : null}
                </td>
                <td>
                  {mayOverride ? (
                    <OverrideForm month={month} agentId={r.agentId} current={r.override} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('targets.bonus.total')}</th>
            <td colSpan={5} />
            <td className="num">
              <strong>{pay(total)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function OverrideForm({
  month,
  agentId,
  current,
}: {
  month: string;
  agentId: number;
  current: { amount: number; reason: string } | null;
}) {
  const t = useT();
  const refresh = useWorkspace((s) => s.refresh);
  const [amount, setAmount] = useState(current ? String(current.amount / 100) : '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const apply = async (clear: boolean) => {
    await call('targets.overridePay', {
      month,
      agentId,
      amount: clear ? null : Math.round(Number(amount) * 100),
      reason: clear ? '' : reason,
    });
    if (clear) {
      setAmount('');
      setReason('');
    }
    await refresh();
  };
  const ok = amount.trim() !== '' && Number.isFinite(Number(amount)) && reason.trim() !== '';
  return (
    <div className="override-form">
      <input
        className="input input--narrow"
        placeholder={t('targets.bonus.override')}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <input
        className="input override-form__reason"
        placeholder={t('targets.bonus.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="button" className="button button--small" disabled={!ok} onClick={() => void apply(false)}>
        {t('targets.bonus.apply')}
      </button>
      {current ? (
        <button type="button" className="button button--small" onClick={() => void apply(true)}>
          {t('targets.bonus.clear')}
        </button>
      ) : null}
    </div>
  );
}
