/**
 * The contract's handlers: one function per API method, transport-free. Electron IPC, the web
 * host and the CLI all reach the workspace through `createApi(ws).dispatch`.
 */
import { sql } from 'kysely';
import type { ImportResult } from '../src-shared/api';
import { todayIn } from '../src-shared/time';
import { now } from './clock';
import { auditsHandlers } from './audits/handlers';
import { disputesHandlers } from './audits/dispute-handlers';
import { loadDemo } from './demo/load-demo';
import { backupDir, listBackups, manualBackup, refuseTeamBackups, restoreBackup } from './backups';
import { countCalls, listCalls } from './calls/explorer';
import { coachingHandlers } from './coaching/handlers';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { ApiError, notFound } from './errors';
import { listBatches, listRejects, rejectsCsv, undoBatch } from './import/batches';
import { importFile, type ImportOptions } from './import/import-file';
import { ORDER_PRESETS } from './import/order-presets';
import { ordersHandlers } from './orders/handlers';
import { previewInWorker } from './import/preview-in-worker';
import { PRESETS } from './import/presets';
import { JobRegistry, type JobContext } from './jobs';
import { agentProfile } from './metrics/agent-profile';
import { breakdown, heatmap, leaderboard, summary } from './metrics/queries';
import { loadRollupParams, rebuildRollupsIfParamsChanged } from './metrics/rollup-params';
import { createTeam, listAgents, listCampaigns, listTeams, updateAgent } from './people';
import { loadSettings, saveSettings } from './settings';
import { Staging } from './staging';
import { reportsHandlers } from './reports/handlers';
import { targetsHandlers } from './targets/handlers';
import { ratingsHandlers } from './ratings/handlers';
import { loadCalendar, loadTeamCalendars, workingDaysFor } from './targets/store';
import { RecordingFinder } from './recordings/finder';
import { recordingsHandlers } from './recordings/handlers';
import { holdsNoDays } from './zone/change';
import { zoneHandlers } from './zone/handlers';
import { reviewHandlers } from './review/handlers';
import { peopleHandlers } from './people/handlers';
import { hostHandlers } from './host/handlers';
import type { Workspace } from './workspace';
import { ActivityRecorder } from './activity/recorder';
import { activityHandlers } from './activity/handlers';
import { authHandlers, SignedIn } from './auth/handlers';
import { admit, callingActor, guardDispatch } from './auth/guard';
import { runAs } from './auth/actor';

export interface Api {
  dispatch: Dispatch;
  jobs: JobRegistry;
  staging: Staging;
  /** Starts an import of a file on disk (the CLI's door; the renderer goes through staging). */
  startImport(file: string, options: ImportOptions): string;
  close(): Promise<void>;
}

export function createApi(ws: Workspace, options: { onInternalError?: (err: unknown) => void } = {}): Api {
  const jobs = new JobRegistry();
  const staging = new Staging(async () => (await ws.settings()).uploadLimitMb * 1024 * 1024);
  // After every job, staging keeps only what a staged id or a running import holds.
  jobs.onUpdate((job) => job.status !== 'running' && staging.sweep());
  const db = ws.kysely;
  const activity = new ActivityRecorder(ws, jobs, options.onInternalError);
  const signedIn = new SignedIn();

  // Checked and run as the signed-in user, as import.start through the dispatcher is (a refusal
  // fails the job with the reason), and recorded in the activity log like the app's import.
  const startImport: Api['startImport'] = (file, importOptions) => {
    const { id } = jobs.start('import', async (ctx: JobContext): Promise<ImportResult> => {
      // always awaited, so `id` is assigned before it is read below
      const actor = await (ws.engine === 'postgres' ? callingActor(ws, signedIn) : Promise.resolve(null));
      if (ws.engine === 'postgres') await admit(ws, actor, 'import.start', {});
      return runAs(actor, () => {
        activity.afterJob('import.start', id, {}, { jobId: id });
        return importFile(ws, file, importOptions, ctx);
      });
    });
    return id;
  };

  const handlers: Handlers = {
    'workspace.info': async () => {
      const settings = await ws.settings();
      const counts = await db
        .selectNoFrom((eb) => [
          // The batches' counts, not count(*) over calls: a scan of 10M rows on every focus.
          eb
            .selectFrom('import_batches')
            .where('status', '=', 'done')
            .select(sql<number>`coalesce(sum(inserted), 0)`.as('n'))
            .as('calls'),
          eb
            .selectFrom('agents')
            .select(sql<number>`count(*)`.as('n'))
            .as('agents'),
          eb
            .selectFrom('teams')
            .select(sql<number>`count(*)`.as('n'))
            .as('teams'),
          eb
            .selectFrom('daily_agent_stats')
            .select(sql<string>`min(day)`.as('d'))
            .as('firstDay'),
          eb
            .selectFrom('daily_agent_stats')
            .select(sql<string>`max(day)`.as('d'))
            .as('lastDay'),
        ])
        .executeTakeFirstOrThrow();
      return {
        path: ws.path,
        calls: Number(counts.calls ?? 0),
        agents: Number(counts.agents ?? 0),
        teams: Number(counts.teams ?? 0),
        firstDay: counts.firstDay ?? null,
        lastDay: counts.lastDay ?? null,
        today: todayIn(settings.timeZone, now()),
        calendar: await loadCalendar(ws.kysely),
        teamCalendars: await loadTeamCalendars(ws.kysely),
        settings,
      };
    },

    'settings.get': () => ws.settings(),
    'settings.update': (patch) =>
      ws.writes.run(() =>
        db.transaction().execute(async (trx) => {
          const before = await loadSettings(trx);
          const params = await loadRollupParams(trx);
          // Stored days follow the zone: once there are any, only the zone change job re-derives them.
          if (patch.timeZone !== undefined && patch.timeZone !== before.timeZone && !(await holdsNoDays(trx)))
            throw new ApiError(
              'conflict',
              'this workspace holds calls or orders: change its time zone with zone.change, which moves their days too',
            );
          const next = await saveSettings(trx, patch);
          await rebuildRollupsIfParamsChanged(trx, params);
          return next;
        }),
      ),

    'teams.list': () => listTeams(db),
    'teams.create': ({ name }) => ws.writes.run(() => createTeam(db, name)),
    'agents.list': () => listAgents(db),
    'agents.update': (patch) => ws.writes.run(() => updateAgent(db, patch)),
    'campaigns.list': () => listCampaigns(db),

    'metrics.summary': async ({ filter }) => summary(db, filter, await workingDaysFor(db, filter)),
    'metrics.breakdown': async ({ filter, by }) => ({ rows: await breakdown(db, filter, by) }),
    'metrics.heatmap': async ({ filter }) => ({ cells: await heatmap(db, filter) }),
    'metrics.leaderboard': ({ filter }) => leaderboard(db, filter),
    'metrics.agent': ({ agentId, filter }) => agentProfile(db, agentId, filter),

    'calls.list': async (request) => {
      const page = await listCalls(db, request, (await ws.settings()).timeZone);
      const withFile = await (
        await RecordingFinder.open(ws.kysely, ws.path)
      ).present(page.rows.map((r) => r.id));
      return { ...page, rows: page.rows.map((r) => ({ ...r, hasRecording: withFile.has(r.id) })) };
    },
    'calls.count': (query) => countCalls(db, query),

    'import.presets': () => [...PRESETS, ...ORDER_PRESETS].map((p) => ({ id: p.id, name: p.name })),
    'import.stage': async ({ name, bytes }) => ({ stagedId: await staging.stageBytes(name, bytes) }),
    'import.preview': async ({ stagedId, ...choices }) => {
      const staged = staging.peek(stagedId);
      return previewInWorker({
        dbFile: ws.readerTarget(),
        file: staged.path,
        displayName: staged.name,
        choices,
        timeZone: (await ws.settings()).timeZone,
      });
    },
    'import.discard': ({ stagedId }) => ({ discarded: staging.discard(stagedId) }),
    'import.start': ({ stagedId, saveProfile, ...choices }) => {
      const staged = staging.take(stagedId);
      const jobId = jobs.start('import', async (ctx) => {
        try {
          return await importFile(
            ws,
            staged.path,
            { ...choices, displayName: staged.name, saveProfile },
            ctx,
          );
        } finally {
          staging.release(staged);
        }
      }).id;
      return { jobId };
    },
    'import.batches': () => listBatches(db),
    'import.rejects': ({ batchId, offset, limit }) => listRejects(db, batchId, offset, limit),
    'import.rejectsCsv': ({ batchId }) => rejectsCsv(db, batchId),
    'import.undo': ({ batchId }) => undoBatch(ws, batchId),

    'backups.list': () => {
      refuseTeamBackups(ws);
      return { folder: backupDir(ws.path), backups: listBackups(ws.path) };
    },
    // A read-only workspace can still be copied (a backup only reads it).
    'backups.create': () => (ws.readOnly ? manualBackup(ws) : ws.writes.run(() => manualBackup(ws))),
    'backups.restore': ({ name }) => ws.writes.run(() => restoreBackup(ws, name)),

    'demo.load': async ({ agents, days, seed, language }) => {
      const lang = language ?? ((await ws.settings()).language === 'en' ? 'en' : 'zh-CN');
      const job = jobs.start('demo', (ctx) => loadDemo(ws, { agents, days, seed, language: lang }, ctx));
      return { jobId: job.id };
    },

    'jobs.get': ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw notFound(`job ${jobId}`);
      return job;
    },
    'jobs.cancel': ({ jobId }) => {
      const job = jobs.cancel(jobId);
      if (!job) throw notFound(`job ${jobId}`);
      return job;
    },
    'jobs.list': () => jobs.list(),
    ...coachingHandlers(ws),
    ...reportsHandlers(ws, jobs),
    ...ordersHandlers(ws),
    ...auditsHandlers(ws),
    ...targetsHandlers(ws),
    ...ratingsHandlers(ws),
    ...zoneHandlers(ws, jobs),
    ...recordingsHandlers(ws, jobs),
    ...reviewHandlers(ws),
    ...peopleHandlers(ws),
    ...hostHandlers(ws, jobs),
    ...disputesHandlers(ws),
    ...activityHandlers(ws),
    ...authHandlers(ws, signedIn),
  };

  return {
    // The guard signs every call in (and runs it as its user) around the dispatcher, so the
    // activity hook after a change records who made it.
    dispatch: guardDispatch(
      ws,
      signedIn,
      createDispatcher(handlers, options.onInternalError, (method, input, output) =>
        activity.afterSuccess(method, input, output),
      ),
    ),
    jobs,
    staging,
    startImport,
    async close() {
      for (const job of jobs.list()) if (job.status === 'running') jobs.cancel(job.id);
      await activity.idle();
      await ws.writes.idle();
      staging.dispose();
    },
  };
}
