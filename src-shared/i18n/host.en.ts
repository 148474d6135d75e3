/** English words of the host's bounds: upload limit, writes waiting their turn, undo as a job. */
export const hostEn = {
  'settings.uploadLimit': 'Largest file to upload',
  'settings.uploadLimitHint':
    'Browser mode refuses larger uploads. Import larger files with the command line, or raise the limit.',
  'settings.megabytes': 'MB',
  'host.waitingForImport':
    'Waiting for the import of {file} to finish (started elsewhere, e.g. the command line)…',
  'host.uploadTooLarge':
    '{file} is larger than the upload limit of {limit} MB. Raise the limit in Settings, or import the file with the command line.',
  'host.waitingForWrite': 'Waiting for a change made elsewhere to finish…',
} as const;
