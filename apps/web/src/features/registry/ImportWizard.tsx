import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Modal, Row, Space, Spin, Statistic, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { JobView } from '../../app/api/types';
import { useT } from '../../app/i18n/useT';
import { isJobActive, useJob } from '../jobs/api';
import { JobProgress } from '../jobs/JobProgress';
import { JobStatusTag } from '../jobs/JobStatusTag';
import { importErrorsPath, registryKeys, templatePath, useDownload, useStartImport } from './api';
import type { ImportResult } from './types';

/** The counts of a finished import, when its result has them. */
function readImportResult(result: unknown): ImportResult | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as Record<string, unknown>;
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  if (!['total', 'created', 'updated', 'failed'].some((k) => typeof r[k] === 'number')) return null;
  return {
    total: n(r.total),
    created: n(r.created),
    updated: n(r.updated),
    ...(typeof r.unchanged === 'number' && { unchanged: r.unchanged }),
    failed: n(r.failed),
  };
}

const isXlsx = (file: File) => /\.xlsx$/i.test(file.name);

/**
 * 批量导入: 1 download the template, 2 upload the filled workbook, 3 follow the job (polled every second) and
 * read the counts, with the workbook of rejected rows when some failed. Closing does not stop the job.
 */
export function ImportWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const download = useDownload();
  const start = useStartImport();
  const job = useJob(jobId);
  const running = job.data ? isJobActive(job.data) : jobId !== null;
  const finishedStatus = job.data && !isJobActive(job.data) ? job.data.status : null;

  // The people list shows what the import added once the job has ended.
  useEffect(() => {
    if (finishedStatus) void queryClient.invalidateQueries({ queryKey: registryKeys.all });
  }, [finishedStatus, queryClient]);

  const restart = () => {
    setStep(0);
    setFile(null);
    setJobId(null);
    start.reset();
  };
  const close = () => {
    // A running import stays in the wizard, to be followed when it is opened again.
    if (!running) restart();
    onClose();
  };

  const upload = () => {
    if (!file) return;
    start.mutate(file, {
      onSuccess: (j: JobView) => {
        setJobId(j.id);
        setStep(2);
      },
    });
  };

  const footer =
    step === 0 ? (
      <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">
        {t('registry.import.next')}
      </Button>
    ) : step === 1 ? (
      <Space>
        <Button onClick={() => setStep(0)}>{t('registry.import.back')}</Button>
        <Button
          type="primary"
          disabled={!file}
          loading={start.isPending}
          onClick={upload}
          data-testid="import-start"
        >
          {t('registry.import.start')}
        </Button>
      </Space>
    ) : (
      <Space>
        {!running && <Button onClick={restart}>{t('registry.import.again')}</Button>}
        <Button type="primary" onClick={close} data-testid="import-close">
          {running ? t('registry.import.hide') : t('registry.import.finish')}
        </Button>
      </Space>
    );

  return (
    <Modal open={open} width={680} title={t('registry.import.title')} onCancel={close} footer={footer}>
      <Steps
        size="small"
        current={step}
        status={
          finishedStatus === 'succeeded' ? 'finish' : finishedStatus && step === 2 ? 'error' : 'process'
        }
        style={{ margin: '8px 0 24px' }}
        items={[
          { title: t('registry.import.step.template') },
          { title: t('registry.import.step.upload') },
          { title: t('registry.import.step.result') },
        ]}
      />
      {step === 0 && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('registry.import.templateHelp')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('registry.import.templateRules')}
          </Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate(templatePath)}
            data-testid="import-template"
          >
            {t('registry.import.template')}
          </Button>
        </Space>
      )}
      {step === 1 && (
        <div data-testid="import-upload">
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: 'workbook', name: file.name, size: file.size, status: 'done' }] : []}
            beforeUpload={(f) => {
              if (!isXlsx(f)) message.error(t('registry.import.xlsxOnly'));
              else setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('registry.import.drop')}</p>
            <p className="ant-upload-hint">{t('registry.import.dropHint')}</p>
          </Upload.Dragger>
        </div>
      )}
      {step === 2 && (
        <ImportProgress
          job={job.data}
          onDownloadErrors={(id) => download.mutate(importErrorsPath(id))}
          downloading={download.isPending}
        />
      )}
    </Modal>
  );
}

function ImportProgress({
  job,
  onDownloadErrors,
  downloading,
}: {
  job: JobView | undefined;
  onDownloadErrors: (jobId: string) => void;
  downloading: boolean;
}) {
  const t = useT();
  if (!job) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  const result = readImportResult(job.result);
  const active = isJobActive(job);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-progress">
      <Space wrap>
        <JobStatusTag status={job.status} />
        {job.message && <Typography.Text type="secondary">{job.message}</Typography.Text>}
      </Space>
      {/* Once the counts are in they say it all; the bar is for the waiting. */}
      {(active || !result) && <JobProgress job={job} width={600} />}
      {active && (
        <Typography.Text type="secondary">
          {t('registry.import.running')} <Link to="/jobs">{t('jobs.viewAll')}</Link>
        </Typography.Text>
      )}
      {job.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('registry.import.jobFailed')}
          description={job.error ?? undefined}
        />
      )}
      {result && !active && (
        <Row gutter={16} data-testid="import-result">
          {(
            [
              ['total', 'registry.import.total', result.total],
              ['created', 'registry.import.created', result.created],
              ['updated', 'registry.import.updated', result.updated],
              ...(result.unchanged !== undefined
                ? [['unchanged', 'registry.import.unchanged', result.unchanged] as const]
                : []),
              ['failed', 'registry.import.failed', result.failed],
            ] as const
          ).map(([key, label, value]) => (
            <Col flex={1} key={key} data-count={key}>
              <Statistic
                title={t(label)}
                value={value}
                styles={{ content: { color: key === 'failed' && value > 0 ? '#cf1322' : undefined } }}
              />
            </Col>
          ))}
        </Row>
      )}
      {result && !active && result.failed > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('registry.import.someFailed', { failed: result.failed })}
          action={
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={downloading}
              onClick={() => onDownloadErrors(job.id)}
              data-testid="import-errors"
            >
              {t('registry.import.errors')}
            </Button>
          }
        />
      )}
    </Space>
  );
}
