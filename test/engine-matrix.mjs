// The two-engine matrix (issue 20): the service test files `npm test` runs a second time with
// CALLSCOPE_TEST_ENGINE=postgres (openTestWorkspace then opens a database of the test file's own on
// the test PostgreSQL server), and every other test file that touches a database, with the reason
// it runs on one engine only. test/unit/engine-matrix.test.ts keeps the two lists complete.

/** Service test files whose tests run on SQLite and on PostgreSQL with the same expected numbers. */
export const BOTH_ENGINES = [
  'test/unit/access-multi-team.test.ts',
  'test/unit/audits-comments.test.ts',
  'test/unit/audits-recordings.test.ts',
  'test/unit/audits-scorecard-edit.test.ts',
  'test/unit/audits-scorecard.test.ts',
  'test/unit/audits-short-sale.test.ts',
  'test/unit/audits-workflow.test.ts',
  'test/unit/coaching.test.ts',
  'test/unit/collate.test.ts',
  'test/unit/dashboard-queries.test.ts',
  'test/unit/host-uploads.test.ts',
  'test/unit/import-bounds.test.ts',
  'test/unit/import-business-exports.test.ts',
  'test/unit/import-callscope.test.ts',
  'test/unit/import-date-order.test.ts',
  'test/unit/import-error-codes.test.ts',
  'test/unit/import-fuzz.test.ts',
  'test/unit/import-hostile.test.ts',
  'test/unit/import-pbx.test.ts',
  'test/unit/import-preview.test.ts',
  'test/unit/import-worker.test.ts',
  'test/unit/masked-phones.test.ts',
  'test/unit/orders-attribution.test.ts',
  'test/unit/orders-import.test.ts',
  'test/unit/orders-mapping.test.ts',
  'test/unit/orders-payments.test.ts',
  'test/unit/orders-phone-index.test.ts',
  'test/unit/orders-targets.test.ts',
  'test/unit/people.test.ts',
  'test/unit/periods-to-date.test.ts',
  'test/unit/preview-worker.test.ts',
  'test/unit/privacy.test.ts',
  'test/unit/recordings-finder.test.ts',
  'test/unit/reports-call-numbers.test.ts',
  'test/unit/reports-close-freeze.test.ts',
  'test/unit/reports-close-teams.test.ts',
  'test/unit/password-due.test.ts',
  'test/unit/reports-close.test.ts',
  'test/unit/reports-pdf-audits.test.ts',
  'test/unit/reports-sections.test.ts',
  'test/unit/review.test.ts',
  'test/unit/rollup-exact.test.ts',
  'test/unit/targets-alerts.test.ts',
  'test/unit/targets-audits.test.ts',
  'test/unit/targets-ratings.test.ts',
  'test/unit/team-calendars.test.ts',
  'test/unit/team-history.test.ts',
  'test/unit/undo-job.test.ts',
  'test/unit/visible-names.test.ts',
  'test/unit/web-host.test.ts',
  'test/unit/zone-change.test.ts',
  'test/unit/zone-change-acks.test.ts',
];

/**
 * Reading one export layout gives the same rows whatever the engine; rows reach PostgreSQL through
 * the one bulk writer, which the import files left in BOTH_ENGINES (callscope, business exports,
 * fuzz, hostile, bounds, preview, pbx) and team-workspace-import cover on both.
 */
const LAYOUT_READING = 'reading one export layout (engine-independent); storage is covered on both engines';

/** Test files that touch a database but run once, and why. */
export const ONE_ENGINE = {
  'test/unit/import-3cx.test.ts': LAYOUT_READING,
  'test/unit/import-aircall.test.ts': LAYOUT_READING,
  'test/unit/import-asterisk.test.ts': LAYOUT_READING,
  'test/unit/import-five9.test.ts': LAYOUT_READING,
  'test/unit/import-freeswitch.test.ts': LAYOUT_READING,
  'test/unit/import-generic-en.test.ts': LAYOUT_READING,
  'test/unit/import-pbx-layouts.test.ts': LAYOUT_READING,
  'test/unit/import-phone-systems.test.ts': LAYOUT_READING,
  'test/unit/import-talkdesk.test.ts': LAYOUT_READING,
  'test/unit/import-vicidial.test.ts': LAYOUT_READING,
  'test/unit/import-yunke.test.ts': LAYOUT_READING,
  'test/unit/import-byrobot.test.ts': LAYOUT_READING,
  'test/unit/import-zh-7moor.test.ts': LAYOUT_READING,
  'test/unit/import-zh-clink.test.ts': LAYOUT_READING,
  'test/unit/import-zh-generic.test.ts': LAYOUT_READING,
  'test/unit/import-inbound-inference.test.ts': LAYOUT_READING,
  'test/unit/import-cloud-logs.test.ts': LAYOUT_READING,
  'test/unit/import-xls.test.ts': LAYOUT_READING,
  'test/unit/import-xlsx.test.ts': LAYOUT_READING,
  'test/unit/import-reader-bounds.test.ts': LAYOUT_READING,
  'test/unit/import-resaved.test.ts': LAYOUT_READING,
  'test/unit/layout-detection.test.ts': LAYOUT_READING,
  'test/unit/architecture.test.ts': 'reads the source tree, no database',
  'test/unit/backups.test.ts':
    "the app's own backups copy, verify and restore a SQLite file (PostgreSQL: pg_dump)",
  'test/unit/cli-language.test.ts': 'the CLI on a workspace file (its language, not the engine)',
  'test/unit/cli.test.ts': 'the CLI on workspace files; --db postgres:// is tested in team-workspace.test.ts',
  'test/unit/sqlite-checkpoint.test.ts': "SQLite's WAL checkpoint of a large write, on a thread of its own",
  'test/unit/crash-safety.test.ts': "SIGKILLed writers and SQLite's journal recovery of a file",
  'test/unit/electron-shell.test.ts': 'the desktop shell opening a workspace file',
  'test/unit/electronegativity.test.ts': "the desktop shell's sources, no database",
  'test/unit/leftovers.test.ts':
    'backup files and killed processes leave no files behind: files of a SQLite workspace',
  'test/unit/migrations-migrator.test.ts':
    "SQLite's migrations of old workspace files (PostgreSQL's: postgres-open.test.ts)",
  'test/unit/migrations.test.ts': 'migrating old SQLite workspace files in place and in a snapshot',
  'test/unit/one-writer.test.ts':
    "the lock file and another program holding a SQLite file (PostgreSQL's advisory lock: pg-bulk.test.ts, team-workspace.test.ts)",
  'test/unit/orders-cli.test.ts': 'the CLI on a workspace file',
  'test/unit/pg-bulk.test.ts': 'PostgreSQL by design (the COPY bulk writer), run in the main pass',
  'test/unit/postgres-open.test.ts':
    'PostgreSQL by design (opening, migrating, refusing), run in the main pass',
  'test/unit/read-only-workspace.test.ts':
    'read-only files and mounts, and old-schema files read in a snapshot',
  'test/unit/reports-export.test.ts': 'the CLI end to end on a workspace file',
  'test/unit/schema-columns.test.ts': 'checks schema.ts against both engines itself, in the main pass',
  'test/unit/session.test.ts': "the desktop session's damaged files, backups and restores (SQLite files)",
  'test/unit/start-script.test.ts': '`npm start`, no workspace',
  'test/unit/team-workspace-import.test.ts': 'compares both engines itself, in the main pass',
  'test/unit/team-workspace.test.ts':
    'PostgreSQL by design (the team workspace through every door), in the main pass',
  'test/unit/access-roles.test.ts':
    'PostgreSQL by design (people who sign in exist on team workspaces only), in the main pass',
  'test/unit/auth.test.ts':
    'sign-in on a team workspace and none on a file: both engines itself, in the main pass',
  'test/unit/team-cli.test.ts': 'PostgreSQL by design (team init, --user), in the main pass',
  'test/unit/activity-log.test.ts': 'runs on both engines itself, in the main pass',
  'test/unit/audit-disputes.test.ts': 'runs on both engines itself, in the main pass',
  'test/unit/workspace-copy.test.ts':
    'copies between a file and a team workspace (both engines by design), in the main pass',
  'test/unit/workspace-copy-exact.test.ts':
    'copies a file into a team workspace and back (both engines by design), in the main pass',
  'test/unit/keychain.test.ts':
    "the desktop keychain for a team workspace's password, on the real server, in the main pass",
  'test/unit/pgpass.test.ts': 'the pgpass file and a sign-in with it on the real server, in the main pass',
  'test/unit/source-doors.test.ts':
    'the CLI run from its sources on workspace files (the doors, not the engines)',
  'test/unit/import-memory.test.ts':
    "the CLI importing into a workspace file: the importing process's peak memory",
};
