import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../app/api/errors';
import { showFormError, type CodeFields } from '../../app/api/form-errors';
import { useSessionUser } from '../../app/auth/useAuth';
import { dateFormat, toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { RegionCascader } from '../../app/region/RegionCascader';
import { useWorkingRegion } from '../../app/region/working-region-context';
import { useCreatePerson, useUpdatePerson } from './api';
import {
  disabilityCategories,
  disabilityGrades,
  ethnicityCodes,
  labourCapacities,
  sexCodes,
  useRegistryNames,
} from './codes';
import { isParsedId, parseIdNumber } from './id-number';
import { OptionalRegion } from './OptionalRegion';
import type {
  DisabilityCategory,
  LabourCapacity,
  PersonInput,
  PersonUpdate,
  PersonView,
  SexCode,
} from './types';

interface PersonForm {
  noId: boolean;
  idNumber?: string;
  noIdReason?: string;
  name: string;
  sex?: SexCode;
  birthDate?: Dayjs;
  ethnicity: string;
  phone?: string;
  hukouRegionCode: string;
  residenceRegionCode?: string;
  disabilityCategory?: DisabilityCategory | null;
  disabilityGrade?: number | null;
  seriousIllness: boolean;
  labourCapacity: LabourCapacity;
}

const phonePattern = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

/** Problems of the person's identity the server reports by code, for the field they concern. */
const codeFields: CodeFields = {
  REGISTRY_ID_FORMAT: 'idNumber',
  REGISTRY_ID_ADDRESS: 'idNumber',
  REGISTRY_ID_BIRTH_DATE: 'idNumber',
  REGISTRY_ID_FUTURE_BIRTH: 'idNumber',
  REGISTRY_ID_CHECK_CHARACTER: 'idNumber',
  REGISTRY_ID_OR_REASON: 'idNumber',
  REGISTRY_DUPLICATE_ID: 'idNumber',
  REGISTRY_NO_ID_NEEDS_BIRTH: 'birthDate',
  REGISTRY_SEX_MISMATCH: 'sex',
  REGISTRY_BIRTH_MISMATCH: 'birthDate',
  HTTP_FORBIDDEN: 'hukouRegionCode',
};

const today = () => dayjs().format(dateFormat);

/**
 * Register a person (`person` null) or edit one. With an ID number, sex and birth date are read from it as
 * it is typed and shown as derived; without one, a reason and both are required. The ID number itself is
 * never edited here.
 */
export function PersonFormModal({
  open,
  person,
  onClose,
}: {
  open: boolean;
  person: PersonView | null;
  onClose: () => void;
}) {
  const t = useT();
  const me = useSessionUser();
  const working = useWorkingRegion();
  const names = useRegistryNames();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonForm>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const editing = person !== null;
  const noId = Form.useWatch('noId', form) ?? false;
  const category = Form.useWatch('disabilityCategory', form);
  /** Sex and birth date come from an ID number: typed now, or on record. */
  const derived = editing ? person.idNumberMasked !== null : !noId;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setDuplicateOf(null);
    if (person)
      form.setFieldsValue({
        noId: person.idNumberMasked === null,
        name: person.name,
        sex: person.sex,
        birthDate: dayjs(person.birthDate),
        ethnicity: person.ethnicity,
        hukouRegionCode: person.hukouRegionCode,
        residenceRegionCode: person.residenceRegionCode ?? undefined,
        disabilityCategory: (person.disabilityCategory as DisabilityCategory | null) ?? null,
        disabilityGrade: person.disabilityGrade,
        seriousIllness: person.seriousIllness,
        labourCapacity: person.labourCapacity,
      });
    else
      form.setFieldsValue({
        noId: false,
        ethnicity: '01',
        hukouRegionCode: working.code,
        seriousIllness: false,
        labourCapacity: 'unknown',
        disabilityCategory: null,
        disabilityGrade: null,
      });
  }, [open, person, form, working.code]);

  const onValuesChange = (changed: Partial<PersonForm>) => {
    if ('idNumber' in changed && !editing) {
      const parsed = parseIdNumber(changed.idNumber ?? '', today());
      form.setFieldsValue(
        isParsedId(parsed)
          ? { sex: parsed.sex, birthDate: dayjs(parsed.birthDate) }
          : { sex: undefined, birthDate: undefined },
      );
    }
    if ('noId' in changed && !editing) {
      form.setFieldsValue({
        idNumber: undefined,
        noIdReason: undefined,
        sex: undefined,
        birthDate: undefined,
      });
      form.setFields([{ name: 'idNumber', errors: [] }]);
    }
    if ('disabilityCategory' in changed && !changed.disabilityCategory)
      form.setFieldsValue({ disabilityGrade: null });
  };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'REGISTRY_DUPLICATE_ID') {
      const id = (error.details as { personId?: unknown } | undefined)?.personId;
      if (typeof id === 'string') {
        // The alert above the form links to the registered person; the field says why, without the id.
        setDuplicateOf(id);
        form.setFields([{ name: 'idNumber', errors: [t('registry.person.duplicateField')] }]);
        return;
      }
    }
    showFormError(form, error, codeFields);
  };

  const common = (v: PersonForm) => ({
    name: v.name.trim(),
    ethnicity: v.ethnicity,
    hukouRegionCode: v.hukouRegionCode,
    residenceRegionCode: v.residenceRegionCode || undefined,
    disabilityCategory: v.disabilityCategory ?? null,
    disabilityGrade: v.disabilityCategory ? (v.disabilityGrade ?? null) : null,
    seriousIllness: v.seriousIllness,
    labourCapacity: v.labourCapacity,
    phone: v.phone?.trim() || undefined,
  });

  const submit = (v: PersonForm) => {
    setDuplicateOf(null);
    if (person) {
      const { hukouRegionCode, ...rest } = common(v);
      const body: PersonUpdate = {
        ...rest,
        // Sent only when changed: a person seen through the residence region may be registered elsewhere.
        ...(hukouRegionCode !== person.hukouRegionCode && { hukouRegionCode }),
        ...(!derived && { sex: v.sex, birthDate: v.birthDate ? toIsoDate(v.birthDate) : undefined }),
        version: person.version,
      };
      update.mutate(
        { id: person.id, body },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const body: PersonInput = v.noId
      ? {
          ...common(v),
          noIdReason: v.noIdReason?.trim(),
          sex: v.sex,
          birthDate: v.birthDate ? toIsoDate(v.birthDate) : undefined,
        }
      : { ...common(v), idNumber: v.idNumber?.trim().toUpperCase() };
    create.mutate(body, {
      onSuccess: (created) => {
        message.success(t('registry.person.created', { name: created.name }));
        onClose();
        navigate(`/people/${created.id}`);
      },
      onError,
    });
  };

  const required = { required: true, message: t('common.required') };
  const noIdReasons = useMemo(
    () =>
      (
        [
          'registry.noIdReason.infant',
          'registry.noIdReason.unregistered',
          'registry.noIdReason.other',
        ] as const
      ).map((key) => ({ value: t(key) })),
    [t],
  );
  const derivedHelp = derived ? t('registry.person.derived') : undefined;

  return (
    <Modal
      open={open}
      width={760}
      title={
        editing ? t('registry.person.editTitle', { name: person.name }) : t('registry.person.createTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {duplicateOf && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="person-duplicate"
          title={t('registry.person.duplicate')}
          description={
            <Link to={`/people/${duplicateOf}`} onClick={onClose} data-testid="person-duplicate-link">
              {t('registry.person.duplicateLink')}
            </Link>
          }
        />
      )}
      <Form<PersonForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        name="person"
        data-testid="person-form"
      >
        <Row gutter={16}>
          {!editing && (
            <Col xs={24}>
              <Form.Item name="noId" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="person-no-id">{t('registry.person.noIdCheck')}</Checkbox>
              </Form.Item>
            </Col>
          )}
          {!editing && !noId && (
            <Col xs={24} sm={12}>
              <Form.Item
                name="idNumber"
                label={t('registry.person.idNumber')}
                validateFirst
                rules={[
                  required,
                  {
                    validator: (_, value: string | undefined) => {
                      if (!value) return Promise.resolve();
                      const parsed = parseIdNumber(value, today());
                      return isParsedId(parsed)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t(`registry.idProblem.${parsed}`)));
                    },
                  },
                ]}
              >
                <Input
                  autoComplete="off"
                  maxLength={18}
                  placeholder={t('registry.person.idNumberPlaceholder')}
                  style={{ fontFamily: 'monospace' }}
                />
              </Form.Item>
            </Col>
          )}
          {!editing && noId && (
            <Col xs={24} sm={12}>
              <Form.Item
                name="noIdReason"
                label={t('registry.person.noIdReason')}
                rules={[{ ...required, whitespace: true }]}
              >
                <AutoComplete options={noIdReasons} maxLength={100} />
              </Form.Item>
            </Col>
          )}
          {editing && (
            <Col xs={24} sm={12}>
              <Form.Item label={t('registry.person.idNumber')}>
                <Input
                  disabled
                  value={person.idNumberMasked ?? `${t('registry.person.noId')}：${person.noIdReason ?? ''}`}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('registry.person.name')}
              rules={[{ ...required, whitespace: true }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="sex"
              label={t('registry.person.sex')}
              extra={derivedHelp}
              rules={derived ? [] : [required]}
            >
              <Select
                disabled={derived}
                data-testid="person-sex"
                options={sexCodes.map((c) => ({ value: c, label: names.sex(c) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="birthDate"
              label={t('registry.person.birthDate')}
              extra={derivedHelp}
              rules={derived ? [] : [required]}
            >
              <DatePicker
                disabled={derived}
                data-testid="person-birth-date"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="ethnicity" label={t('registry.person.ethnicity')} rules={[required]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={ethnicityCodes.map((c) => ({ value: c, label: names.ethnicity(c) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="phone"
              label={t('registry.person.phone')}
              rules={[{ pattern: phonePattern, message: t('registry.person.phoneFormat') }]}
              extra={editing && person.phoneMasked ? t('registry.person.phoneKeep') : undefined}
            >
              <Input
                autoComplete="off"
                maxLength={14}
                placeholder={editing ? (person.phoneMasked ?? undefined) : undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="hukouRegionCode" label={t('registry.person.hukouRegion')} rules={[required]}>
              <RegionCascader
                data-testid="person-hukou-region"
                rootCode={me.scopeCode}
                rootName={me.scopeName}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="residenceRegionCode" label={t('registry.person.residenceRegion')}>
              <OptionalRegion clearable={!editing} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="disabilityCategory" label={t('registry.person.disability')}>
              <Select
                allowClear
                placeholder={t('common.none')}
                options={disabilityCategories.map((c) => ({ value: c, label: names.disability(c) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="disabilityGrade" label={t('registry.person.disabilityGrade')}>
              <Select
                allowClear
                disabled={!category}
                options={disabilityGrades.map((g) => ({ value: g, label: names.grade(g) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={4}>
            <Form.Item
              name="seriousIllness"
              label={t('registry.person.seriousIllness')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="labourCapacity" label={t('registry.person.labour')} rules={[required]}>
              <Select options={labourCapacities.map((v) => ({ value: v, label: names.labour(v) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
