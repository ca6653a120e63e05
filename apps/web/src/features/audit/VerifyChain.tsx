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
import { readChainVerdict, useChainVerdictText } from './ChainVerdict';

/** 校验审计链: starts the verification job and follows its progress here. */
export function VerifyChain() {
  const t = useT();
  const can = useCan();
  const verify = useVerifyAuditChain();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const verdictText = useChainVerdictText();

  const data = job.data;
  // The job can succeed and still find the chain broken: the verdict decides the colour then.
  const verdict = data?.status === 'succeeded' ? readChainVerdict(data.result) : null;

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
      {data && (
        <Alert
          data-testid="audit-verify-job"
          type={
            data.status === 'failed' || verdict?.ok === false
              ? 'error'
              : data.status === 'succeeded'
                ? 'success'
                : 'info'
          }
          title={
            <Space wrap>
              <span>{t('audit.verifyJob')}</span>
              <JobStatusTag status={data.status} />
              {/* Once there is a verdict it states the count; a bar would only repeat (or contradict) it. */}
              {!verdict && <JobProgress job={data} width={220} />}
              {can('job.read') && <Link to="/jobs">{t('jobs.viewAll')}</Link>}
            </Space>
          }
          description={
            data.error ??
            (verdict ? (
              <span data-testid="audit-verify-verdict" data-ok={String(verdict.ok)}>
                {verdictText(verdict)}
              </span>
            ) : data.status === 'succeeded' && data.result !== null ? (
              JSON.stringify(data.result)
            ) : (
              (data.message ?? undefined)
            ))
          }
        />
      )}
    </Space>
  );
}
