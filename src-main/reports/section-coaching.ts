/**
 * Coaching follow-ups on the report: the open follow-ups, agreed actions and plan ends (the
 * coaching feature's due list) that fall due in or before the period's end, overdue first. The
 * status is as of today: a follow-up of last month still open is overdue now.
 */
import type { DueItem } from '../../src-shared/api';
import type { MessageKey } from '../../src-shared/i18n';
import type { ReportRow } from '../../src-shared/reports-model';
import { dueItems } from '../coaching/due';
import type { ReportSection, SectionContext } from './sections';

async function inScope(ctx: SectionContext): Promise<DueItem[]> {
  const items = await dueItems(ctx.live.kysely, ctx.today, ctx.filter.agentId);
  const due = items.filter((i) => i.due !== null && i.due <= ctx.filter.to);
  const teamId = ctx.filter.teamId;
  if (teamId === undefined) return due;
  const members = new Set(
    (await ctx.live.kysely.selectFrom('agents').select('id').where('team_id', '=', teamId).execute()).map(
      (a) => a.id,
    ),
  );
  return due.filter((i) => members.has(i.agentId));
}

function what(ctx: SectionContext, item: DueItem): string {
  if (item.kind === 'planEnd') return ctx.t('coaching.due.planEnd');
  if (item.kind === 'followUp')
    return ctx.t('coaching.due.followUp', {
      kind: item.noteKind ? ctx.t(`coaching.kind.${item.noteKind}` as MessageKey) : '',
      day: item.noteDay ?? '',
    });
  return item.text ?? '';
}

export const followUpsSection: ReportSection = {
  id: 'followUps',
  async build(ctx) {
    const items = await inScope(ctx);
    const rows: ReportRow[] = items.map((i) => ({
      due: i.due,
      status: ctx.t(`coaching.due.${i.bucket}` as MessageKey),
      code: i.agentCode,
      name: i.agentName,
      what: what(ctx, i),
    }));
    return {
      table: {
        id: 'followUps',
        title: ctx.t('reports.table.followUps'),
        note: ctx.t('reports.note.followUps', { to: ctx.filter.to, today: ctx.today }),
        empty: ctx.t('reports.note.noFollowUps', { to: ctx.filter.to }),
        columns: [
          { key: 'due', header: ctx.t('reports.col.due'), type: 'day', total: { kind: 'none' } },
          { key: 'status', header: ctx.t('reports.col.status'), type: 'text', total: { kind: 'none' } },
          { key: 'code', header: ctx.t('reports.col.agentCode'), type: 'text', total: { kind: 'none' } },
          { key: 'name', header: ctx.t('reports.col.agent'), type: 'text', total: { kind: 'none' } },
          { key: 'what', header: ctx.t('reports.col.followUp'), type: 'text', total: { kind: 'none' } },
        ],
        rows,
        totals: false,
      },
      charts: [],
    };
  },
};
