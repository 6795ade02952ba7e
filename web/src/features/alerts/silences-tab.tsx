import { PlusOutlined } from '@ant-design/icons';
import type { AlertSilence } from '@weir/contract';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { formatTime } from './alert-format';
import { ruleNameText } from './rule-name';
import { GuardedButton, useAlertPermissions } from './alert-permissions';
import { useAlertRules, useAlertSilences, useEndAlertSilence, useTaskNames } from './alerts.queries';
import { SilenceModal } from './silence-modal';

/** Silences: hold back alerts of a rule and/or task until an end time; operators create and end them. */
export function SilencesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { canOperate } = useAlertPermissions();
  const [includeEnded, setIncludeEnded] = useState(false);
  const [creating, setCreating] = useState(false);
  const silences = useAlertSilences(includeEnded);
  const rules = useAlertRules();
  const end = useEndAlertSilence();
  const ruleNames = useMemo(() => new Map((rules.data ?? []).map((r) => [r.id, ruleNameText(t, r.name)])), [rules.data, t]);
  const taskIds = useMemo(() => [...new Set((silences.data ?? []).flatMap((s) => (s.taskId ? [s.taskId] : [])))], [silences.data]);
  const taskNames = useTaskNames(taskIds);

  const newButton = (
    <GuardedButton type="primary" icon={<PlusOutlined />} allowed={canOperate} need="operator" onClick={() => setCreating(true)}>
      {t('alerts.silences.new')}
    </GuardedButton>
  );

  const columns: ColumnsType<AlertSilence> = [
    {
      title: t('alerts.silences.columns.state'),
      key: 'state',
      width: 110,
      render: (_, s) =>
        s.active ? (
          <Tag color="purple">{t('alerts.silences.active')}</Tag>
        ) : s.startsAt > Date.now() ? (
          <Tag color="blue">{t('alerts.silences.scheduled')}</Tag>
        ) : (
          <Tag>{t('alerts.silences.ended')}</Tag>
        ),
    },
    {
      title: t('alerts.silences.columns.rule'),
      dataIndex: 'ruleId',
      width: 180,
      ellipsis: true,
      render: (id: string | null) => (id ? (ruleNames.get(id) ?? id) : <Typography.Text type="secondary">{t('alerts.silences.anyRule')}</Typography.Text>),
    },
    {
      title: t('alerts.silences.columns.task'),
      dataIndex: 'taskId',
      width: 180,
      ellipsis: true,
      render: (id: string | null) => (id ? (taskNames.data?.get(id) ?? id) : <Typography.Text type="secondary">{t('alerts.silences.anyTask')}</Typography.Text>),
    },
    { title: t('alerts.silences.columns.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('alerts.silences.columns.endsAt'),
      dataIndex: 'endsAt',
      width: 210,
      render: (at: number, s) => (
        <Flex vertical>
          <span>{formatTime(at)}</span>
          {s.active && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('alerts.silences.endsIn', { in: dayjs(at).fromNow() })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('alerts.silences.columns.createdBy'),
      key: 'createdBy',
      width: 190,
      render: (_, s) => (
        <Tooltip title={formatTime(s.createdAt)}>
          {s.createdBy} · {dayjs(s.createdAt).fromNow()}
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, s) =>
        s.active || s.startsAt > Date.now() ? (
          canOperate ? (
            <Popconfirm
              title={t('alerts.silences.endConfirm')}
              description={t('alerts.silences.endConfirmDescription')}
              okText={t('alerts.silences.end')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                end.mutateAsync(s.id).then(
                  () => void message.success(t('alerts.silences.endedNow')),
                  (err: unknown) => void message.error(formatError('end', 'alertSilence', err)),
                )
              }
            >
              <Button size="small">{t('alerts.silences.end')}</Button>
            </Popconfirm>
          ) : (
            <GuardedButton size="small" allowed={false} need="operator">
              {t('alerts.silences.end')}
            </GuardedButton>
          )
        ) : null,
    },
  ];

  const body = () => {
    if (silences.isError && !silences.data) {
      return (
        <Alert
          role="alert"
          type="error"
          showIcon
          message={formatError('load', 'alertSilences', silences.error)}
          action={<Button size="small" onClick={() => void silences.refetch()}>{t('common.retry')}</Button>}
        />
      );
    }
    if (silences.isSuccess && silences.data.length === 0) {
      return (
        <Empty style={{ padding: '48px 0' }} description={<span style={{ maxWidth: 520, display: 'inline-block' }}>{includeEnded ? t('alerts.silences.emptyAll') : t('alerts.silences.empty')}</span>}>
          {newButton}
        </Empty>
      );
    }
    return <Table<AlertSilence> rowKey="id" size="middle" columns={columns} dataSource={silences.data ?? []} loading={silences.isPending} pagination={false} />;
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} gap={16}>
        <Flex align="center" gap={8}>
          <Switch size="small" checked={includeEnded} onChange={setIncludeEnded} id="silences-include-ended" />
          <label htmlFor="silences-include-ended">{t('alerts.silences.showEnded')}</label>
        </Flex>
        {newButton}
      </Flex>
      <Card styles={{ body: { padding: silences.isSuccess && silences.data.length > 0 ? 0 : undefined } }}>{body()}</Card>
      <SilenceModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
