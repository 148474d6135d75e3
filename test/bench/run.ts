/** `npm run bench`: every benchmark in turn. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
for (const bench of ['import.ts', 'query.ts', 'concurrency.ts']) {
  const r = spawnSync(tsx, [path.join(import.meta.dirname, bench), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
