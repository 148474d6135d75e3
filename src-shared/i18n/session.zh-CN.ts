/** 会话的中文用语：无法打开的工作区及其恢复办法。 */
import type { sessionEn } from './session.en';

export const sessionZhCN: Record<keyof typeof sessionEn, string> = {
  'session.title.corrupt': '工作区文件已损坏',
  'session.title.newer_schema': '此工作区由更新版本的 Callscope 保存',
  'session.title.locked': '工作区文件正被其他程序占用',
  'session.title.read_only': '工作区文件无法写入',
  'session.title.unreadable': '无法打开工作区文件',
  'session.hint.corrupt': '请从下方恢复一个备份。恢复前，损坏的文件会先移到备份文件夹，不会被删除。',
  'session.hint.newer_schema':
    '请升级 Callscope 后再使用。在此之前，可以只读方式查看，或恢复由当前版本生成的备份。',
  'session.hint.locked':
    '请关闭占用它的程序（另一个 Callscope 窗口、同步或备份工具）后重试，或以只读方式查看。',
  'session.hint.read_only':
    '请检查该文件及其所在文件夹的权限，或把它移到可写入的文件夹后重试。在此之前，可以只读方式查看。',
  'session.hint.unreadable': '请确认该文件及其文件夹存在且可读取后重试，或恢复一个备份。',
  'session.title.team': '无法打开团队工作区',
  'session.hint.team':
    '请确认这台电脑能连上 PostgreSQL 服务器、数据库存在、用户名和密码（PGPASSWORD、~/.pgpass）正确，然后重试。',
  'session.team': '团队工作区',
  'session.noBackups.team': '团队工作区由数据库服务器备份（IT 的 pg_dump），请在服务器上恢复备份。',
  'session.file': '工作区文件',
  'session.details': '详细信息',
  'session.retry': '重试',
  'session.openReadOnly': '以只读方式打开',
  'session.backups': '备份',
  'session.noBackups': '在 {folder} 中没有找到备份。',
  'session.readOnly.banner': '只读：{reason}。不能导入或修改任何数据。',
  'session.readOnly.options': '恢复选项',
  'session.restored': '已恢复 {backup}。',
  'session.restored.setAside': '已恢复 {backup}。被替换的文件已保存为 {setAside}。',
  'session.dismiss': '关闭',
};
