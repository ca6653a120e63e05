import { Col, Row, Typography } from 'antd';
import type { AuditView } from '../../app/api/types';
import { prettyJson } from '../../app/format';
import { useT } from '../../app/i18n/useT';

/** The record before and after the action, side by side. */
export function AuditChange({ entry }: { entry: AuditView }) {
  const t = useT();
  return (
    <Row gutter={12} data-testid="audit-change">
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
        <pre className="mz-json">{prettyJson(entry.before)}</pre>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
        <pre className="mz-json">{prettyJson(entry.after)}</pre>
      </Col>
    </Row>
  );
}
