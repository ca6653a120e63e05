import { defineErrors } from '../http/errors';

export const JobErrors = defineErrors('JOB', {
  NOT_FOUND: { status: 404, zh: '任务不存在', en: 'No such job' },
  UNKNOWN_KIND: { status: 400, zh: '没有这种任务：{kind}', en: 'Unknown job kind: {kind}' },
});
