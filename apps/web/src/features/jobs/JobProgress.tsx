import { Progress } from 'antd';
import type { JobView } from '../../app/api/types';

/** done/total as a bar; a job that does not know its total shows only the count. */
export function JobProgress({ job, width }: { job: JobView; width?: number }) {
  const { done, total, status } = job;
  const percent =
    total && total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : status === 'succeeded' ? 100 : 0;
  const barStatus =
    status === 'failed'
      ? 'exception'
      : status === 'succeeded'
        ? 'success'
        : status === 'running'
          ? 'active'
          : 'normal';
  return (
    <Progress
      style={{ width: width ?? 180, margin: 0 }}
      size="small"
      percent={percent}
      status={barStatus}
      format={() => (total !== null ? `${done}/${total}` : String(done))}
    />
  );
}
