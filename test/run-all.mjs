// `npm test`: every suite in turn (type check, lint, unit/integration, end-to-end), whatever the
// earlier ones gave, then one line "N passed, N failed" over all of them. Exit code 0 only if
// everything passed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const reports = path.join(repo, '.tmp/reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
const bin = (name) => path.join(repo, 'node_modules/.bin', name);

function run(label, command, args, env = {}) {
  process.stderr.write(`\n== ${label}: ${command} ${args.join(' ')}\n`);
  const r = spawnSync(command, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const suites = [];

// A check that is one command counts as one test.
for (const [label, command, args] of [
  ['typecheck', bin('tsc'), ['-b']],
  ['lint', bin('eslint'), ['.']],
  ['format', bin('prettier'), ['--check', '.']],
]) {
  const ok = run(label, command, args);
  suites.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

{
  const out = path.join(reports, 'vitest.json');
  const ok = run('unit', bin('vitest'), [
    'run',
    '--config',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const r = readJson(out);
  suites.push(
    r
      ? {
          label: 'unit',
          passed: r.numPassedTests,
          failed: r.numFailedTests + (ok || r.numFailedTests > 0 ? 0 : 1),
        }
      : { label: 'unit', passed: 0, failed: 1 },
  );
}

{
  const out = path.join(reports, 'e2e.json');
  const built = run('build renderer', 'npm', ['run', '--silent', 'build:renderer']);
  const ok =
    built &&
    run(
      'e2e',
      bin('playwright'),
      ['test', '--config', 'test/e2e/playwright.config.ts', '--reporter=list,json'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      },
    );
  const r = readJson(out);
  const stats = r?.stats;
  suites.push(
    stats
      ? {
          label: 'e2e',
          passed: stats.expected + stats.flaky,
          failed: stats.unexpected + (ok || stats.unexpected > 0 ? 0 : 1),
        }
      : { label: 'e2e', passed: 0, failed: 1 },
  );
}

process.stdout.write('\n');
for (const s of suites) process.stdout.write(`${s.label}: ${s.passed} passed, ${s.failed} failed\n`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
