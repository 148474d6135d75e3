/** 管理员重置密码后的用语：用户须先设置自己的密码，才能使用其他功能。 */
import type { passwordDueEn } from './password-due.en';

export const passwordDueZhCN: Record<keyof typeof passwordDueEn, string> = {
  'passwordDue.title': '请设置你自己的密码',
  'passwordDue.lead':
    '管理员重置了你的密码。继续使用前，请设置一个只有你自己知道的新密码：“当前密码”一栏填管理员告诉你的密码。',
  'passwordDue.refused':
    '管理员重置了你的密码：请先在“我的账号”里设置自己的密码，才能使用其他功能（{method}）。',
  'passwordDue.badge': '须修改密码',
};
