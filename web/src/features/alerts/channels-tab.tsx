import { DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { AlertChannel, AlertTestResult } from '@weir/contract';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Modal, Popconfirm, Result, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { ChannelTypeTag } from './alert-tags';
import { GuardedButton, useAlertPermissions } from './alert-permissions';
import { useAlertChannels, useDeleteAlertChannel, useTestAlertChannel } from './alerts.queries';
import { ChannelDrawer } from './channel-drawer';
import { deliveryFailureText, senderText } from './delivery-failure-text';
import { DateTime } from '../../components/date-time';

/** Where a channel sends, without its secrets: a webhook's address, a mail server and recipients, or the masked robot address. */
function target(channel: AlertChannel): string {
  switch (channel.type) {
    case 'email':
      return `${channel.config.host}:${channel.config.port} → ${channel.config.to.join(', ')}`;
    default:
      return channel.config.url;
  }
}

/** Notification channels: admins create, edit, delete and test them; operators see them to pick in rules. */
export function ChannelsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { canAdmin, canListChannels } = useAlertPermissions();
  const channels = useAlertChannels(canListChannels);
  const remove = useDeleteAlertChannel();
  const test = useTestAlertChannel();
  const [editing, setEditing] = useState<{ channel?: AlertChannel } | null>(null);
  const [tested, setTested] = useState<{ channel: AlertChannel; result?: AlertTestResult; error?: unknown } | null>(null);

  const sendTest = (channel: AlertChannel) => {
    setTested({ channel });
    test.mutate(channel.id, {
      onSuccess: (result) => setTested({ channel, result }),
      onError: (error) => setTested({ channel, error }),
    });
  };

  const newButton = (
    <GuardedButton type="primary" icon={<PlusOutlined />} allowed={canAdmin} need="admin" onClick={() => setEditing({})}>
      {t('alerts.channels.new')}
    </GuardedButton>
  );

  if (!canListChannels) {
    return (
      <Card>
        <Result status="403" title={t('alerts.channels.viewerTitle')} subTitle={t('alerts.channels.viewerDescription', { role: t('roles.operator') })} />
      </Card>
    );
  }

  const columns: ColumnsType<AlertChannel> = [
    {
      title: t('alerts.channels.columns.name'),
      dataIndex: 'name',
      width: 200,
      ellipsis: true,
      render: (name: string, channel) => (canAdmin ? <Typography.Link onClick={() => setEditing({ channel })}>{name}</Typography.Link> : name),
    },
    { title: t('alerts.channels.columns.type'), dataIndex: 'type', width: 130, render: (type: AlertChannel['type']) => <ChannelTypeTag type={type} /> },
    {
      title: t('alerts.channels.columns.target'),
      key: 'target',
      ellipsis: true,
      render: (_, c) => <Typography.Text type="secondary">{target(c)}</Typography.Text>,
    },
    {
      title: t('alerts.channels.columns.signed'),
      key: 'signed',
      width: 110,
      render: (_, c) => {
        const signed = (c.type === 'webhook' || c.type === 'dingtalk' || c.type === 'feishu') && c.config.secret !== null;
        if (c.type !== 'webhook' && c.type !== 'dingtalk' && c.type !== 'feishu') return <Typography.Text type="secondary">{t('common.notAvailable')}</Typography.Text>;
        return signed ? <Tag color="green">{t('alerts.channels.signed')}</Tag> : <Tag>{t('alerts.channels.unsigned')}</Tag>;
      },
    },
    {
      title: t('alerts.channels.columns.enabled'),
      dataIndex: 'enabled',
      width: 100,
      render: (enabled: boolean) => (enabled ? <Tag color="green">{t('alerts.channels.on')}</Tag> : <Tag>{t('alerts.channels.off')}</Tag>),
    },
    { title: t('alerts.channels.columns.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (at: number) => <DateTime at={at} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      render: (_, channel) => (
        <Flex gap={4}>
          <GuardedButton
            size="small"
            icon={<SendOutlined />}
            allowed={canAdmin}
            need="admin"
            loading={test.isPending && test.variables === channel.id}
            onClick={() => sendTest(channel)}
          >
            {t('alerts.channels.sendTest')}
          </GuardedButton>
          <GuardedButton size="small" type="text" icon={<EditOutlined />} aria-label={t('alerts.channels.edit', { name: channel.name })} allowed={canAdmin} need="admin" onClick={() => setEditing({ channel })} />
          {canAdmin ? (
            <Popconfirm
              title={t('alerts.channels.deleteConfirm', { name: channel.name })}
              description={t('alerts.channels.deleteConfirmDescription')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutateAsync(channel.id).then(
                  () => void message.success(t('alerts.channels.deleted', { name: channel.name })),
                  (err: unknown) => void message.error(formatError('delete', ['alertChannelNamed', { name: channel.name }], err)),
                )
              }
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('alerts.channels.delete', { name: channel.name })} />
            </Popconfirm>
          ) : (
            <GuardedButton size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('alerts.channels.delete', { name: channel.name })} allowed={false} need="admin" />
          )}
        </Flex>
      ),
    },
  ];

  const body = () => {
    if (channels.isError && !channels.data) {
      return (
        <Alert
          role="alert"
          type="error"
          showIcon
          message={formatError('load', 'alertChannels', channels.error)}
          action={<Button size="small" onClick={() => void channels.refetch()}>{t('common.retry')}</Button>}
        />
      );
    }
    if (channels.isSuccess && channels.data.length === 0) {
      return (
        <Empty style={{ padding: '48px 0' }} description={<span style={{ maxWidth: 520, display: 'inline-block' }}>{t('alerts.channels.empty')}</span>}>
          {newButton}
        </Empty>
      );
    }
    return <Table<AlertChannel> rowKey="id" size="middle" columns={columns} dataSource={channels.data ?? []} loading={channels.isPending} pagination={false} />;
  };

  const outcome = () => {
    if (!tested) return null;
    if (!tested.result && !tested.error) return <Result status="info" title={t('alerts.channels.test.sending')} />;
    if (tested.error) return <Alert role="alert" type="error" showIcon message={formatError('sendTest', ['alertChannelNamed', { name: tested.channel.name }], tested.error)} />;
    const r = tested.result!;
    return (
      <>
        <Result
          status={r.ok ? 'success' : 'error'}
          title={r.ok ? t('alerts.channels.test.delivered') : t('alerts.channels.test.failed')}
          subTitle={t('alerts.channels.test.took', { ms: r.durationMs })}
          style={{ paddingBottom: 8 }}
        />
        <Descriptions size="small" column={1} bordered data-testid="test-outcome">
          {r.error && (
            <Descriptions.Item label={t('alerts.channels.test.error')}>
              <Typography.Text type="danger">{deliveryFailureText(t, r)}</Typography.Text>
            </Descriptions.Item>
          )}
          {senderText(r) && (
            <Descriptions.Item label={t('alerts.channels.test.senderText')}>
              <Typography.Text code>{senderText(r)}</Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('alerts.channels.test.response')}>
            <Typography.Text code>{r.response ?? t('alerts.channels.test.noResponse')}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('alerts.channels.test.recorded')}
        </Typography.Paragraph>
      </>
    );
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('alerts.channels.intro')}</Typography.Text>
        {newButton}
      </Flex>
      <Card styles={{ body: { padding: channels.isSuccess && channels.data.length > 0 ? 0 : undefined } }}>{body()}</Card>
      <ChannelDrawer
        open={editing !== null}
        channel={editing?.channel}
        onClose={() => setEditing(null)}
        onSaved={(c, created) => {
          void message.success(t(created ? 'alerts.channels.created' : 'alerts.channels.saved', { name: c.name }));
          setEditing(null);
        }}
      />
      <Modal
        open={tested !== null}
        title={tested ? t('alerts.channels.test.title', { name: tested.channel.name }) : ''}
        onCancel={() => setTested(null)}
        footer={<Button onClick={() => setTested(null)}>{t('alerts.channels.test.close')}</Button>}
      >
        {outcome()}
      </Modal>
    </>
  );
}
