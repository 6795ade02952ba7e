import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useCreateTeam } from './teams.queries';

interface FormValues {
  name: string;
  description?: string;
}

/** The contract's TeamName rule, repeated here so the form says what is wrong before the server does. */
const TEAM_NAME = /^[a-z0-9][a-z0-9-]*$/;

export function CreateTeamModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateTeam();

  const close = () => {
    create.reset();
    form.resetFields();
    onClose();
  };

  const submit = (values: FormValues) =>
    create.mutate(
      { name: values.name.trim(), description: values.description?.trim() || null },
      {
        onSuccess: (team) => {
          onCreated(team.name);
          close();
        },
      },
    );

  return (
    <Modal
      title={t('teams.form.title')}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('teams.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={480}
    >
      {create.error && <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError('create', 'team', create.error)} />}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional" disabled={create.isPending} preserve={false}>
        <Form.Item
          name="name"
          label={t('teams.form.name')}
          extra={t('teams.form.nameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('teams.form.nameRequired') },
            { pattern: TEAM_NAME, message: t('teams.form.nameInvalid') },
            { min: 2, max: 63, message: t('teams.form.nameLength') },
          ]}
        >
          <Input autoFocus autoComplete="off" placeholder="payments" />
        </Form.Item>
        <Form.Item name="description" label={t('teams.form.description')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
