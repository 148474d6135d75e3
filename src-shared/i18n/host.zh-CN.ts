/** 主机边界的中文用语：上传上限、等待中的写入、作为任务的撤销。 */
import type { hostEn } from './host.en';

export const hostZhCN: Record<keyof typeof hostEn, string> = {
  'settings.uploadLimit': '上传文件大小上限',
  'settings.uploadLimitHint': '浏览器模式下超过此大小的文件会被拒绝。更大的文件请用命令行导入，或调高上限。',
  'settings.megabytes': 'MB',
  'host.waitingForImport': '正在等待 {file} 的导入完成（由其他地方发起，例如命令行）…',
  'host.uploadTooLarge': '{file} 超过了上传大小上限 {limit} MB。请在设置中调高上限，或用命令行导入该文件。',
  'host.waitingForWrite': '正在等待其他地方的修改完成…',
};
