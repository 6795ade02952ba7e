import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useChangePassword } from './admin.queries';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The user menu's "change password": any role may change their own; other sessions end. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const change = useChangePassword();

  const close = () => {
    change.reset();
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      title={t('admin.password.title')}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('admin.password.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
      width={440}
    >
      {change.error && <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError('changePassword', null, change.error)} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        disabled={change.isPending}
        onFinish={(values) =>
          change.mutate(
            { currentPassword: values.currentPassword, newPassword: values.newPassword },
            {
              onSuccess: () => {
                void message.success(t('admin.password.changed'));
                close();
              },
            },
          )
        }
      >
        <Form.Item name="currentPassword" label={t('admin.password.current')} rules={[{ required: true, message: t('admin.password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('admin.password.next')}
          extra={t('admin.password.nextHelp')}
          rules={[{ required: true, min: 10, max: 256, message: t('admin.password.nextTooShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('admin.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('admin.password.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('admin.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
