import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { AlertRule } from '@weir/contract';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { describeCondition, describeScope, formatDuration } from './alert-format';
import { GuardedButton, useAlertPermissions } from './alert-permissions';
import { useAlertChannels, useAlertRules, useDeleteAlertRule, useSetAlertRuleEnabled, useTaskNames } from './alerts.queries';
import { RuleDrawer } from './rule-drawer';
import { ruleNameText } from './rule-name';
import { DateTime } from '../../components/date-time';

/** Alert rules: what to watch, on which tasks, and where to send. Operators manage them. */
export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { canOperate, canListChannels } = useAlertPermissions();
  const rules = useAlertRules();
  const channels = useAlertChannels(canListChannels);
  const remove = useDeleteAlertRule();
  const setEnabled = useSetAlertRuleEnabled();
  const [editing, setEditing] = useState<{ rule?: AlertRule } | null>(null);
  const channelNames = useMemo(() => new Map((channels.data ?? []).map((c) => [c.id, c.name])), [channels.data]);
  const scopedTaskIds = useMemo(() => [...new Set((rules.data ?? []).flatMap((r) => (r.scope.kind === 'tasks' && r.scope.taskIds.length <= 3 ? r.scope.taskIds : [])))], [rules.data]);
  const taskNames = useTaskNames(scopedTaskIds);

  const newButton = (
    <GuardedButton type="primary" icon={<PlusOutlined />} allowed={canOperate} need="operator" onClick={() => setEditing({})}>
      {t('alerts.rules.new')}
    </GuardedButton>
  );

  const columns: ColumnsType<AlertRule> = [
    {
      title: t('alerts.rules.columns.name'),
      dataIndex: 'name',
      width: 200,
      ellipsis: true,
      render: (name: string, rule) => (canOperate ? <Typography.Link onClick={() => setEditing({ rule })}>{ruleNameText(t, name)}</Typography.Link> : ruleNameText(t, name)),
    },
    {
      title: t('alerts.rules.columns.enabled'),
      dataIndex: 'enabled',
      width: 90,
      render: (enabled: boolean, rule) => {
        const control = (
          <Switch
            size="small"
            checked={enabled}
            aria-label={t('alerts.rules.toggle', { name: ruleNameText(t, rule.name) })}
            disabled={!canOperate}
            loading={setEnabled.isPending && setEnabled.variables?.id === rule.id}
            onChange={(next) =>
              setEnabled.mutate(
                { id: rule.id, enabled: next },
                { onError: (err) => void message.error(formatError('update', ['alertRuleNamed', { name: rule.name }], err)) },
              )
            }
          />
        );
        return canOperate ? control : <Tooltip title={t('alerts.needsRole', { role: t('roles.operator') })}>{control}</Tooltip>;
      },
    },
    { title: t('alerts.rules.columns.condition'), key: 'condition', ellipsis: true, render: (_, r) => describeCondition(t, r.condition) },
    { title: t('alerts.rules.columns.scope'), key: 'scope', width: 190, ellipsis: true, render: (_, r) => describeScope(t, r.scope, taskNames.data) },
    {
      title: t('alerts.rules.columns.channels'),
      dataIndex: 'channelIds',
      width: 220,
      render: (ids: string[]) =>
        ids.length === 0 ? (
          <Tooltip title={t('alerts.rules.noChannelHint')}>
            <Typography.Text type="warning">{t('alerts.rules.noChannel')}</Typography.Text>
          </Tooltip>
        ) : canListChannels ? (
          <Flex gap={4} wrap>
            {ids.map((id) => (
              <Tag key={id} style={{ marginInlineEnd: 0 }}>
                {channelNames.get(id) ?? id}
              </Tag>
            ))}
          </Flex>
        ) : (
          t('alerts.rules.nChannels', { count: ids.length })
        ),
    },
    {
      title: t('alerts.rules.columns.renotify'),
      dataIndex: 'renotifyIntervalMs',
      width: 120,
      render: (ms: number | null) => (ms === null ? <Typography.Text type="secondary">{t('alerts.rules.once')}</Typography.Text> : t('alerts.rules.every', { duration: formatDuration(t, ms) })),
    },
    { title: t('alerts.rules.columns.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (at: number) => <DateTime at={at} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, rule) => (
        <Flex gap={4}>
          <GuardedButton size="small" type="text" icon={<EditOutlined />} aria-label={t('alerts.rules.edit', { name: rule.name })} allowed={canOperate} need="operator" onClick={() => setEditing({ rule })} />
          {canOperate ? (
            <Popconfirm
              title={t('alerts.rules.deleteConfirm', { name: rule.name })}
              description={t('alerts.rules.deleteConfirmDescription')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutateAsync(rule.id).then(
                  () => void message.success(t('alerts.rules.deleted', { name: rule.name })),
                  (err: unknown) => void message.error(formatError('delete', ['alertRuleNamed', { name: rule.name }], err)),
                )
              }
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('alerts.rules.delete', { name: rule.name })} />
            </Popconfirm>
          ) : (
            <GuardedButton size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('alerts.rules.delete', { name: rule.name })} allowed={false} need="operator" />
          )}
        </Flex>
      ),
    },
  ];

  const body = () => {
    if (rules.isError && !rules.data) {
      return (
        <Alert
          role="alert"
          type="error"
          showIcon
          message={formatError('load', 'alertRules', rules.error)}
          action={<Button size="small" onClick={() => void rules.refetch()}>{t('common.retry')}</Button>}
        />
      );
    }
    if (rules.isSuccess && rules.data.length === 0) {
      return (
        <Empty style={{ padding: '48px 0' }} description={<span style={{ maxWidth: 520, display: 'inline-block' }}>{t('alerts.rules.empty')}</span>}>
          {newButton}
        </Empty>
      );
    }
    return <Table<AlertRule> rowKey="id" size="middle" columns={columns} dataSource={rules.data ?? []} loading={rules.isPending} pagination={false} />;
  };

  // A rule without a channel still records incidents but reaches nobody: the rule a new install
  // starts with is one, and a failure must not look covered when no one will hear of it.
  const silentRules = (rules.data ?? []).filter((rule) => rule.enabled && rule.channelIds.length === 0);

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('alerts.rules.intro')}</Typography.Text>
        {newButton}
      </Flex>
      {silentRules.length > 0 && (
        <Alert
          data-testid="rules-without-channel"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('alerts.rules.withoutChannel', { count: silentRules.length, names: silentRules.map((rule) => ruleNameText(t, rule.name)).join(', ') })}
          description={t('alerts.rules.withoutChannelHelp')}
        />
      )}
      <Card styles={{ body: { padding: rules.isSuccess && rules.data.length > 0 ? 0 : undefined } }}>{body()}</Card>
      <RuleDrawer
        open={editing !== null}
        rule={editing?.rule}
        onClose={() => setEditing(null)}
        onSaved={(rule, created) => {
          void message.success(t(created ? 'alerts.rules.created' : 'alerts.rules.saved', { name: rule.name }));
          setEditing(null);
        }}
      />
    </>
  );
}
