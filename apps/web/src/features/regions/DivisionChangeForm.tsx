import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Descriptions, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { showFormError } from '../../app/api/form-errors';
import type { DivisionChangeResult } from '../../app/api/types';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useDivisionChange } from './api';

interface ChangeForm {
  fromCode: string;
  toCode: string;
  newName: string;
  effectiveDate: Dayjs;
  reason: string;
}

const codeRule = /^\d{12}(\d{3})?$/;

/** 区划变更: a division gets a new code and name from a date (e.g. 凤翔县 610322 → 凤翔区 610305, 2021-01-29). */
export function DivisionChangeForm() {
  const t = useT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<ChangeForm>();
  const change = useDivisionChange();
  const [result, setResult] = useState<DivisionChangeResult | null>(null);

  const submit = (values: ChangeForm) => {
    const body = {
      fromCode: values.fromCode.trim(),
      toCode: values.toCode.trim(),
      newName: values.newName.trim(),
      effectiveDate: toIsoDate(values.effectiveDate),
      reason: values.reason.trim(),
    };
    modal.confirm({
      title: t('regions.change.confirmTitle'),
      content: t('regions.change.confirmText', body),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        change.mutateAsync(body).then(
          (answer) => {
            setResult(answer);
            message.success(t('regions.change.done'));
            form.resetFields();
          },
          (error: unknown) => {
            showFormError(form, error, {
              REGION_NOT_FOUND: 'fromCode',
              REGION_NOT_CURRENT: 'fromCode',
              REGION_CODE_TAKEN: 'toCode',
              REGION_LEVEL_MISMATCH: 'toCode',
            });
          },
        ),
    });
  };

  const codeRules = [
    { required: true, message: t('common.required') },
    { pattern: codeRule, message: t('regions.change.codeFormat') },
  ];

  return (
    <>
      <Form<ChangeForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="division-change-form"
        style={{ maxWidth: 720 }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="fromCode" label={t('regions.change.fromCode')} rules={codeRules}>
              <Input placeholder="610322000000" maxLength={15} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="toCode" label={t('regions.change.toCode')} rules={codeRules}>
              <Input placeholder="610305000000" maxLength={15} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="newName"
              label={t('regions.change.newName')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={64} placeholder={t('regions.change.newNamePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="effectiveDate"
              label={t('regions.change.effectiveDate')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="reason"
          label={t('regions.change.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder={t('regions.change.reasonPlaceholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('regions.change.submit')}
        </Button>
      </Form>
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('regions.change.resultTitle', { count: result.divisionsRecoded })}
          description={
            Object.keys(result.recordsRecoded).length > 0 ? (
              <Descriptions
                size="small"
                column={1}
                items={Object.entries(result.recordsRecoded).map(([table, count]) => ({
                  key: table,
                  label: table,
                  children: count,
                }))}
              />
            ) : undefined
          }
          closable={{ onClose: () => setResult(null) }}
        />
      )}
    </>
  );
}
