import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useCan } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import { useJob } from '../jobs/api';
import { JobProgress } from '../jobs/JobProgress';
import { JobStatusTag } from '../jobs/JobStatusTag';
import { useVerifyAuditChain } from './api';

/** 校验审计链: starts the verification job and follows its progress here. */
export function VerifyChain() {
  const t = useT();
  const can = useCan();
  const verify = useVerifyAuditChain();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        icon={<SafetyOutlined />}
        loading={verify.isPending}
        data-testid="audit-verify"
        onClick={() => verify.mutate(undefined, { onSuccess: (started) => setJobId(started.id) })}
      >
        {t('audit.verify')}
      </Button>
      {job.data && (
        <Alert
          data-testid="audit-verify-job"
          type={job.data.status === 'failed' ? 'error' : job.data.status === 'succeeded' ? 'success' : 'info'}
          title={
            <Space wrap>
              <span>{t('audit.verifyJob')}</span>
              <JobStatusTag status={job.data.status} />
              <JobProgress job={job.data} width={220} />
              {can('job.read') && <Link to="/jobs">{t('jobs.viewAll')}</Link>}
            </Space>
          }
          description={
            job.data.error ??
            (job.data.status === 'succeeded' && job.data.result !== null
              ? JSON.stringify(job.data.result)
              : (job.data.message ?? undefined))
          }
        />
      )}
    </Space>
  );
}
