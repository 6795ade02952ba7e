import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { GlobalRole, Role } from '@weir/contract';
import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useTeams } from '../teams/teams.queries';
import { useCreateUser } from './admin.queries';
import { GlobalRoleSelect, RoleSelect } from './role-select';

interface FormValues {
  username: string;
  displayName?: string;
  password: string;
  role: GlobalRole;
  teams?: { teamId?: string; role?: Role }[];
}

const USERNAME = /^[a-zA-Z0-9._-]+$/;

export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (username: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();
  const teams = useTeams();
  const chosenTeams = Form.useWatch('teams', form) ?? [];

  const close = () => {
    create.reset();
    form.resetFields();
    onClose();
  };

  const submit = (values: FormValues) => {
    const memberships = (values.teams ?? []).flatMap((m) => (m.teamId && m.role ? [{ teamId: m.teamId, role: m.role }] : []));
    create.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName?.trim() || undefined,
        password: values.password,
        role: values.role,
        ...(memberships.length ? { teams: memberships } : {}),
      },
      {
        onSuccess: (user) => {
          onCreated(user.username);
          close();
        },
      },
    );
  };

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
      width={560}
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
        <Form.Item name="role" label={t('admin.users.form.role')} extra={t('admin.users.form.roleHelp')} rules={[{ required: true }]}>
          <GlobalRoleSelect aria-label={t('admin.users.form.role')} />
        </Form.Item>
        <Form.Item label={t('admin.users.form.teams')} extra={t('admin.users.form.teamsHelp')}>
          <Form.List name="teams">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'teamId']} rules={[{ required: true, message: t('admin.users.form.teamRequired') }]} style={{ marginBottom: 8 }}>
                      <Select
                        style={{ width: 240 }}
                        aria-label={`${t('admin.users.form.team')} ${index + 1}`}
                        placeholder={t('admin.users.form.team')}
                        loading={teams.isPending}
                        // A team is listed once: its other rows' teams are not offered again.
                        options={(teams.data ?? [])
                          .filter((team) => team.id === chosenTeams[index]?.teamId || !chosenTeams.some((m) => m?.teamId === team.id))
                          .map((team) => ({ value: team.id, label: team.name }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                      <RoleSelect aria-label={`${t('admin.users.form.teamRole')} ${index + 1}`} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('admin.users.form.removeTeam')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'operator' })} disabled={(teams.data?.length ?? 0) <= fields.length}>
                  {t('admin.users.form.addTeam')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
