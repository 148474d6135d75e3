/** English words of the session: a workspace that could not be opened, and the ways out. */
export const sessionEn = {
  'session.title.corrupt': 'This workspace file is damaged',
  'session.title.newer_schema': 'This workspace was saved by a newer Callscope',
  'session.title.locked': 'Another program is using this workspace',
  'session.title.read_only': 'This workspace file cannot be written',
  'session.title.unreadable': 'This workspace file cannot be opened',
  'session.hint.corrupt':
    'Restore a backup below. The damaged file is moved into the backups folder first, never deleted.',
  'session.hint.newer_schema':
    'Update Callscope to work in it. Meanwhile you can look at it read-only, or restore a backup made by this version.',
  'session.hint.locked':
    'Close the other program (another Callscope window, a sync or backup tool) and try again, or look at it read-only.',
  'session.hint.read_only':
    'Check the permissions of the file and its folder, or move it to a folder you can write to, then try again. Meanwhile you can look at it read-only.',
  'session.hint.unreadable':
    'Check that the file and its folder exist and can be read, then try again, or restore a backup.',
  'session.title.team': 'This team workspace cannot be opened',
  'session.hint.team':
    'Check that the PostgreSQL server can be reached from this computer, that the database exists, and that the user and password (PGPASSWORD, ~/.pgpass) are right; then try again.',
  'session.team': 'Team workspace',
  'session.noBackups.team':
    'A team workspace is backed up by its database server (your IT’s pg_dump); backups are restored there.',
  'session.file': 'Workspace file',
  'session.details': 'Details',
  'session.retry': 'Try again',
  'session.openReadOnly': 'Open read-only',
  'session.backups': 'Backups',
  'session.noBackups': 'No backups were found in {folder}.',
  'session.readOnly.banner': 'Read-only: {reason}. Nothing can be imported or changed.',
  'session.readOnly.options': 'Recovery options',
  'session.restored': 'Restored {backup}.',
  'session.restored.setAside': 'Restored {backup}. The file it replaced was kept as {setAside}.',
  'session.dismiss': 'Dismiss',
} as const;
