/** 桌面版团队工作区密码输入框的中文用语（src-main/keychain）。 */
import type { keychainEn } from './keychain.en';

export const keychainZhCN: Record<keyof typeof keychainEn, string> = {
  'keychain.title': '登录团队工作区',
  'keychain.prompt': '请输入用户 {user} 在 {host}:{port} 上数据库 {database} 的密码',
  'keychain.refused': '服务器拒绝了这个密码，请重新输入。',
  'keychain.remember': '密码会用本机系统钥匙串加密后保存在这台电脑上。',
  'keychain.noEncryption': '这台电脑无法加密保存密码，因此不会保存：每次打开都需要重新输入。',
  'keychain.signIn': '登录',
  'keychain.cancel': '取消',
};
