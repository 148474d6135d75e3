/**
 * Coaching follow-ups on the report: the open follow-ups, agreed actions and plan ends (the
 * coaching feature's due list) that fall due in or before the period's end, overdue first. The
 * status is as of today (a closed month: the day of the close): a follow-up of last month still
 * open is overdue now.
 */
import type { DueItem } from '../../src-shared/api';
import type { MessageKey } from '../../src-shared/i18n';
import type { ReportRow } from '../../src-shared/reports-model';
import { dueItems } from '../coaching/due';
import type { ReportSection, SectionContext } from './sections';
import type { SectionSource } from './sources';
import { agentInTeams } from '../people/team-filter';
import { compareDue } from '../../src-shared/coaching';

/** `key` (`action:12`: its last resort in the order, for merging teams) is absent in a close made before it was kept. */
type FollowUp = Pick<
  DueItem,
  'due' | 'bucket' | 'kind' | 'agentCode' | 'agentName' | 'noteKind' | 'noteDay' | 'text'
> &
  Partial<Pick<DueItem, 'key'>>;

/** The due list's own order (coaching/due.ts), its id read back from the key. */
function byDueOrder(a: FollowUp, b: FollowUp): number {
  const id = (f: FollowUp) => Number(f.key?.split(':')[1] ?? 0);
  return compareDue({ ...a, id: id(a) }, { ...b, id: id(b) });
}

export const followUpsSource: SectionSource<FollowUp[]> = {
  id: 'followUps',
  perScope: true,
  empty: [],
  async read({ ws, filter, today }) {
    const items = await dueItems(ws.kysely, today, filter.agentId);
    let due = items.filter((i) => i.due !== null && i.due <= filter.to);
    const teams = agentInTeams(filter, 'id');
    if (teams) {
      const members = new Set(
        (await ws.kysely.selectFrom('agents').select('id').where(teams).execute()).map((a) => a.id),
      );
      due = due.filter((i) => members.has(i.agentId));
    }
    return due.map((i) => ({
      key: i.key,
      due: i.due,
      bucket: i.bucket,
      kind: i.kind,
      agentCode: i.agentCode,
      agentName: i.agentName,
      noteKind: i.noteKind,
      noteDay: i.noteDay,
      text: i.text,
    }));
  },
  // Each agent is in one team: the set's list is the teams' together, in the due list's order.
  mergeTeams: (teams) => teams.flat().sort(byDueOrder),
  printed: (items) => items.map(({ key: _key, ...item }) => item),
};

function what(ctx: SectionContext, item: FollowUp): string {
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
    const items = await ctx.input(followUpsSource);
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
