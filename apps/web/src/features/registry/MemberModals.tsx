import { useEffect, useMemo } from 'react';
import { App, AutoComplete, DatePicker, Form, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { showFormError } from '../../app/api/form-errors';
import { toIsoDate } from '../../app/format';
import type { MessageKey } from '../../app/i18n/dictionary';
import { useT } from '../../app/i18n/useT';
import { useAddMember, useMemberLeave } from './api';
import { PersonPicker } from './PersonPicker';
import { useRelationOptions } from './relation-options';
import type { HouseholdMemberView, HouseholdView } from './types';

const joinReasons: MessageKey[] = [
  'registry.member.joinReason.birth',
  'registry.member.joinReason.marriage',
  'registry.member.joinReason.adoption',
  'registry.member.joinReason.moveIn',
];
const leaveReasons: MessageKey[] = [
  'registry.member.leaveReason.moveOut',
  'registry.member.leaveReason.marriage',
  'registry.member.leaveReason.split',
  'registry.member.leaveReason.death',
];

function useReasonOptions(keys: MessageKey[]) {
  const t = useT();
  return useMemo(() => keys.map((key) => ({ value: t(key) })), [keys, t]);
}

interface AddForm {
  personId: string;
  relation: string;
  joinedOn: Dayjs;
  reason?: string;
}

/** 添加成员: a person of the scope who belongs to no household joins this one. */
export function AddMemberModal({
  household,
  onClose,
}: {
  household: HouseholdView | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddForm>();
  const add = useAddMember();
  const relationOptions = useRelationOptions();
  const reasons = useReasonOptions(joinReasons);

  useEffect(() => {
    if (!household) return;
    form.resetFields();
    form.setFieldsValue({ joinedOn: dayjs() });
  }, [household, form]);

  const submit = (v: AddForm) => {
    if (!household) return;
    add.mutate(
      {
        householdId: household.id,
        personId: v.personId,
        relation: v.relation,
        joinedOn: toIsoDate(v.joinedOn),
        reason: v.reason?.trim() || undefined,
      },
      {
        onSuccess: () => {
          message.success(t('registry.member.added'));
          onClose();
        },
        onError: (e) => showFormError(form, e, { REGISTRY_ALREADY_MEMBER: 'personId' }),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={household !== null}
      title={t('registry.member.addTitle', { number: household?.number ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<AddForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        name="memberAdd"
        data-testid="member-add-form"
      >
        <Form.Item name="personId" label={t('registry.member.person')} rules={[required]}>
          <PersonPicker
            data-testid="member-person"
            exclude={household?.members.filter((m) => m.leftOn === null).map((m) => m.personId)}
          />
        </Form.Item>
        <Form.Item name="relation" label={t('registry.member.relation')} rules={[required]}>
          <Select data-testid="member-relation" options={relationOptions} />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('registry.member.joinedOn')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="reason" label={t('registry.member.joinReason')}>
          <AutoComplete options={reasons} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface LeaveForm {
  leftOn: Dayjs;
  reason: string;
}

/** 离户: the membership ends on a date, for a reason; the member stays in the history, greyed. */
export function LeaveMemberModal({
  household,
  member,
  onClose,
}: {
  household: HouseholdView;
  member: HouseholdMemberView | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeaveForm>();
  const leave = useMemberLeave();
  const reasons = useReasonOptions(leaveReasons);

  useEffect(() => {
    if (!member) return;
    form.resetFields();
    form.setFieldsValue({ leftOn: dayjs() });
  }, [member, form]);

  const submit = (v: LeaveForm) => {
    if (!member) return;
    leave.mutate(
      {
        householdId: household.id,
        personId: member.personId,
        leftOn: toIsoDate(v.leftOn),
        reason: v.reason.trim(),
        version: household.version,
      },
      {
        onSuccess: () => {
          message.success(t('registry.member.left', { name: member.name }));
          onClose();
        },
        onError: (e) => showFormError(form, e),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={member !== null}
      title={t('registry.member.leaveTitle', { name: member?.name ?? '' })}
      okText={t('registry.member.leave')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={leave.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('registry.member.leaveHelp')}</Typography.Paragraph>
      <Form<LeaveForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        name="memberLeave"
        data-testid="member-leave-form"
      >
        <Form.Item name="leftOn" label={t('registry.member.leftOn')} rules={[required]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || (member !== null && d.isBefore(dayjs(member.joinedOn), 'day'))
            }
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('registry.member.leaveReason')}
          rules={[{ ...required, whitespace: true }]}
        >
          <AutoComplete options={reasons} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
