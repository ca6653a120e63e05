import { useEffect } from 'react';
import { Form, Input, Modal, Radio } from 'antd';
import { passwordCodeFields, showFormError } from '../../app/api/form-errors';
import type { UserView } from '../../app/api/types';
import { useSessionUser } from '../../app/auth/useAuth';
import { minCharClasses, minPasswordLength, meetsPolicyFloor } from '../../app/auth/password-policy';
import { useT } from '../../app/i18n/useT';
import { RegionCascader } from '../../app/region/RegionCascader';
import { useCreateUser, useUpdateUser } from './api';
import { RoleSelect } from './RoleSelect';

interface UserForm {
  username: string;
  displayName: string;
  roles: string[];
  scopeCode: string;
  initialPassword: string;
  status: UserView['status'];
}

const usernamePattern = /^[a-z][a-z0-9._-]{2,31}$/;

/** Create a user (`user` null) or edit one; the scope can only be the editor's scope or below. */
export function UserFormModal({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: UserView | null;
  onClose: () => void;
}) {
  const t = useT();
  const me = useSessionUser();
  const [form] = Form.useForm<UserForm>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = user !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user)
      form.setFieldsValue({
        displayName: user.displayName,
        roles: user.roles,
        scopeCode: user.scopeCode,
        status: user.status,
      });
    else form.setFieldsValue({ scopeCode: me.scopeCode, roles: [] });
  }, [open, user, form, me.scopeCode]);

  const onError = (error: unknown) =>
    showFormError(form, error, {
      ...passwordCodeFields('initialPassword'),
      AUTH_USERNAME_TAKEN: 'username',
      AUTH_UNKNOWN_ROLE: 'roles',
      AUTH_ROLE_MIX: 'roles',
      AUTH_OUT_OF_SCOPE: 'scopeCode',
    });

  const submit = (v: UserForm) => {
    if (user)
      update.mutate(
        {
          id: user.id,
          body: {
            displayName: v.displayName.trim(),
            roles: v.roles,
            scopeCode: v.scopeCode,
            status: v.status,
            version: user.version,
          },
        },
        { onSuccess: onClose, onError },
      );
    else
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          roles: v.roles,
          scopeCode: v.scopeCode,
          initialPassword: v.initialPassword,
        },
        { onSuccess: onClose, onError },
      );
  };

  const required = { required: true, message: t('common.required') };

  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle', { name: user.username }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<UserForm> form={form} layout="vertical" onFinish={submit} data-testid="user-form">
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHelp')}
            rules={[required, { pattern: usernamePattern, message: t('users.usernameFormat') }]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ ...required, type: 'array', min: 1 }]}>
          <RoleSelect />
        </Form.Item>
        <Form.Item name="scopeCode" label={t('users.scope')} rules={[required]} extra={t('users.scopeHelp')}>
          <RegionCascader rootCode={me.scopeCode} rootName={me.scopeName} style={{ width: '100%' }} />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('users.status')} rules={[required]}>
            <Radio.Group
              options={[
                { value: 'active', label: t('users.status.active') },
                { value: 'disabled', label: t('users.status.disabled') },
              ]}
            />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            name="initialPassword"
            label={t('users.initialPassword')}
            extra={t('password.policy', { length: minPasswordLength, classes: minCharClasses })}
            rules={[
              required,
              {
                validator: (_, value: string | undefined) =>
                  !value || meetsPolicyFloor(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.weak'))),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
