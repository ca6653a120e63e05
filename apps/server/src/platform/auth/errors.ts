import { defineErrors } from '../http/errors';

export const AuthErrors = defineErrors('AUTH', {
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系安全管理员',
    en: 'Too many failed logins: the account is locked; try again in {minutes} minutes or ask the security administrator',
  },
  DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  WEAK_PASSWORD_TOO_SHORT: {
    status: 400,
    zh: '密码至少需要 {min} 个字符',
    en: 'The password needs at least {min} characters',
  },
  WEAK_PASSWORD_TOO_FEW_CLASSES: {
    status: 400,
    zh: '密码需包含大写字母、小写字母、数字、符号中的至少 {min} 类',
    en: 'The password needs at least {min} of: upper case, lower case, digits, symbols',
  },
  WEAK_PASSWORD_CONTAINS_USERNAME: {
    status: 400,
    zh: '密码不能包含用户名',
    en: 'The password must not contain the username',
  },
  SAME_PASSWORD: {
    status: 400,
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  WRONG_CURRENT_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'No such user' },
  USERNAME_TAKEN: { status: 409, zh: '用户名 {username} 已被使用', en: 'Username {username} is taken' },
  UNKNOWN_ROLE: { status: 400, zh: '角色 {role} 不存在', en: 'Unknown role {role}' },
  ROLE_MIX: {
    status: 400,
    zh: '三员分立：管理员角色只能单独授予，且不能与业务角色同时授予',
    en: 'Separation of duties: an administrator role must be the only role of its user',
  },
  OUT_OF_SCOPE: {
    status: 403,
    zh: '区划 {code} 不在您的管辖范围内',
    en: 'Region {code} is outside your scope',
  },
  SELF_CHANGE: {
    status: 403,
    zh: '不能修改自己的角色、范围或状态',
    en: 'You cannot change your own roles, scope or status',
  },
  ADMIN_PROTECTED: {
    status: 403,
    zh: '三员分立：安全管理员和审计管理员账号不能由系统管理员授予或修改，请由运维人员使用 minzheng admin 命令处理',
    en: 'Separation of duties: security and audit administrator accounts are not granted or changed by the system administrator; the operator uses the `minzheng admin` command',
  },
  SESSION_NOT_FOUND: { status: 404, zh: '会话不存在', en: 'No such session' },
});
