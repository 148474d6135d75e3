/**
 * The agent's outbound calls per call result and per outcome, as a compact table: count, share
 * and a bar (HTML, so it reads the same in every theme and needs no legend).
 */
import type { Input, Output } from '../../../src-shared/api';
import { DISPOSITIONS, OUTCOMES } from '../../../src-shared/domain';
import type { MessageKey } from '../../../src-shared/i18n';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { SkeletonBlock } from '../../components/Skeleton';
import type { ApiQuery } from '../../hooks/useApiQuery';
import { useFormat, useT } from '../../i18n/language';

type AgentQuery = ApiQuery<Output<'metrics.agent'>, Input<'metrics.agent'>>;

interface MixRow {
  key: string;
  label: MessageKey;
  count: number;
}

export function DispositionMix({ query }: { query: AgentQuery }) {
  const t = useT();
  return (
    <Panel title={t('agent.dispositions.title')} className="agent-mix-panel" testId="agent-dispositions">
      <QueryView query={query} skeleton={<SkeletonBlock lines={5} />}>
        {(data) => (
          <MixTable
            kind="disposition"
            rows={DISPOSITIONS.map((d) => ({
              key: d,
              label: `import.disposition.${d}`,
              count: data.dispositions[d] ?? 0,
            }))}
          />
        )}
      </QueryView>
    </Panel>
  );
}

export function OutcomeMix({ query }: { query: AgentQuery }) {
  const t = useT();
  return (
    <Panel title={t('agent.outcomes.title')} className="agent-mix-panel" testId="agent-outcomes">
      <QueryView query={query} skeleton={<SkeletonBlock lines={5} />}>
        {(data) => (
          <MixTable
            kind="outcome"
            rows={OUTCOMES.map((o) => ({
              key: o,
              label: `import.outcome.${o}`,
              count: data.outcomes[o] ?? 0,
            }))}
          />
        )}
      </QueryView>
    </Panel>
  );
}

function MixTable({ kind, rows }: { kind: 'disposition' | 'outcome'; rows: MixRow[] }) {
  const t = useT();
  const f = useFormat();
  const total = rows.reduce((a, r) => a + r.count, 0);
  if (total === 0) return <p className="muted agent-mix__empty">{t('agent.mix.empty')}</p>;
  const largest = Math.max(...rows.map((r) => r.count));
  return (
    <table className="agent-mix" data-total={total}>
      <caption className="agent-mix__caption">{t('agent.mix.of', { count: f.count(total) })}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t(kind === 'disposition' ? 'calls.col.disposition' : 'calls.col.outcome')}</th>
          <th scope="col">{t('agent.mix.calls')}</th>
          <th scope="col">{t('agent.mix.share')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key} data-value={r.count}>
            <th scope="row" className="agent-mix__label">
              {t(r.label)}
            </th>
            <td className="agent-mix__count">{f.count(r.count)}</td>
            <td className="agent-mix__share">{f.percent(r.count / total)}</td>
            <td className="agent-mix__bar-cell" aria-hidden="true">
              <span className="agent-mix__bar" style={{ width: `${(100 * r.count) / largest}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
