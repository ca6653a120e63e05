import type { ReactNode } from 'react';
import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  MinusCircleOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import type { JobStatus } from '../../app/api/types';
import type { MessageKey } from '../../app/i18n/dictionary';
import { useT } from '../../app/i18n/useT';

const look: Record<JobStatus, { color: string; icon: ReactNode; label: MessageKey }> = {
  queued: { color: 'default', icon: <ClockCircleOutlined />, label: 'jobs.status.queued' },
  running: { color: 'processing', icon: <SyncOutlined spin />, label: 'jobs.status.running' },
  succeeded: { color: 'success', icon: <CheckCircleOutlined />, label: 'jobs.status.succeeded' },
  failed: { color: 'error', icon: <CloseCircleOutlined />, label: 'jobs.status.failed' },
  cancelled: { color: 'warning', icon: <MinusCircleOutlined />, label: 'jobs.status.cancelled' },
};

export function JobStatusTag({ status }: { status: JobStatus }) {
  const t = useT();
  const { color, icon, label } = look[status];
  return (
    <Tag color={color} icon={icon} data-status={status}>
      {t(label)}
    </Tag>
  );
}
