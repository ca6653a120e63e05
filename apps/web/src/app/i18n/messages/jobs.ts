import type { Messages } from './types';

export const jobsMessages = {
  'jobs.title': ['后台任务', 'Background jobs'],
  'jobs.live': ['任务进行中，每秒自动刷新', 'Jobs running; refreshing every second'],
  'jobs.kind': ['任务类型', 'Kind'],
  'jobs.status': ['状态', 'Status'],
  'jobs.progress': ['进度', 'Progress'],
  'jobs.message': ['说明', 'Message'],
  'jobs.createdAt': ['创建时间', 'Created'],
  'jobs.startedAt': ['开始时间', 'Started'],
  'jobs.finishedAt': ['结束时间', 'Finished'],
  'jobs.outcome': ['结果 / 错误', 'Result / error'],
  'jobs.error': ['错误', 'Error'],
  'jobs.status.queued': ['排队中', 'Queued'],
  'jobs.status.running': ['运行中', 'Running'],
  'jobs.status.succeeded': ['已完成', 'Succeeded'],
  'jobs.status.failed': ['失败', 'Failed'],
  'jobs.status.cancelled': ['已取消', 'Cancelled'],
  'jobs.kind.audit.verify': ['审计链校验', 'Audit chain verification'],
  'jobs.viewAll': ['查看全部任务', 'All jobs'],
} as const satisfies Messages;
