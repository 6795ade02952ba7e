import { AlertChannelRequest, PAGERDUTY_EVENTS_URL, SECRET_MASK, type AlertChannel, type AlertChannelType } from '@weir/contract';
import { Alert, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useSaveAlertChannel } from './alerts.queries';
import { useTeams } from '../teams/teams.queries';
import { ownerTeamChoice } from '../teams/team-choices';
import { CHANNEL_TYPES, channelToFormValues, DEFAULT_CHANNEL_VALUES, formValuesToChannelRequest, issueField, SECRET_FIELDS, type ChannelFormValues } from './channel-form';

const DEFAULT_PORT: Record<ChannelFormValues['security'], number> = { tls: 465, starttls: 587, none: 25 };

/** Create or edit a channel. Secrets show as the masked marker; leaving it keeps the stored secret. */
export function ChannelDrawer({ open, channel, onClose, onSaved }: { open: boolean; channel?: AlertChannel; onClose: () => void; onSaved: (c: AlertChannel, created: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChannelFormValues>();
  const save = useSaveAlertChannel();
  const type: AlertChannelType = Form.useWatch('type', form) ?? channel?.type ?? 'webhook';
  // A new channel belongs to a team the user administers; the picker shows only when there is a choice.
  const teamChoice = ownerTeamChoice(useTeams().data, 'admin');

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.resetFields();
    form.setFieldsValue(channel ? channelToFormValues(channel) : { ...DEFAULT_CHANNEL_VALUES, ...(teamChoice.initial ? { teamId: teamChoice.initial } : {}) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, channel?.id]);

  const submit = () => {
    const values = { ...DEFAULT_CHANNEL_VALUES, ...(form.getFieldsValue(true) as ChannelFormValues) };
    const body = formValuesToChannelRequest(values);
    // The contract's own schema gives the same messages the server would, under the right field.
    const checked = AlertChannelRequest.safeParse(body);
    if (!checked.success) {
      const fields = new Map<keyof ChannelFormValues, string[]>();
      for (const issue of checked.error.issues) {
        const field = issueField(issue.path) ?? 'name';
        fields.set(field, [...(fields.get(field) ?? []), issue.message]);
      }
      form.setFields([...fields].map(([name, errors]) => ({ name, errors })));
      return;
    }
    save.mutate({ id: channel?.id, body }, { onSuccess: (saved) => onSaved(saved, !channel) });
  };

  const isSecret = (field: 'url' | 'secret' | 'password') => SECRET_FIELDS[type].includes(field);
  const secretHelp = channel ? t('alerts.channels.form.secretKeep', { mask: SECRET_MASK }) : undefined;
  const secretInput = (label: string) => <Input.Password autoComplete="new-password" aria-label={label} placeholder={channel ? undefined : t('alerts.channels.form.optional')} />;
  const urlLabel = t(`alerts.channels.form.url.${type}`);

  return (
    <Drawer
      open={open}
      width={560}
      title={channel ? t('alerts.channels.editTitle', { name: channel.name }) : t('alerts.channels.newTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {channel ? t('alerts.channels.save') : t('alerts.channels.create')}
          </Button>
        </Flex>
      }
    >
      {save.isError && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={formatError(channel ? 'save' : 'create', channel ? ['alertChannelNamed', { name: channel.name }] : 'newAlertChannel', save.error)}
        />
      )}
      <Form<ChannelFormValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="type" label={t('alerts.channels.form.type')} extra={channel ? t('alerts.channels.form.typeFixed') : undefined}>
          <Select disabled={Boolean(channel)} options={CHANNEL_TYPES.map((ct) => ({ value: ct, label: t(`alerts.channelType.${ct}`) }))} />
        </Form.Item>
        {!channel && teamChoice.shown && (
          <Form.Item name="teamId" label={t('alerts.channels.form.team')} rules={[{ required: true, message: t('alerts.channels.form.teamRequired') }]}>
            <Select options={teamChoice.options.map((team) => ({ value: team.id, label: team.name }))} />
          </Form.Item>
        )}
        <Flex gap={16} align="flex-start">
          <Form.Item name="name" label={t('alerts.channels.form.name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('alerts.channels.form.nameRequired') }]}>
            <Input placeholder={t('alerts.channels.form.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="enabled" label={t('alerts.channels.form.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>

        {type !== 'email' && (
          <Form.Item
            name="url"
            label={urlLabel}
            extra={isSecret('url') ? (channel ? secretHelp : t('alerts.channels.form.urlIsSecret')) : type === 'pagerduty' ? t('alerts.channels.form.pagerDutyUrlHelp', { url: PAGERDUTY_EVENTS_URL }) : undefined}
            rules={type === 'pagerduty' ? [] : [{ required: true, whitespace: true, message: t('alerts.channels.form.urlRequired') }]}
          >
            {isSecret('url') ? <Input.Password autoComplete="off" aria-label={urlLabel} /> : <Input placeholder={type === 'pagerduty' ? PAGERDUTY_EVENTS_URL : 'https://'} />}
          </Form.Item>
        )}
        {type === 'webhook' && (
          <Form.Item name="format" label={t('alerts.channels.form.format')} extra={t('alerts.channels.form.formatHelp')}>
            <Select options={(['weir', 'alertmanager'] as const).map((f) => ({ value: f, label: t(`alerts.channels.form.formats.${f}`) }))} />
          </Form.Item>
        )}
        {type === 'pagerduty' && (
          <Flex gap={12}>
            <Form.Item
              name="routingKey"
              label={t('alerts.channels.form.routingKey')}
              style={{ flex: 1 }}
              extra={secretHelp ?? t('alerts.channels.form.routingKeyHelp')}
              rules={channel ? [] : [{ required: true, whitespace: true, message: t('alerts.channels.form.routingKeyRequired') }]}
            >
              <Input.Password autoComplete="new-password" aria-label={t('alerts.channels.form.routingKey')} />
            </Form.Item>
            <Form.Item name="severity" label={t('alerts.channels.form.severity')}>
              <Select style={{ width: 140 }} options={(['critical', 'error', 'warning', 'info'] as const).map((s) => ({ value: s, label: t(`alerts.channels.form.severities.${s}`) }))} />
            </Form.Item>
          </Flex>
        )}
        {(type === 'webhook' || type === 'dingtalk' || type === 'feishu') && (
          <Form.Item name="secret" label={t(`alerts.channels.form.secret.${type}`)} extra={secretHelp ?? t(`alerts.channels.form.secretHelp.${type}`)}>
            {secretInput(t(`alerts.channels.form.secret.${type}`))}
          </Form.Item>
        )}
        {type === 'dingtalk' && (
          <>
            <Form.Item name="atMobiles" label={t('alerts.channels.form.atMobiles')} extra={t('alerts.channels.form.listHelp')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="atAll" valuePropName="checked">
              <Checkbox>{t('alerts.channels.form.atAll')}</Checkbox>
            </Form.Item>
          </>
        )}
        {type === 'email' && (
          <>
            <Flex gap={16}>
              <Form.Item name="host" label={t('alerts.channels.form.host')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('alerts.channels.form.hostRequired') }]}>
                <Input placeholder="smtp.example.com" />
              </Form.Item>
              <Form.Item name="port" label={t('alerts.channels.form.port')} rules={[{ required: true }]}>
                <InputNumber min={1} max={65535} style={{ width: 110 }} />
              </Form.Item>
            </Flex>
            <Form.Item name="security" label={t('alerts.channels.form.security')}>
              <Radio.Group
                optionType="button"
                onChange={(e) => form.setFieldValue('port', DEFAULT_PORT[e.target.value as ChannelFormValues['security']])}
                options={(['starttls', 'tls', 'none'] as const).map((s) => ({ value: s, label: t(`alerts.channels.form.securityMode.${s}`) }))}
              />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item name="username" label={t('alerts.channels.form.username')} style={{ flex: 1 }}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="password" label={t('alerts.channels.form.password')} style={{ flex: 1 }} extra={secretHelp}>
                {secretInput(t('alerts.channels.form.password'))}
              </Form.Item>
            </Flex>
            <Form.Item name="from" label={t('alerts.channels.form.from')} rules={[{ required: true, whitespace: true, message: t('alerts.channels.form.fromRequired') }]}>
              <Input placeholder="weir@example.com" />
            </Form.Item>
            <Form.Item name="to" label={t('alerts.channels.form.to')} extra={t('alerts.channels.form.listHelp')} rules={[{ required: true, whitespace: true, message: t('alerts.channels.form.toRequired') }]}>
              <Input.TextArea rows={2} placeholder="oncall@example.com" />
            </Form.Item>
            <Form.Item name="verifyCertificate" valuePropName="checked" extra={t('alerts.channels.form.verifyHelp')}>
              <Checkbox>{t('alerts.channels.form.verifyCertificate')}</Checkbox>
            </Form.Item>
            <Form.Item name="caCertificate" label={t('alerts.channels.form.caCertificate')} extra={t('alerts.channels.form.caHelp')}>
              <Input.TextArea rows={3} placeholder="-----BEGIN CERTIFICATE-----" style={{ fontFamily: 'monospace', fontSize: 12 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
