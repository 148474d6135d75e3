/**
 * A child process for the crash-safety test: opens a workspace at an older schema and runs the
 * shipped migrations plus one more that does half its work, says so on stdout and then waits
 * forever inside the migration's transaction, for the test to SIGKILL it there.
 */
import { migrate, openConnection } from '../../src-main/db/connection';
import { migrations, type Migration } from '../../src-main/db/migrations';

const file = process.argv[2]!;
const hang: Migration = {
  version: migrations[migrations.length - 1]!.version + 1,
  name: 'half done, then killed',
  up(db) {
    db.exec('CREATE TABLE half_done (x INTEGER); INSERT INTO half_done VALUES (1);');
    db.exec('DELETE FROM calls');
    process.stdout.write('halfway\n');
    // Block the thread (no event loop turn can commit anything) until the kill arrives.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
};
const db = openConnection(file);
await migrate(db, file, [...migrations, hang]);
