/** 登录团队工作区的中文用语。 */
import type { authEn } from './auth.en';

export const authZhCN: Record<keyof typeof authEn, string> = {
  'auth.title': '登录',
  'auth.hint': '这是团队工作区，请用管理员给你的账号登录。',
  'auth.workspace': '团队工作区',
  'auth.login': '账号',
  'auth.password': '密码',
  'auth.signIn': '登录',
  'auth.refused': '账号或密码不对。',
  'auth.noAdmin': '这个团队工作区还没有管理员，请让 IT 用 “callscope team init” 创建。',
  'auth.signedInAs': '当前用户',
  'auth.signOut': '退出登录',
  'auth.role.admin': '管理员',
  'auth.role.team_lead': '组长',
  'auth.role.qa': '质检员',
  'auth.role.manager': '经理',
  'auth.role.agent': '坐席',
};
