/** What the command line says of its demo, backup and report commands (English). */
export const cliEn = {
  'cli.demo.loaded': '{path}: {calls} demo calls for {agents} agents over {days} days',
  'cli.backup.needsOut': 'backup needs --out <file>',
  'cli.backup.done': 'backed up {source} to {out} (verified)',
  'cli.report.needsMonth': 'report needs --month YYYY-MM',
  'cli.report.needsFormat': 'report needs --format {formats}',
  'cli.report.needsOut': 'report needs --out <path>',
  'cli.report.wroteCsv': 'wrote {count} CSV files to {out}',
  'cli.report.wrote': 'wrote {out}',
  'cli.report.closed': 'note: this month is closed; the report shows the closed numbers',
  'cli.report.closedChanged':
    'note: the data has changed since this month was closed ({sections}); the report shows the closed numbers',
  'cli.report.noTeam': 'no team named "{name}"',
  'cli.report.noAgent': 'no agent with code "{code}"',
  'cli.report.badScope': '--scope must be team:NAME or agent:CODE, not "{scope}"',
} as const;
