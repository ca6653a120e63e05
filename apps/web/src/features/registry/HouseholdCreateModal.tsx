import { useEffect } from 'react';
import { App, Button, Col, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { showFormError } from '../../app/api/form-errors';
import { useSessionUser } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import { RegionCascader } from '../../app/region/RegionCascader';
import { useCreateHousehold } from './api';
import { urbanRuralValues, useRegistryNames } from './codes';
import { PersonPicker } from './PersonPicker';
import { useRelationOptions } from './relation-options';
import type { PersonView, UrbanRural } from './types';

interface HouseholdForm {
  address: string;
  regionCode: string;
  urbanRural: UrbanRural;
  members: { personId?: string; relation?: string }[];
}

/** 建户: a new household with this person as its head (relation 02), and any members known already. */
export function HouseholdCreateModal({ head, onClose }: { head: PersonView | null; onClose: () => void }) {
  const t = useT();
  const me = useSessionUser();
  const names = useRegistryNames();
  const relationOptions = useRelationOptions();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdForm>();
  const create = useCreateHousehold();
  const members = Form.useWatch('members', form) ?? [];

  useEffect(() => {
    if (!head) return;
    form.resetFields();
    form.setFieldsValue({
      regionCode: head.residenceRegionCode ?? head.hukouRegionCode,
      urbanRural: 'urban',
      members: [],
    });
  }, [head, form]);

  const submit = (v: HouseholdForm) => {
    if (!head) return;
    create.mutate(
      {
        headPersonId: head.id,
        address: v.address.trim(),
        regionCode: v.regionCode,
        urbanRural: v.urbanRural,
        members: (v.members ?? [])
          .filter((m) => m.personId && m.relation)
          .map((m) => ({ personId: m.personId!, relation: m.relation! })),
      },
      {
        onSuccess: (household) => {
          message.success(t('registry.household.created', { number: household.number }));
          onClose();
          navigate(`/households/${household.id}`);
        },
        onError: (e) => showFormError(form, e),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  const chosenIds = [head?.id ?? '', ...members.map((m) => m?.personId ?? '')].filter(Boolean);

  return (
    <Modal
      open={head !== null}
      width={720}
      title={t('registry.household.createTitle', { name: head?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<HouseholdForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        name="household"
        data-testid="household-form"
      >
        <Form.Item label={t('registry.household.head')}>
          <Typography.Text strong>{head?.name}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {head &&
              [head.idNumberMasked ?? t('registry.person.noId'), names.sex(head.sex), head.birthDate].join(
                ' · ',
              )}
          </Typography.Text>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item name="regionCode" label={t('registry.household.region')} rules={[required]}>
              <RegionCascader rootCode={me.scopeCode} rootName={me.scopeName} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="urbanRural" label={t('registry.household.urbanRural')} rules={[required]}>
              <Radio.Group
                optionType="button"
                options={urbanRuralValues.map((v) => ({ value: v, label: names.urbanRural(v) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="address"
          label={t('registry.household.address')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={200} placeholder={t('registry.household.addressPlaceholder')} />
        </Form.Item>
        <Typography.Text strong>{t('registry.household.otherMembers')}</Typography.Text>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col flex="auto">
                    <Form.Item name={[field.name, 'personId']} rules={[required]}>
                      <PersonPicker
                        data-testid="household-member-person"
                        exclude={chosenIds.filter((id) => id !== members[field.name]?.personId)}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="160px">
                    <Form.Item name={[field.name, 'relation']} rules={[required]}>
                      <Select
                        data-testid="household-member-relation"
                        placeholder={t('registry.member.relation')}
                        options={relationOptions}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('registry.household.addMemberRow')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
