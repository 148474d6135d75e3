/** The targets feature's handlers (contract-targets.ts). Writes go through the workspace's write queue. */
import type { TargetsMethod } from '../../src-shared/api';
import type { HandlersFor } from '../dispatch';
import type { Workspace } from '../workspace';
import { loadRollupParams, rebuildRollupsIfParamsChanged } from '../metrics/rollup-params';
import { alertsFor } from './alerts';
import { bonus, pacing, plan, scores } from './month';
import {
  campaignsWithProfile,
  dropProfile,
  loadBonusSheet,
  loadCalendar,
  loadTeamCalendars,
  saveTeamCalendar,
  loadProfile,
  loadThresholds,
  saveAck,
  saveBonusSheet,
  saveCalendar,
  saveOverride,
  saveProfile,
  saveTargets,
  saveThresholds,
} from './store';

export function targetsHandlers(ws: Workspace): HandlersFor<TargetsMethod> {
  const db = ws.kysely;
  return {
    'targets.calendar': () => loadCalendar(db),
    'targets.setCalendar': (calendar) =>
      ws.writes.run(() => db.transaction().execute((trx) => saveCalendar(trx, calendar))),
    'targets.teamCalendars': () => loadTeamCalendars(db),
    'targets.setTeamCalendar': ({ teamId, calendar }) =>
      ws.writes.run(() => db.transaction().execute((trx) => saveTeamCalendar(trx, teamId, calendar))),
    'targets.plan': ({ month, uplift, teamId, teamIds }) => plan(ws, month, uplift, { teamId, teamIds }),
    'targets.set': ({ month, entries }) =>
      ws.writes.run(() =>
        db.transaction().execute(async (trx) => ({ saved: await saveTargets(trx, month, entries) })),
      ),
    'targets.pacing': ({ filter }) => pacing(ws, filter),
    'targets.profile': ({ campaignId }) => loadProfile(db, campaignId),
    'targets.setProfile': ({ campaignId, profile }) =>
      ws.writes.run(() => saveProfile(db, profile, campaignId)),
    'targets.campaignProfiles': async () => ({ campaignIds: await campaignsWithProfile(db) }),
    'targets.dropProfile': ({ campaignId }) => ws.writes.run(() => dropProfile(db, campaignId)),
    'targets.scores': async ({ month, campaignId, profile }) =>
      scores(ws, month, profile ?? (await loadProfile(db, campaignId)), campaignId),
    'targets.bonusSheet': () => loadBonusSheet(db),
    'targets.setBonusSheet': (sheet) => ws.writes.run(() => saveBonusSheet(db, sheet)),
    'targets.bonus': ({ month }) => bonus(ws, month),
    'targets.overridePay': ({ month, agentId, amount, reason }) =>
      ws.writes.run(async () => {
        await saveOverride(db, month, agentId, amount, reason);
        return { ok: true };
      }),
    'targets.thresholds': () => loadThresholds(db),
    'targets.setThresholds': (t) =>
      ws.writes.run(() =>
        db.transaction().execute(async (trx) => {
          const params = await loadRollupParams(trx);
          const saved = await saveThresholds(trx, t);
          await rebuildRollupsIfParamsChanged(trx, params);
          return saved;
        }),
      ),
    'targets.alerts': async ({ from, to, teamId, teamIds }) => ({
      alerts: await alertsFor(db, { from, to, teamId, teamIds }, await loadThresholds(db)),
    }),
    'targets.ack': ({ key, acked }) =>
      ws.writes.run(async () => {
        await saveAck(db, key, acked);
        return { ok: true };
      }),
  };
}
