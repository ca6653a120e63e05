import { Button, DatePicker, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AuditView } from '../../app/api/types';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import type { AuditFilters } from './api';

interface FilterForm {
  actor?: string;
  action?: string;
  entityType?: string;
  outcome?: AuditView['outcome'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** Actor, action, entity type, outcome and date range. */
export function AuditFilterBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const t = useT();
  const [form] = Form.useForm<FilterForm>();

  const apply = (v: FilterForm) => {
    const [from, to] = v.range ?? [null, null];
    onChange({
      actor: trimmed(v.actor),
      action: trimmed(v.action),
      entityType: trimmed(v.entityType),
      outcome: v.outcome,
      from: from ? toIsoDate(from) : undefined,
      to: to ? toIsoDate(to) : undefined,
    });
  };

  return (
    <Form<FilterForm>
      form={form}
      layout="inline"
      onFinish={apply}
      data-testid="audit-filters"
      className="mz-filter-bar"
    >
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Input allowClear placeholder="auth.login" style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Input allowClear placeholder="user" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          style={{ width: 110 }}
          options={[
            { value: 'success', label: t('audit.outcome.success') },
            { value: 'failure', label: t('audit.outcome.failure') },
            { value: 'denied', label: t('audit.outcome.denied') },
          ]}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
