import type { Role } from '@weir/contract';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useCreateUser } from './admin.queries';
import { RoleSelect } from './role-select';

interface FormValues {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
}

const USERNAME = /^[a-zA-Z0-9._-]+$/;

export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (username: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();

  const close = () => {
    create.reset();
    form.resetFields();
    onClose();
  };

  const submit = (values: FormValues) =>
    create.mutate(
      { username: values.username.trim(), displayName: values.displayName?.trim() || undefined, password: values.password, role: values.role },
      {
        onSuccess: (user) => {
          onCreated(user.username);
          close();
        },
      },
    );

  return (
    <Modal
      title={t('admin.users.form.title')}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('admin.users.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={520}
    >
      {create.error && <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError('create', 'user', create.error)} />}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional" disabled={create.isPending} preserve={false} initialValues={{ role: 'viewer' }}>
        <Form.Item
          name="username"
          label={t('admin.users.form.username')}
          extra={t('admin.users.form.usernameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('admin.users.form.usernameRequired') },
            { pattern: USERNAME, message: t('admin.users.form.usernameInvalid') },
            { min: 2, max: 64 },
          ]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.users.form.displayName')} rules={[{ max: 128 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin.users.form.password')}
          extra={t('admin.users.form.passwordHelp')}
          rules={[{ required: true, min: 10, max: 256, message: t('admin.users.form.passwordTooShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.users.form.role')} rules={[{ required: true }]}>
          <RoleSelect aria-label={t('admin.users.form.role')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
