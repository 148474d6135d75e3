/**
 * Headless commands for scripts and schedulers (`npm run --silent cli -- <command>` or the
 * `callscope` bin). Output contracts (`--json`) are stable: other tools depend on them.
 *
 *   import <file...> [--db <path>|postgres://…] [--tz <IANA zone>] [--preset <name>] [--date-order dmy|mdy] [--lang zh-CN|en] [--json]
 *   metrics --from YYYY-MM-DD --to YYYY-MM-DD [--by day|agent|team|campaign|none] [--db <path>|postgres://…] [--lang zh-CN|en] [--json]
 *   demo [--db <path>|postgres://…] [--agents N] [--days N] [--seed N] [--lang zh-CN|en]
 *   backup --out <file> [--db <path>]
 *   report --month YYYY-MM [--scope team:NAME|agent:CODE] [--lang zh-CN|en] --format xlsx|csv|pdf --out <path> [--db <path>|postgres://…]
 *   team copy <source.sqlite> <postgres://…> | team export <postgres://…> <out.sqlite>  (src-main/workspace-copy)
 *   team init postgres://… --admin <login> [--name "Display name"]
 *
 * On a team workspace (postgres://…) import, metrics, demo and report sign in with --user <login>
 * and the password in CALLSCOPE_PASSWORD (src-main/auth/cli-auth.ts).
 *
 * import and metrics speak the language of `--lang`, else of the workspace's setting, else of the
 * environment (LANG): src-main/cli-language.ts. `--json` output is the same in every language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportResult, Input, Job, Method, MetricsRow, Output } from '../src-shared/api';
import {
  isMonth,
  REPORT_FORMATS,
  ReportSpecSchema,
  type ReportFormat,
  type ReportScope,
} from '../src-shared/reports-model';
import { csvFiles } from './reports/csv';
import { reportFor } from './reports/generate';
import { BREAKDOWNS, LANGUAGES, type Breakdown, type Language } from '../src-shared/domain';
import { emptyCounts, kpiValues } from '../src-shared/kpi';
import { isDay, isValidTimeZone } from '../src-shared/time';
import { readWaiting } from '../src-shared/write-wait';
import { createApi, type Api } from './api';
import { writeFileAtomically } from './atomic-write';
import { TEAM_BACKUP_REFUSAL, writeVerifiedBackup } from './backups';
import { defaultDbPath } from './paths';
import { progressText } from './progress-text';
import { openWorkspace, type Workspace } from './workspace';
import { isTeamWorkspaceUrl, resolveTarget } from './workspace-target';
import { now } from './clock';
import { holdsNoDays } from './zone/change';
import { now as clockNow } from './clock';
import { cliLanguage, isLanguage } from './cli-language';
import { translate } from '../src-shared/i18n';
import { messageIn, type Say } from '../src-shared/i18n/message-code';
import { notDialsSentence } from '../src-shared/not-dials';
import { TEAM_COMMANDS, TEAM_USAGE } from './workspace-copy/team-commands';
import { currentActor, runAs } from './auth/actor';
import { signInForCli, teamInit } from './auth/cli-auth';
import { admit } from './auth/guard';
import { actorOf } from './auth/users';
import { contract } from '../src-shared/api';
import { ApiError } from './errors';

class UsageError extends Error {}

/**
 * The language of this run's messages (one command per process): the environment's until the
 * command has read `--lang` and the workspace's setting.
 */
let language: Language = cliLanguage(undefined, null, process.env);
const say: Say = (key, params) => translate(language, key, params);

/** Reads `--lang` (checked), then the workspace's language setting once the workspace is open. */
function speakFrom(option: string | undefined): (ws: Workspace) => Promise<void> {
  if (option !== undefined && !isLanguage(option))
    throw new UsageError(say('cli.badLang', { languages: LANGUAGES.join(', '), value: option }));
  const chosen = option;
  language = cliLanguage(chosen, null, process.env);
  return async (ws) => {
    language = cliLanguage(chosen, (await ws.settings()).language, process.env);
  };
}

const USAGE = `usage:
  callscope import <file...> [--db <path>|postgres://…] [--tz <IANA zone>] [--preset <name>] [--date-order dmy|mdy] [--lang zh-CN|en] [--json]
  callscope metrics --from YYYY-MM-DD --to YYYY-MM-DD [--by day|agent|team|campaign|none] [--db <path>|postgres://…] [--lang zh-CN|en] [--json]
  callscope demo [--db <path>|postgres://…] [--agents N] [--days N] [--seed N] [--lang zh-CN|en]
  callscope backup --out <file> [--db <path>]
  callscope report --month YYYY-MM [--scope team:NAME|agent:CODE] [--lang zh-CN|en] --format xlsx|csv|pdf --out <path> [--db <path>|postgres://…]
${TEAM_USAGE}
  callscope team init postgres://… --admin <login> [--name "Display name"]   (password: CALLSCOPE_ADMIN_PASSWORD, else asked)

  On a team workspace (--db postgres://…) add --user <login>; the password is read from CALLSCOPE_PASSWORD.`;

function intOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** The workspace `--db` names (default: the app's own), which must exist: a file, or a team workspace's URL. */
function existingWorkspace(
  dbOption: string | undefined,
  say: (key: 'cli.noWorkspace', params: { path: string }) => string = (_, { path: where }) =>
    `no workspace at ${where}`,
): string {
  const target = resolveTarget(dbOption ?? defaultDbPath());
  if (!isTeamWorkspaceUrl(target) && !fs.existsSync(target))
    throw new UsageError(say('cli.noWorkspace', { path: target }));
  return target;
}

/**
 * `readOnly`: a command that only reads opens the workspace read-only: it never migrates or writes it.
 * `user`: on a team workspace, who signs in (`--user`); the work runs as them.
 */
async function withApi<T>(
  dbOption: string | undefined,
  work: (api: Api, ws: Workspace) => Promise<T>,
  options: { readOnly?: boolean; user?: string } = {},
): Promise<T> {
  const target = resolveTarget(dbOption ?? defaultDbPath());
  const ws = await openWorkspace(target, {
    readOnly: options.readOnly,
    // an upgrade waiting in line for another process's import says so, as a second import does
    onWait: (note) => process.stderr.write(`${waitingText(path.basename(target), note)}\n`),
  });
  const api = createApi(ws);
  try {
    const user = await signInForCli(api, ws.engine, options.user);
    const actor = user && (await actorOf(ws.kysely, user.id));
    return await runAs(actor, () => work(api, ws));
  } finally {
    await api.close();
    await ws.close();
  }
}

/**
 * The door's check for a read the CLI makes straight from a service on a team workspace: the
 * signed-in user's role, and the input narrowed to their reach (a refusal is the command's error).
 */
async function admittedInput(ws: Workspace, method: Method, input: unknown): Promise<unknown> {
  try {
    return (await admit(ws, currentActor(), method, input)).input;
  } catch (err) {
    if (err instanceof ApiError) throw new UsageError(err.message);
    throw err;
  }
}

/** One API call, typed by the contract; a refusal becomes the command's error message. */
async function call<M extends Method>(api: Api, method: M, input: Input<M>): Promise<Output<M>> {
  const outcome = await api.dispatch(method, input);
  if (!outcome.ok) throw new UsageError(outcome.error.message);
  // The dispatcher checked the value against the method's output schema.
  return outcome.value as Output<M>;
}

/** Progress on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
function progressPrinter(label: string) {
  let lastLine = 0;
  const tty = process.stderr.isTTY;
  return {
    update(job: Job) {
      // No row yet and no total to count against (a job's start, a wait for the writer lock): a
      // line would only say "0 rows 0 rows/s".
      if (job.rows === 0 && job.total === null) return;
      const now = clockNow();
      if (!tty && now - lastLine < 3000) return;
      lastLine = now;
      const text = progressText(label, job, now, say);
      process.stderr.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
    },
    done() {
      if (tty && lastLine > 0) process.stderr.write('\n');
    },
  };
}

/** "<label>: waiting for the import of <file> to finish", from a "waiting for …" note. */
function waitingText(label: string, note: string): string {
  const waiting = readWaiting(note);
  return waiting?.kind === 'import'
    ? say('cli.waitingImport', { label, file: waiting.file })
    : say('cli.waitingWrite', { label });
}

async function runJob(api: Api, jobId: string, label: string): Promise<Job> {
  const printer = progressPrinter(label);
  let said = '';
  const off = api.jobs.onUpdate((job) => {
    if (job.id !== jobId || job.status !== 'running') return;
    // Waiting in line for another process's write is said at once, not with the next progress line.
    if (readWaiting(job.note) && job.note !== said) {
      said = job.note;
      process.stderr.write(`${waitingText(label, job.note)}\n`);
    }
    printer.update(job);
  });
  const job = await api.jobs.wait(jobId);
  off();
  printer.done();
  return job;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `--date-order dmy (3 April 2026) or --date-order mdy (March 4, 2026)` for an example date. */
function dateOrderOptions(example: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(example);
  const [a, b] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || a < 1 || b < 1 || a > 12 || b > 12) return say('cli.dateOrderPlain');
  const year = m[3];
  if (language === 'zh-CN')
    return say('cli.dateOrderOptions', { dmy: `${year}年${b}月${a}日`, mdy: `${year}年${a}月${b}日` });
  return say('cli.dateOrderOptions', {
    dmy: `${a} ${MONTHS[b - 1]} ${year}`,
    mdy: `${MONTHS[a - 1]} ${b}, ${year}`,
  });
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      tz: { type: 'string' },
      preset: { type: 'string' },
      'date-order': { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      user: { type: 'string' },
    },
  });
  const speakWorkspace = speakFrom(values.lang);
  if (positionals.length === 0) throw new UsageError(say('cli.needsFile'));
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy')
    throw new UsageError(say('cli.badDateOrder', { value: dateOrder }));
  if (values.tz !== undefined && !isValidTimeZone(values.tz))
    throw new UsageError(say('cli.badTimeZone', { value: values.tz }));
  for (const file of positionals) {
    try {
      fs.accessSync(file, fs.constants.R_OK);
      if (!fs.statSync(file).isFile()) throw new Error('not a file');
    } catch (err) {
      throw new UsageError(
        say('cli.cannotRead', {
          file,
          reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
        }),
      );
    }
  }
  return withApi(
    values.db,
    async (api, ws) => {
      await speakWorkspace(ws);
      // A workspace that holds no days yet takes --tz as its own zone (the question a new workspace
      // asks in the app): its days are then the file's, whatever zone the machine runs in.
      if (
        values.tz !== undefined &&
        values.tz !== (await ws.settings()).timeZone &&
        (await holdsNoDays(ws.kysely))
      ) {
        await call(api, 'settings.update', { timeZone: values.tz });
      }
      const batches: ImportResult[] = [];
      let failed = 0;
      for (const file of positionals) {
        const jobId = api.startImport(file, {
          displayName: file,
          preset: values.preset,
          timeZone: values.tz,
          dateOrder,
          // The order given is kept with the file's profile, as the preview keeps its answer.
          saveProfile: dateOrder !== undefined,
          unsettledDates: (example, column) =>
            say('cli.unsettledDates', { file, column, example, options: dateOrderOptions(example) }),
        });
        const job = await runJob(api, jobId, path.basename(file));
        if (job.status === 'done' && job.result) {
          batches.push(job.result);
          const r = job.result;
          const { rows, inserted, duplicates, rejected } = r;
          const summary = { file, rows, inserted, duplicates, rejected, batch: r.batchId, layout: r.preset };
          process.stderr.write(`${say('cli.imported', summary)}\n`);
          const notDials = notDialsSentence(say, r.notDials);
          if (notDials !== null) process.stderr.write(`${file}: ${notDials}\n`);
          // Nothing stored because every row was rejected is a failed import, whatever the job says.
          if (r.rejected > 0 && r.inserted === 0 && r.duplicates === 0) {
            failed++;
            process.stderr.write(`${say('cli.allRejected', { file })}\n`);
          }
        } else {
          failed++;
          const ended = say(job.status === 'cancelled' ? 'cli.importCancelled' : 'cli.importFailed', {
            file,
          });
          process.stderr.write(
            `${job.error === null ? ended : messageIn(say, language, job.error, job.errorCode)}\n`,
          );
        }
      }
      if (values.json) {
        const out = batches.map(({ file, preset, rows, inserted, duplicates, rejected, batchId }) => ({
          file,
          preset,
          rows,
          inserted,
          duplicates,
          rejected,
          batchId,
        }));
        process.stdout.write(`${JSON.stringify({ batches: out })}\n`);
      }
      return failed > 0 ? 1 : 0;
    },
    { user: values.user },
  );
}

/** The `metrics --json` row: key, the counts, then the rates (null when the denominator is 0). */
function metricsJsonRow(r: MetricsRow) {
  return {
    key: r.key,
    dials: r.dials,
    connects: r.connects,
    effective: r.effective,
    talkSeconds: r.talkSeconds,
    intents: r.intents,
    sales: r.sales,
    revenue: r.revenue,
    effectiveTalkSeconds: r.effectiveTalkSeconds,
    connectRate: r.connectRate,
    avgTalkSeconds: r.avgTalkSeconds,
    intentRate: r.intentRate,
    leadConversion: r.leadConversion,
    conversionRate: r.conversionRate,
    avgOrderValue: r.avgOrderValue,
  };
}

type OrderBreakdownRow = Output<'orders.breakdown'>['rows'][number];

/**
 * Where the range has orders, every `metrics --json` row gains `orders`, `orderRevenue` and
 * `collected` (after the pinned keys), and a key with orders but no calls gets a row of its own;
 * without orders the rows are exactly as before.
 */
function withOrders(rows: ReturnType<typeof metricsJsonRow>[], orders: OrderBreakdownRow[]) {
  if (orders.length === 0) return rows;
  const byKey = new Map(orders.map((o) => [o.key, o]));
  const out = rows.map((r) => {
    const o = byKey.get(r.key);
    byKey.delete(r.key);
    return { ...r, orders: o?.orders ?? 0, orderRevenue: o?.orderRevenue ?? 0, collected: o?.collected ?? 0 };
  });
  const empty = metricsJsonRow({ key: null, label: null, id: null, ...kpiValues(emptyCounts()) });
  for (const o of byKey.values()) {
    out.push({
      ...empty,
      key: o.key,
      orders: o.orders,
      orderRevenue: o.orderRevenue,
      collected: o.collected,
    });
  }
  return out;
}

/** How many terminal columns a text takes: Chinese characters and full-width forms take two. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function columnsWide(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

const METRICS_HEADINGS = [
  'cli.metrics.key',
  'cli.metrics.dials',
  'cli.metrics.connects',
  'cli.metrics.rate',
  'cli.metrics.effective',
  'cli.metrics.talk',
  'cli.metrics.intents',
  'cli.metrics.sales',
  'cli.metrics.revenue',
] as const;

function metricsTable(rows: MetricsRow[]): string {
  const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
  const header = METRICS_HEADINGS.map((key) => say(key));
  const lines = rows.map((r) => [
    r.key ?? say('cli.metrics.none'),
    String(r.dials),
    String(r.connects),
    pct(r.connectRate),
    String(r.effective),
    String(r.talkSeconds),
    String(r.intents),
    String(r.sales),
    (r.revenue / 100).toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(columnsWide(h), ...lines.map((l) => columnsWide(l[i]!))));
  const pad = (c: string, width: number) => ' '.repeat(Math.max(0, width - columnsWide(c)));
  return [header, ...lines]
    .map((cells) =>
      cells.map((c, i) => (i === 0 ? c + pad(c, widths[i]!) : pad(c, widths[i]!) + c)).join('  '),
    )
    .join('\n');
}

async function metricsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string', default: 'none' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      user: { type: 'string' },
    },
  });
  const speakWorkspace = speakFrom(values.lang);
  for (const name of ['from', 'to'] as const) {
    const v = values[name];
    if (v === undefined) throw new UsageError(`metrics needs --${name} YYYY-MM-DD`);
    if (!isDay(v)) throw new UsageError(`--${name} must be a date YYYY-MM-DD, not "${v}"`);
  }
  if (values.from! > values.to!) throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  if (!(BREAKDOWNS as readonly string[]).includes(values.by!))
    throw new UsageError(`--by must be one of ${BREAKDOWNS.join(', ')}, not "${values.by}"`);
  // Reading metrics must not create an empty workspace where there is none.
  const dbPath = existingWorkspace(values.db, say);
  return withApi(
    dbPath,
    async (api, ws) => {
      await speakWorkspace(ws);
      const filter = { from: values.from!, to: values.to! };
      const by = values.by as Breakdown;
      const { rows } = await call(api, 'metrics.breakdown', { filter, by });
      const orders = await call(api, 'orders.breakdown', { filter, by });
      const json = withOrders(rows.map(metricsJsonRow), orders.rows);
      process.stdout.write(values.json ? `${JSON.stringify({ rows: json })}\n` : `${metricsTable(rows)}\n`);
      return 0;
    },
    { readOnly: true, user: values.user },
  );
}

async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      agents: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      lang: { type: 'string' },
      user: { type: 'string' },
    },
  });
  const speakWorkspace = speakFrom(values.lang);
  const input = {
    agents: intOption('agents', values.agents, 18, 1, 500),
    days: intOption('days', values.days, 75, 1, 400),
    seed: intOption('seed', values.seed, 7, 0, 2 ** 31 - 1),
    ...(values.lang !== undefined && isLanguage(values.lang) ? { language: values.lang } : {}),
  };
  return withApi(
    values.db,
    async (api, ws) => {
      await speakWorkspace(ws);
      const { jobId } = await call(api, 'demo.load', input);
      const job = await runJob(api, jobId, 'demo');
      if (job.status !== 'done' || !job.result) throw new UsageError(job.error ?? `demo ${job.status}`);
      const loaded = { path: ws.path, calls: job.result.inserted, agents: input.agents, days: input.days };
      process.stderr.write(`${say('cli.demo.loaded', loaded)}\n`);
      return 0;
    },
    { user: values.user },
  );
}

async function backupCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' } } });
  if (!values.out) throw new UsageError(say('cli.backup.needsOut'));
  if (values.db !== undefined && isTeamWorkspaceUrl(values.db)) throw new UsageError(TEAM_BACKUP_REFUSAL);
  const source = existingWorkspace(values.db, say);
  try {
    await writeVerifiedBackup(source, values.out);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  process.stderr.write(`${say('cli.backup.done', { source, out: values.out })}\n`);
  return 0;
}

// --- report (issue 7): the monthly summary as a file; csv writes one file per table into --out
// (a folder), or the zip the UI downloads when --out ends in .zip.
async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      month: { type: 'string' },
      scope: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      user: { type: 'string' },
    },
  });
  // --lang names the report's language (Chinese unless told) and, when given, the messages' too.
  const speakWorkspace = speakFrom(values.lang);
  const reportLanguage = values.lang ?? 'zh-CN';
  if (!values.month || !isMonth(values.month)) throw new UsageError(say('cli.report.needsMonth'));
  if (!values.format || !(REPORT_FORMATS as readonly string[]).includes(values.format))
    throw new UsageError(say('cli.report.needsFormat', { formats: REPORT_FORMATS.join('|') }));
  if (!values.out) throw new UsageError(say('cli.report.needsOut'));
  const dbPath = existingWorkspace(values.db, say);
  const format = values.format as ReportFormat;
  const out = path.resolve(values.out);
  return withApi(
    dbPath,
    async (api, ws) => {
      await speakWorkspace(ws);
      const scope = await reportScope(ws, values.scope);
      const asked = ReportSpecSchema.parse({
        period: { kind: 'month', month: values.month },
        scope,
        language: reportLanguage,
      });
      if (format === 'csv' && !out.endsWith('.zip')) {
        // Read straight from the service, not through the dispatcher: the door's own check (the
        // role, and a lead's report narrowed to their reach) is made here.
        const spec =
          ws.engine === 'postgres'
            ? contract['reports.generate'].input.parse(
                await admittedInput(ws, 'reports.generate', { spec: asked, format }),
              ).spec
            : asked;
        const report = await reportFor(ws, spec, now());
        fs.mkdirSync(out, { recursive: true });
        for (const file of csvFiles(report)) writeFileAtomically(path.join(out, file.name), file.data);
        printCloseNotice(report.close);
        process.stderr.write(`${say('cli.report.wroteCsv', { count: report.tables.length, out })}\n`);
        return 0;
      }
      const { jobId } = await call(api, 'reports.generate', { spec: asked, format });
      const job = await runJob(api, jobId, 'report');
      if (job.status !== 'done') throw new UsageError(job.error ?? `report ${job.status}`);
      const file = await call(api, 'reports.file', { jobId });
      // A report killed half-way leaves no half file behind for someone to send to their manager.
      writeFileAtomically(out, Buffer.from(file.base64, 'base64'));
      printCloseNotice(file.close);
      process.stderr.write(`${say('cli.report.wrote', { out })}\n`);
      return 0;
    },
    { readOnly: true, user: values.user },
  );
}

async function reportScope(ws: Workspace, scope: string | undefined): Promise<ReportScope> {
  if (scope === undefined || scope === 'floor') return { kind: 'floor' };
  const [kind, ...rest] = scope.split(':');
  const name = rest.join(':');
  if (kind === 'team' && name) {
    const team = await ws.kysely.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst();
    if (!team) throw new UsageError(say('cli.report.noTeam', { name }));
    return { kind: 'team', teamId: team.id };
  }
  if (kind === 'agent' && name) {
    const agent =
      (await ws.kysely.selectFrom('agents').select('id').where('code', '=', name).executeTakeFirst()) ??
      // a code merged into another person (the People page) names that person
      (await ws.kysely
        .selectFrom('agent_codes')
        .select('agent_id as id')
        .where('code', '=', name)
        .executeTakeFirst());
    if (!agent) throw new UsageError(say('cli.report.noAgent', { code: name }));
    return { kind: 'agent', agentId: agent.id };
  }
  throw new UsageError(say('cli.report.badScope', { scope }));
}

function printCloseNotice(close: { changedSections: string[] } | null): void {
  if (close && close.changedSections.length > 0)
    process.stderr.write(
      `${say('cli.report.closedChanged', { sections: close.changedSections.join(', ') })}\n`,
    );
  else if (close) process.stderr.write(`${say('cli.report.closed')}\n`);
}

/** `team init`: a team workspace's schema and its first admin (src-main/auth/cli-auth.ts). */
async function teamInitCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { admin: { type: 'string' }, name: { type: 'string' } },
  });
  const [url, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError('usage: callscope team init postgres://… --admin <login> [--name "Display name"]');
  process.stderr.write(`${await teamInit(url, values.admin, values.name)}\n`);
  return 0;
}

/** `team <command>`: init (above), copy and export (workspace-copy/team-commands.ts). */
const TEAM: Record<string, (args: string[]) => Promise<number>> = { init: teamInitCommand, ...TEAM_COMMANDS };

async function teamCommand(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const run = command === undefined ? undefined : TEAM[command];
  if (!run) throw new UsageError(`team needs one of: ${Object.keys(TEAM).join(', ')}\n${USAGE}`);
  return run(rest);
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  report: reportCommand,
  import: importCommand,
  metrics: metricsCommand,
  demo: demoCommand,
  backup: backupCommand,
  team: teamCommand,
};

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    return await run(rest);
  } catch (err) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`callscope ${command}: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

runCli(process.argv.slice(2)).then((code) => process.exit(code));
