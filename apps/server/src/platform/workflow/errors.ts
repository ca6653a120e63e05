import { defineErrors } from '../http/errors';

export const WorkflowErrors = defineErrors('WORKFLOW', {
  NOT_FOUND: {
    status: 404,
    zh: '案件不存在或不在您的管辖范围内',
    en: 'Case not found or outside your scope',
  },
  UNKNOWN_ACTION: { status: 400, zh: '没有这个操作：{action}', en: 'Unknown action: {action}' },
  ILLEGAL_ACTION: {
    status: 409,
    zh: '案件处于“{state}”状态，不能执行“{action}”',
    en: 'The case is in state "{state}"; "{action}" is not possible',
  },
  CLOSED: { status: 409, zh: '案件已办结', en: 'The case is closed' },
  FORBIDDEN: { status: 403, zh: '您无权执行“{action}”', en: 'You may not take the action "{action}"' },
  WRONG_LEVEL: {
    status: 403,
    zh: '“{action}”须由{levels}级办理',
    en: '"{action}" is taken at the {levels} level',
  },
  NOT_ASSIGNEE: { status: 403, zh: '此案件已指派给其他人办理', en: 'The case is assigned to someone else' },
  GUARD: { status: 409, zh: '不能执行“{action}”：{reason}', en: 'Cannot take "{action}": {reason}' },
  STALE: {
    status: 409,
    zh: '案件已被他人处理，请刷新后重试',
    en: 'The case changed meanwhile; reload and try again',
  },
  DUPLICATE: { status: 409, zh: '该事项已有在办案件', en: 'A case already exists for this record' },
});
