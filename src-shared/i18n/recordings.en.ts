/** Linking calls to their recording files: folder, name patterns, index, and the player (English). */
export const recordingsEn = {
  'recordings.has': 'Recording found',
  'recordings.missing': 'Recording not found in the recordings folder',
  'recordings.none': 'No recording',
  'recordings.createFolder': 'Create this folder',
  'recordings.patternsTitle': 'File names',
  'recordings.patternsHint':
    'How the dialer names a recording, one pattern a line. Tokens: {callId} {date:YYYYMMDD} {time:HHmmss} {agent} {phoneLast4} {phone}; * stands for any text in the file name. A call plays the file its stored reference names, else the first file a pattern finds, else one the index finds by name.',
  'recordings.patternsSave': 'Save patterns',
  'recordings.patternsDefault': 'Default patterns',
  'recordings.patternsSaved': 'Patterns saved',
  'recordings.indexTitle': 'Index of the folder',
  'recordings.indexHint':
    'If the dialer files recordings in day or agent folders, index the folder: a call then finds its file by name wherever it is (up to 200,000 files, 6 folder levels).',
  'recordings.indexNone': 'Not indexed yet.',
  'recordings.indexBuilt': 'Files indexed: {count} ({when}).',
  'recordings.indexTruncated': 'The folder has more files than the index holds: some are left out.',
  'recordings.indexBuild': 'Index the folder',
  'recordings.indexing': 'Indexing… {count} files',
  'recordings.problem.no_call': 'This call no longer exists.',
  'recordings.problem.no_folder': 'The recordings folder does not exist. Choose or create it in Settings.',
  'recordings.problem.not_found':
    'No recording of this call in the recordings folder: no file by its reference, by the name patterns or in the index.',
  'recordings.problem.refused':
    'The recording reference points outside the recordings folder, so it is not played.',
  'recordings.problem.decode': 'The file was found but cannot be played as audio.',
  'recordings.goSettings': 'Recordings settings',
} as const;
