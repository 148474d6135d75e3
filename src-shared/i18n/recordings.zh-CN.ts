/** 通话与录音文件的关联：文件夹、文件名规则、索引和播放器（中文）。 */
export const recordingsZhCN = {
  'recordings.has': '有录音',
  'recordings.missing': '录音文件夹中找不到该录音',
  'recordings.none': '无录音',
  'recordings.createFolder': '创建此文件夹',
  'recordings.patternsTitle': '录音文件名规则',
  'recordings.patternsHint':
    '外呼系统给录音文件命名的方式，每行一条。可用字段：{callId} {date:YYYYMMDD} {time:HHmmss} {agent} {phoneLast4} {phone}；* 代表文件名中的任意文字。先按通话记录里的录音地址查找，找不到再按规则依次匹配，最后在索引中按文件名查找。',
  'recordings.patternsSave': '保存规则',
  'recordings.patternsDefault': '恢复默认规则',
  'recordings.patternsSaved': '规则已保存',
  'recordings.indexTitle': '录音文件索引',
  'recordings.indexHint':
    '如果外呼系统按日期或坐席分文件夹存放录音，请为文件夹建立索引：之后无论文件放在哪一层，都能按文件名找到（最多 20 万个文件、6 层文件夹）。',
  'recordings.indexNone': '尚未建立索引。',
  'recordings.indexBuilt': '已索引文件：{count} 个（{when}）。',
  'recordings.indexTruncated': '文件夹中的文件超过索引上限，部分文件未收录。',
  'recordings.indexBuild': '建立索引',
  'recordings.indexing': '正在建立索引… 已扫描 {count} 个文件',
  'recordings.problem.no_call': '该通话已不存在。',
  'recordings.problem.no_folder': '录音文件夹不存在，请在“设置”中选择或创建。',
  'recordings.problem.not_found': '录音文件夹中没有该通话的录音：按录音地址、文件名规则和索引都没有找到。',
  'recordings.problem.refused': '该录音地址指向录音文件夹以外，不予播放。',
  'recordings.problem.decode': '找到了录音文件，但无法作为音频播放。',
  'recordings.goSettings': '录音设置',
} as const;
