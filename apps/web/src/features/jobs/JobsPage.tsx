import { Button, Card, Space, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { JobView } from '../../app/api/types';
import { formatDateTime, prettyJson } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { ChainVerdictAlert, readChainVerdict, useChainVerdictText } from '../audit/ChainVerdict';
import { isJobActive, useJobs } from './api';
import { JobProgress } from './JobProgress';
import { JobStatusTag } from './JobStatusTag';
import { useJobKindLabel } from './useJobKindLabel';

/** The verdict of a finished `audit.verify` job, shown as a sentence instead of its JSON. */
const chainVerdictOf = (job: JobView) =>
  job.kind === 'audit.verify' && job.status === 'succeeded' ? readChainVerdict(job.result) : null;

/** 任务: background jobs with live progress (refreshed every second while one is running). */
export function JobsPage() {
  const t = useT();
  const kindLabel = useJobKindLabel();
  const verdictText = useChainVerdictText();
  const jobs = useJobs();
  const rows = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  const active = rows.some(isJobActive);

  return (
    <Card
      title={t('jobs.title')}
      extra={
        <Space>
          {active && <Typography.Text type="secondary">{t('jobs.live')}</Typography.Text>}
          <Button icon={<ReloadOutlined />} onClick={() => void jobs.refetch()} loading={jobs.isRefetching}>
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      <Table<JobView>
        data-testid="jobs-table"
        size="small"
        rowKey="id"
        loading={jobs.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1400 }}
        expandable={{
          expandedRowRender: (job) => {
            const verdict = chainVerdictOf(job);
            return verdict ? (
              <div data-testid="job-detail">
                <ChainVerdictAlert verdict={verdict} />
              </div>
            ) : (
              <pre className="mz-json" data-testid="job-detail">
                {job.error ? `${t('jobs.error')}: ${job.error}\n\n` : ''}
                {prettyJson(job.result)}
              </pre>
            );
          },
        }}
        columns={[
          { title: t('jobs.kind'), dataIndex: 'kind', width: 140, render: (kind: string) => kindLabel(kind) },
          {
            title: t('jobs.status'),
            dataIndex: 'status',
            width: 110,
            render: (_: unknown, job) => <JobStatusTag status={job.status} />,
          },
          {
            title: t('jobs.progress'),
            key: 'progress',
            width: 200,
            render: (_: unknown, job) => <JobProgress job={job} />,
          },
          { title: t('jobs.message'), dataIndex: 'message', width: 200, ellipsis: true },
          {
            title: t('jobs.createdAt'),
            dataIndex: 'createdAt',
            width: 165,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('jobs.startedAt'),
            dataIndex: 'startedAt',
            width: 165,
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('jobs.finishedAt'),
            dataIndex: 'finishedAt',
            width: 165,
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('jobs.outcome'),
            key: 'outcome',
            width: 220,
            ellipsis: true,
            render: (_: unknown, job) => {
              if (job.error) return <Typography.Text type="danger">{job.error}</Typography.Text>;
              const verdict = chainVerdictOf(job);
              if (verdict) {
                const text = verdictText(verdict);
                return (
                  <Typography.Text type={verdict.ok ? 'success' : 'danger'} ellipsis={{ tooltip: text }}>
                    {text}
                  </Typography.Text>
                );
              }
              return job.result !== null ? (
                <Typography.Text code>{JSON.stringify(job.result)}</Typography.Text>
              ) : null;
            },
          },
        ]}
      />
      {jobs.hasNextPage && (
        <div className="mz-load-more">
          <Button onClick={() => void jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}
