/** 登录用户自己的账号，以及只能查看的角色看到的页面用语。 */
import type { accountEn } from './account.en';

export const accountZhCN: Record<keyof typeof accountEn, string> = {
  'account.title': '我的账号',
  'account.link': '修改密码',
  'account.lead': '你以 {name}（{login}）的身份登录了这个团队工作区，角色：{role}。',
  'account.password.title': '修改密码',
  'account.current': '当前密码',
  'account.next': '新密码',
  'account.repeat': '再输一次新密码',
  'account.nextHint': '至少 8 个字符。',
  'account.tooShort': '新密码至少要 8 个字符。',
  'account.tooLong': '新密码最多 200 个字符。',
  'account.mismatch': '两次输入的新密码不一样。',
  'account.wrongCurrent': '当前密码不对。',
  'account.submit': '修改密码',
  'account.changing': '正在修改…',
  'account.changed': '密码已修改，以后请用新密码登录。',
  'account.local': '这个工作区文件不需要登录，没有密码可改。',
  'roles.back': '返回',
  'roles.coaching.noteTitle': '辅导记录',
  'roles.coaching.planTitle': '绩效改进计划',
  'roles.settings.readOnly': '这些设置只有管理员可以修改。',
};
