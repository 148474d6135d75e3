/**
 * The command line's doors to moving between a workspace file and a team workspace:
 *
 *   callscope team copy <source.sqlite> <postgres://…>    a local workspace into a team workspace
 *   callscope team export <postgres://…> <out.sqlite>     a team workspace into a new file
 *
 * Both run the copy as a job (progress on stderr, Ctrl-C cancels; running the command again
 * finishes a copy that was stopped). An export is written beside its file as `<out>.partial` and
 * renamed when complete, so a file at `<out>` is always a whole export; an existing file is never
 * overwritten unless it is an empty workspace.
 */
import fs from 'node:fs';
import { JobRegistry } from '../jobs';
import { openWorkspace, type Workspace } from '../workspace';
import { isTeamWorkspaceUrl, resolveTarget, shownTarget } from '../workspace-target';
import { copyWorkspace, type CopyResult } from './copy';
import { isEmptyWorkspace } from './settings';

export const TEAM_USAGE = `  callscope team copy <source.sqlite> <postgres://…>
  callscope team export <postgres://…> <out.sqlite>`;

const PROGRESS_EVERY_MS = 2000;

async function withWorkspace<T>(target: string, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace(target);
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}

/** Runs the copy as a job: progress lines on stderr, Ctrl-C cancels it. */
async function runCopyJob(source: Workspace, target: Workspace): Promise<CopyResult> {
  const jobs = new JobRegistry();
  let result: CopyResult | null = null;
  let lastLine = 0;
  const job = jobs.start('copy', async (ctx) => {
    result = await copyWorkspace(source, target, {
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p.done, p.total, p.done, p.table),
    });
    return null;
  });
  const off = jobs.onUpdate((j) => {
    if (j.id !== job.id || j.status !== 'running' || performance.now() - lastLine < PROGRESS_EVERY_MS) return;
    lastLine = performance.now();
    process.stderr.write(`copying ${j.note}: ${j.done} of ${j.total ?? '?'} rows\n`);
  });
  const cancel = () => jobs.cancel(job.id);
  process.once('SIGINT', cancel);
  try {
    const finished = await jobs.wait(job.id);
    if (finished.status === 'cancelled')
      throw new Error('cancelled: what was copied stays; run the command again to finish the copy');
    if (finished.status !== 'done' || !result) throw new Error(finished.error ?? `copy ${finished.status}`);
    return result;
  } finally {
    off();
    process.off('SIGINT', cancel);
  }
}

function printResult(result: CopyResult, to: string): void {
  const lines = Object.entries(result.tables)
    .filter(([, o]) => o.read > 0)
    .map(
      ([table, o]) =>
        `  ${table}: ${o.read} read, ${o.added} added${o.leftOut ? `, ${o.leftOut} left out` : ''}`,
    );
  process.stdout.write(`copied into ${to}\n${lines.join('\n')}\n`);
}

function twoTargets(args: string[], usage: string): [string, string] {
  const [from, to, ...rest] = args;
  if (!from || !to || rest.length > 0) throw new Error(`usage: ${usage}`);
  return [resolveTarget(from), resolveTarget(to)];
}

async function copyCommand(args: string[]): Promise<number> {
  const [from, to] = twoTargets(args, 'callscope team copy <source.sqlite> <postgres://…>');
  // Opening a missing file would create an empty workspace: a typo must not copy nothing.
  if (!isTeamWorkspaceUrl(from) && !fs.existsSync(from)) throw new Error(`no workspace at ${from}`);
  const result = await withWorkspace(from, (source) =>
    withWorkspace(to, (target) => runCopyJob(source, target).then((r) => (printResult(r, target.path), r))),
  );
  return result ? 0 : 1;
}

/** An existing file may be written over only when it is a workspace with nothing in it. */
async function refuseToOverwrite(file: string): Promise<void> {
  if (!fs.existsSync(file)) return;
  let empty = false;
  try {
    const ws = await openWorkspace(file, { readOnly: true });
    try {
      empty = await isEmptyWorkspace(ws.kysely);
    } finally {
      await ws.close();
    }
  } catch {
    throw new Error(`${file} exists and is not a Callscope workspace: choose another file`);
  }
  if (!empty)
    throw new Error(`${file} exists and holds a workspace: choose another file (it is not overwritten)`);
}

async function exportCommand(args: string[]): Promise<number> {
  const [from, out] = twoTargets(args, 'callscope team export <postgres://…> <out.sqlite>');
  if (isTeamWorkspaceUrl(out)) throw new Error('the export is a workspace file: name a .sqlite file');
  await refuseToOverwrite(out);
  // Written under another name until complete; an export stopped midway resumes into it, but only
  // the export of the same workspace (a note beside it names the source, without its password).
  const partial = `${out}.partial`;
  const note = `${partial}.source`;
  const source = shownTarget(from);
  if (fs.existsSync(partial) && (!fs.existsSync(note) || fs.readFileSync(note, 'utf8') !== source))
    throw new Error(`${partial} is an unfinished export of another workspace: remove it to start over`);
  fs.writeFileSync(note, source);
  await withWorkspace(from, (ws) =>
    withWorkspace(partial, async (target) => printResult(await runCopyJob(ws, target), out)),
  );
  fs.renameSync(partial, out);
  fs.rmSync(note, { force: true });
  return 0;
}

export const TEAM_COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  copy: copyCommand,
  export: exportCommand,
};
