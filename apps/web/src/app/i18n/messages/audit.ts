import type { Messages } from './types';

export const auditMessages = {
  'audit.title': ['审计日志', 'Audit log'],
  'audit.chain': ['审计链', 'Audit chain'],
  'audit.verify': ['校验审计链', 'Verify audit chain'],
  'audit.verifyJob': ['审计链校验任务', 'Chain verification job'],
  'audit.at': ['时间', 'Time'],
  'audit.actor': ['操作人', 'Actor'],
  'audit.actorPlaceholder': ['用户名或姓名', 'Username or name'],
  // Actor names the server writes for itself: start-up and jobs (`system`), `minzheng` commands (`cli`).
  'audit.actor.system': ['系统', 'System'],
  'audit.actor.cli': ['命令行', 'Command line'],
  'audit.action': ['操作', 'Action'],
  'audit.entityType': ['对象类型', 'Entity type'],
  'audit.entity': ['操作对象', 'Entity'],
  'audit.outcome': ['结果', 'Outcome'],
  'audit.outcome.success': ['成功', 'Success'],
  'audit.outcome.failure': ['失败', 'Failure'],
  'audit.outcome.denied': ['拒绝', 'Denied'],
  'audit.dateRange': ['日期', 'Dates'],
  'audit.address': ['来源地址', 'Address'],
  'audit.region': ['区划', 'Region'],
  'audit.seq': ['链序号', 'Chain no.'],
  'audit.unsealed': ['待封链', 'Unsealed'],
  'audit.before': ['变更前', 'Before'],
  'audit.after': ['变更后', 'After'],

  'audit.verify.intact': [
    '审计链完整：已校验 {checked} 条记录',
    'Audit chain intact: {checked} rows verified',
  ],
  'audit.verify.broken': [
    '审计链被破坏：第 {seq} 条（记录 {id}）{reason}',
    'Audit chain broken at row {seq} (record {id}): {reason}',
  ],
  'audit.verify.brokenAt': ['审计链被破坏：第 {seq} 条{reason}', 'Audit chain broken at row {seq}: {reason}'],
  'audit.verify.reason.altered': ['被篡改', 'altered'],
  'audit.verify.reason.missing': ['缺失', 'missing'],
  'audit.verify.reason.broken-link': ['链接断开', 'link to the previous row broken'],
  'audit.verify.reason.head-missing': ['最新记录被截断', 'newest rows cut off'],
} as const satisfies Messages;
