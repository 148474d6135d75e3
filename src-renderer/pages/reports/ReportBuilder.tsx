/** The report's period (month, quarter, year or a custom range), scope and language. */
import type { ReportSpec } from '../../../src-shared/reports-model';
import type { Language } from '../../../src-shared/domain';
import { useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { visibleText } from '../../../src-shared/visible-text';
import { agentLabel } from '../../../src-shared/agent-label';
import { Field } from '../../components/Field';

export type PeriodKind = ReportSpec['period']['kind'];

export interface BuilderState {
  kind: PeriodKind;
  month: string;
  year: number;
  quarter: number;
  from: string;
  to: string;
  scope: 'floor' | 'team' | 'agent';
  teamId: number | null;
  agentId: number | null;
  language: Language;
}

/** The spec the state describes, or null while it is incomplete (no team chosen yet...). */
export function specOf(s: BuilderState): ReportSpec | null {
  const period: ReportSpec['period'] | null =
    s.kind === 'month'
      ? /^\d{4}-\d{2}$/.test(s.month)
        ? { kind: 'month', month: s.month }
        : null
      : s.kind === 'quarter'
        ? { kind: 'quarter', year: s.year, quarter: s.quarter }
        : s.kind === 'year'
          ? { kind: 'year', year: s.year }
          : s.from && s.to && s.from <= s.to
            ? { kind: 'custom', from: s.from, to: s.to }
            : null;
  if (!period) return null;
  if (s.scope === 'team')
    return s.teamId ? { period, scope: { kind: 'team', teamId: s.teamId }, language: s.language } : null;
  if (s.scope === 'agent')
    return s.agentId ? { period, scope: { kind: 'agent', agentId: s.agentId }, language: s.language } : null;
  return { period, scope: { kind: 'floor' }, language: s.language };
}

const KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

export function ReportBuilder({
  state,
  onChange,
}: {
  state: BuilderState;
  onChange: (s: BuilderState) => void;
}) {
  const t = useT();
  const teams = useWorkspace((s) => s.teams);
  const agents = useWorkspace((s) => s.agents);
  const set = (patch: Partial<BuilderState>) => onChange({ ...state, ...patch });
  const thisYear = Number(state.month.slice(0, 4)) || new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  return (
    <section className="panel reports-builder" data-testid="report-builder">
      <h2 className="panel__title">{t('reports.builder.title')}</h2>
      <div className="field">
        <span className="field__label">{t('reports.builder.period')}</span>
        <div className="reports-segmented" role="radiogroup" aria-label={t('reports.builder.period')}>
          {KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={state.kind === kind}
              className={
                state.kind === kind ? 'reports-segmented__item is-active' : 'reports-segmented__item'
              }
              onClick={() => set({ kind })}
              data-testid={`report-period-${kind}`}
            >
              {t(`reports.builder.period.${kind}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="reports-builder__row">
        {state.kind === 'month' ? (
          <Field label={t('reports.builder.month')}>
            <input
              className="input"
              type="month"
              value={state.month}
              onChange={(e) => set({ month: e.target.value })}
              data-testid="report-month"
            />
          </Field>
        ) : null}
        {state.kind === 'quarter' || state.kind === 'year' ? (
          <Field label={t('reports.builder.year')}>
            <select
              className="select"
              value={state.year}
              onChange={(e) => set({ year: Number(e.target.value) })}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {state.kind === 'quarter' ? (
          <Field label={t('reports.builder.quarter')}>
            <select
              className="select"
              value={state.quarter}
              onChange={(e) => set({ quarter: Number(e.target.value) })}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  Q{q}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {state.kind === 'custom' ? (
          <>
            <Field label={t('reports.builder.from')}>
              <input
                className="input"
                type="date"
                value={state.from}
                onChange={(e) => set({ from: e.target.value })}
              />
            </Field>
            <Field label={t('reports.builder.to')}>
              <input
                className="input"
                type="date"
                value={state.to}
                onChange={(e) => set({ to: e.target.value })}
              />
            </Field>
          </>
        ) : null}
      </div>
      <div className="reports-builder__row">
        <Field label={t('reports.builder.scope')}>
          <select
            className="select"
            value={state.scope}
            onChange={(e) => set({ scope: e.target.value as BuilderState['scope'] })}
            data-testid="report-scope"
          >
            <option value="floor">{t('reports.scope.floor')}</option>
            <option value="team" disabled={teams.length === 0}>
              {t('reports.scope.team')}
            </option>
            <option value="agent" disabled={agents.length === 0}>
              {t('reports.scope.agent')}
            </option>
          </select>
        </Field>
        {state.scope === 'team' ? (
          <Field label={t('reports.builder.team')}>
            <select
              className="select"
              value={state.teamId ?? ''}
              onChange={(e) => set({ teamId: Number(e.target.value) || null })}
              data-testid="report-team"
            >
              <option value="" disabled>
                –
              </option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {visibleText(team.name)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {state.scope === 'agent' ? (
          <Field label={t('reports.builder.agent')}>
            <select
              className="select"
              value={state.agentId ?? ''}
              onChange={(e) => set({ agentId: Number(e.target.value) || null })}
              data-testid="report-agent"
            >
              <option value="" disabled>
                –
              </option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {visibleText(agentLabel(agent))}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={t('reports.builder.language')}>
          <select
            className="select"
            value={state.language}
            onChange={(e) => set({ language: e.target.value as Language })}
            data-testid="report-language"
          >
            <option value="zh-CN">中文（简体）</option>
            <option value="en">English</option>
          </select>
        </Field>
      </div>
      <p className="field__hint">{t('reports.builder.contents')}</p>
    </section>
  );
}
