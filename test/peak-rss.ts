/**
 * The peak memory of a CLI a test spawns: a module preloaded into the child (NODE_OPTIONS
 * `--require`) appends its peak RSS in KB to the file named by $CALLSCOPE_TEST_RSS when it exits.
 *
 * The peak is Linux's VmHWM, the high-water mark of the process's own memory since it started the
 * CLI, not `process.resourceUsage().maxRSS`: a child's maxRSS starts at the RSS of the process it
 * was forked from (the kernel keeps the forked copy's high-water mark across exec), so a CLI
 * spawned by a test worker that had just built a 300 MB zip bomb in memory "peaked" at the
 * worker's 300-371 MB, varying with what the worker held, whatever the CLI did. maxRSS only where
 * there is no /proc.
 */
import fs from 'node:fs';
import path from 'node:path';

const PRELOAD = `process.on('exit', () => {
  const fs = require('node:fs');
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = /^VmHWM:\\s*(\\d+) kB/m.exec(status);
  fs.appendFileSync(process.env.CALLSCOPE_TEST_RSS, (hwm ? hwm[1] : process.resourceUsage().maxRSS) + '\\n');
});`;

/** The environment that makes a spawned CLI report its peak into `rssFile` (the preload is written to `dir`). */
export function peakRssEnv(dir: string, rssFile: string): Record<string, string> {
  const preload = path.join(dir, 'rss-preload.cjs');
  if (!fs.existsSync(preload)) fs.writeFileSync(preload, PRELOAD);
  return { NODE_OPTIONS: `--require ${preload}`, CALLSCOPE_TEST_RSS: rssFile };
}

/** The peak the CLI reported, in MB (the largest line, should a thread of it report too). */
export function peakRssMb(rssFile: string): number {
  return Math.max(...fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024;
}
