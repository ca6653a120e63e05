import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { showFormError } from '../../app/api/form-errors';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useMergePersons } from './api';
import type { DuplicateView, PersonView } from './types';

interface MergeForm {
  keepId: string;
  reason: string;
}

/** The likelier survivor: the one in a household, else the one with an ID number, else the older record. */
function likelySurvivor({ a, b }: DuplicateView): PersonView {
  if (!!a.householdId !== !!b.householdId) return a.householdId ? a : b;
  if (!!a.idNumberMasked !== !!b.idNumberMasked) return a.idNumberMasked ? a : b;
  return a.createdAt <= b.createdAt ? a : b;
}

/** 合并: choose the record that stays, give the reason, confirm. The other is kept, marked as merged. */
export function MergeModal({ pair, onClose }: { pair: DuplicateView | null; onClose: () => void }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<MergeForm>();
  const merge = useMergePersons();

  useEffect(() => {
    if (!pair) return;
    form.resetFields();
    form.setFieldsValue({ keepId: likelySurvivor(pair).id });
  }, [pair, form]);

  const submit = (v: MergeForm) => {
    if (!pair) return;
    const keep = v.keepId === pair.a.id ? pair.a : pair.b;
    const drop = keep === pair.a ? pair.b : pair.a;
    modal.confirm({
      title: t('registry.merge.confirmTitle'),
      content: t('registry.merge.confirmText', { keep: keep.name, drop: drop.name }),
      okText: t('registry.merge.button'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        merge.mutateAsync({ keepId: keep.id, dropId: drop.id, reason: v.reason.trim() }).then(
          () => {
            message.success(t('registry.merge.done', { name: keep.name }));
            onClose();
          },
          (e: unknown) => showFormError(form, e),
        ),
    });
  };

  const option = (p: PersonView) => ({
    value: p.id,
    label: (
      <Space orientation="vertical" size={0}>
        <Typography.Text strong>{p.name}</Typography.Text>
        <Typography.Text type="secondary">
          {[p.idNumberMasked ?? t('registry.person.noId'), p.birthDate, p.hukouRegionName].join(' · ')}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('registry.merge.registeredAt', { time: formatDateTime(p.createdAt) })}
        </Typography.Text>
      </Space>
    ),
  });

  return (
    <Modal
      open={pair !== null}
      title={t('registry.merge.title')}
      okText={t('registry.merge.next')}
      cancelText={t('common.cancel')}
      confirmLoading={merge.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<MergeForm> form={form} layout="vertical" onFinish={submit} name="merge" data-testid="merge-form">
        <Form.Item
          name="keepId"
          label={t('registry.merge.keep')}
          extra={t('registry.merge.keepHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={pair ? [option(pair.a), option(pair.b)] : []}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('registry.merge.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, message: t('registry.reveal.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
