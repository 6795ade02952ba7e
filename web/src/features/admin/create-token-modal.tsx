import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import type { Role } from '@weir/contract';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useSession } from '../auth/auth.queries';
import { EVERY_TEAM, tokenTeamChoice } from '../teams/team-choices';
import { useTeams } from '../teams/teams.queries';
import { useCreateToken } from './admin.queries';
import { RoleSelect } from './role-select';

interface FormValues {
  name: string;
  role: Role;
  /** A team id, or EVERY_TEAM for a global token. */
  teamId?: string;
}

/** Creates a token, then shows its secret this one time, with a copy button; closing forgets it. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateToken();
  const session = useSession();
  const teams = useTeams();
  const teamChoice = tokenTeamChoice(teams.data, session.data?.user.globalRole);
  const [copied, setCopied] = useState(false);
  const created = create.data;

  const close = () => {
    create.reset();
    setCopied(false);
    form.resetFields();
    onClose();
  };

  // The browser may refuse the clipboard (no permission, or the page not focused): then say so, since
  // the secret is shown only this once and the user must copy it by hand.
  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      void message.error(t('admin.tokens.secret.copyFailed'));
    }
  };

  if (created) {
    return (
      <Modal
        key="secret"
        destroyOnHidden
        title={t('admin.tokens.secret.title', { name: created.token.name })}
        open={open}
        onCancel={close}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={close}>
            {t('admin.tokens.secret.done')}
          </Button>
        }
        width={620}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('admin.tokens.secret.warning')} />
        <Typography.Text strong>{t('admin.tokens.secret.label')}</Typography.Text>
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input readOnly value={created.secret} aria-label={t('admin.tokens.secret.label')} style={{ fontFamily: 'monospace' }} onFocus={(e) => e.target.select()} />
          <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy(created.secret)}>
            {copied ? t('admin.tokens.secret.copied') : t('admin.tokens.secret.copy')}
          </Button>
        </Space.Compact>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('admin.tokens.secret.usage')}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      key="form"
      title={t('admin.tokens.form.title')}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('admin.tokens.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={480}
    >
      {create.error && <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError('create', 'token', create.error)} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          create.mutate({
            name: values.name.trim(),
            role: values.role,
            ...(values.teamId && values.teamId !== EVERY_TEAM ? { teamId: values.teamId } : {}),
          })
        }
        requiredMark="optional"
        disabled={create.isPending}
        preserve={false}
        initialValues={{ role: 'viewer', teamId: teamChoice.initial }}
      >
        <Form.Item name="name" label={t('admin.tokens.form.name')} rules={[{ required: true, whitespace: true, message: t('admin.tokens.form.nameRequired') }, { max: 100 }]}>
          <Input placeholder={t('admin.tokens.form.namePlaceholder')} autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.tokens.form.role')} rules={[{ required: true }]}>
          <RoleSelect aria-label={t('admin.tokens.form.role')} />
        </Form.Item>
        {teamChoice.shown && (
          <Form.Item name="teamId" label={t('teams.picker.token')} extra={t('teams.picker.tokenHelp')} rules={[{ required: true, message: t('teams.picker.tokenRequired') }]}>
            <Select
              aria-label={t('teams.picker.token')}
              loading={teams.isPending}
              options={teamChoice.options.map((option) => ({ value: option.value, label: option.teamName ?? t('teams.picker.tokenEveryTeam') }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
