/** English words of the host's bounds: upload limit, writes waiting their turn, undo as a job. */
export const hostEn = {
  'settings.uploadLimit': 'Largest file to upload',
  'settings.uploadLimitHint':
    'Browser mode refuses larger uploads. Import larger files with the command line, or raise the limit.',
  'settings.megabytes': 'MB',
} as const;
