import type { AuditEntry } from '@weir/contract';
import { Alert, AutoComplete, Button, Card, DatePicker, Flex, Input, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatError } from '../../api/format-error';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { teamNameOf } from '../teams/team-choices';
import { useSeesSeveralTeams, useTeams } from '../teams/teams.queries';
import { useAudit } from './admin.queries';
import { autoRestartStopText } from '../alerts/auto-restart-stop-text';
import { ruleNameText } from '../alerts/rule-name';
import { auditActionText, KNOWN_ACTIONS } from './audit-actions';
import { auditDetailLines, type DetailValue } from './audit-detail';
import { AUDIT_PAGE_SIZES, auditFiltersToParams, parseAuditFilters, toAuditQuery, withFilter, type AuditFilters } from './audit-filters';
import { AdminOnly } from './admin-only';

type TextFilter = 'actor' | 'action' | 'targetType' | 'targetId';

/** A text filter that applies on Enter, on blur, or when cleared, so typing does not fire a query per key. */
function FilterInput({ name, value, onApply, options }: { name: TextFilter; value: string | undefined; onApply: (v: string | undefined) => void; options?: string[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const apply = (next: string) => {
    const trimmed = next.trim() || undefined;
    if (trimmed !== value) onApply(trimmed);
  };
  const label = t(`admin.audit.filters.${name}`);
  const input = (
    <Input
      allowClear
      placeholder={label}
      aria-label={label}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.type === 'click') apply(''); // the clear icon
      }}
      onPressEnter={() => apply(text)}
      onBlur={() => apply(text)}
      style={{ width: 180 }}
    />
  );
  if (!options) return input;
  return (
    <AutoComplete
      value={text}
      options={options.filter((o) => o.includes(text.trim())).map((o) => ({ value: o }))}
      onSelect={(v: string) => {
        setText(v);
        apply(v);
      }}
      onChange={(v: string) => setText(v)}
      style={{ width: 200 }}
    >
      {input}
    </AutoComplete>
  );
}

export function AuditPage() {
  return (
    <AdminOnly>
      <AuditPageContent />
    </AdminOnly>
  );
}

function AuditPageContent() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseAuditFilters(searchParams);
  const audit = useAudit(toAuditQuery(filters));
  const teams = useTeams();
  const showTeams = useSeesSeveralTeams();

  const setFilters = (next: AuditFilters) => setSearchParams(auditFiltersToParams(next), { replace: true });
  const hasFilters = Boolean(filters.actor || filters.action || filters.targetType || filters.targetId || filters.from !== undefined || filters.to !== undefined);

  const range: [Dayjs | null, Dayjs | null] | null =
    filters.from !== undefined || filters.to !== undefined ? [filters.from !== undefined ? dayjs(filters.from) : null, filters.to !== undefined ? dayjs(filters.to) : null] : null;

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('admin.audit.columns.at'),
      dataIndex: 'at',
      width: 180,
      render: (at: number) => <DateTime at={at} />,
    },
    {
      title: t('admin.audit.columns.actor'),
      dataIndex: 'actor',
      width: 200,
      render: (actor: string, entry) => (
        <Flex gap={6} align="center">
          <Typography.Link onClick={() => setFilters(withFilter(filters, { actor }))}>{actor}</Typography.Link>
          {entry.actorKind !== 'user' && <Tag bordered={false}>{t(`admin.audit.actorKind.${entry.actorKind}`)}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('admin.audit.columns.action'),
      dataIndex: 'action',
      width: 190,
      render: (action: string) => {
        const meaning = auditActionText(t, action);
        return (
          <Flex vertical>
            <Typography.Link code onClick={() => setFilters(withFilter(filters, { action }))}>
              {action}
            </Typography.Link>
            {meaning && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{meaning}</Typography.Text>}
          </Flex>
        );
      },
    },
    {
      title: t('admin.audit.columns.target'),
      key: 'target',
      width: 260,
      render: (_, entry) => (
        <Flex vertical>
          <span>
            <Typography.Text type="secondary">{t(`admin.audit.targetTypes.${entry.targetType}` as 'admin.audit.targetTypes.task', { defaultValue: entry.targetType })}</Typography.Text> {entry.targetType === 'alert-rule' && entry.targetName ? ruleNameText(t, entry.targetName) : (entry.targetName ?? '')}
          </span>
          {entry.targetId && (
            <Typography.Link style={{ fontSize: 12 }} onClick={() => setFilters(withFilter(filters, { targetType: entry.targetType, targetId: entry.targetId ?? undefined }))}>
              {entry.targetId}
            </Typography.Link>
          )}
        </Flex>
      ),
    },
    ...(showTeams
      ? [
          {
            title: t('admin.audit.columns.team'),
            dataIndex: 'teamId',
            width: 140,
            render: (teamId: string | null) =>
              teamId === null ? <Typography.Text type="secondary">{t('teams.weirWide')}</Typography.Text> : teamNameOf(teams.data, teamId),
          },
        ]
      : []),
    {
      title: t('admin.audit.columns.outcome'),
      dataIndex: 'outcome',
      width: 100,
      render: (outcome: AuditEntry['outcome']) => <Tag color={outcome === 'success' ? 'green' : 'red'}>{t(`admin.audit.outcome.${outcome}`)}</Tag>,
    },
    {
      title: t('admin.audit.columns.detail'),
      dataIndex: 'detail',
      render: (detail: unknown) => <AuditDetail detail={detail} />,
    },
  ];

  return (
    <>
      <PageHeader title={t('admin.audit.title')} subtitle={t('admin.audit.subtitle')} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 12 } }}>
        <Flex gap={8} wrap="wrap" align="center" role="search">
          <FilterInput name="actor" value={filters.actor} onApply={(actor) => setFilters(withFilter(filters, { actor }))} />
          <FilterInput name="action" value={filters.action} options={KNOWN_ACTIONS} onApply={(action) => setFilters(withFilter(filters, { action }))} />
          <FilterInput name="targetType" value={filters.targetType} onApply={(targetType) => setFilters(withFilter(filters, { targetType }))} />
          <FilterInput name="targetId" value={filters.targetId} onApply={(targetId) => setFilters(withFilter(filters, { targetId }))} />
          <DatePicker.RangePicker
            showTime
            allowEmpty={[true, true]}
            aria-label={t('admin.audit.filters.range')}
            value={range}
            onChange={(value) => setFilters(withFilter(filters, { from: value?.[0]?.valueOf(), to: value?.[1]?.valueOf() }))}
          />
          {hasFilters && <Button onClick={() => setFilters({ page: 1, pageSize: filters.pageSize })}>{t('admin.audit.filters.clear')}</Button>}
        </Flex>
      </Card>
      {audit.isError && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={formatError('load', 'auditLog', audit.error)}
          action={<Button size="small" onClick={() => void audit.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          locale={{ emptyText: t('admin.audit.empty') }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: audit.data?.total ?? 0,
            pageSizeOptions: AUDIT_PAGE_SIZES.map(String),
            showSizeChanger: true,
            showTotal: (count) => t('admin.audit.total', { count }),
            onChange: (page, pageSize) => setFilters({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize }),
          }}
        />
      </Card>
    </>
  );
}

/** What an entry changed, one line per field: before struck through → after; other details as field: value. */
function AuditDetail({ detail }: { detail: unknown }) {
  const { t } = useTranslation();
  const lines = auditDetailLines(detail);
  if (lines.length === 0) return null;
  const notSet = <Typography.Text type="secondary">{t('admin.audit.notSet')}</Typography.Text>;
  const shown = (key: string, value: DetailValue) => {
    if (value.kind === 'flag') return t(value.flag ? 'common.yes' : 'common.no');
    if (value.kind === 'time') return <DateTime at={value.at} />;
    if (value.kind === 'autoRestartStop') return autoRestartStopText(t, value.stop);
    // A word Weir itself wrote (validation: passed) in the reader's language; any other value as it was stored.
    return /^[a-z]+$/.test(value.text) ? t(`admin.audit.values.${key}.${value.text}` as 'admin.audit.values.validation.passed', { defaultValue: value.text }) : value.text;
  };
  return (
    <Flex vertical gap={2} data-testid="audit-detail" style={{ fontSize: 13 }}>
      {lines.map((line, i) => (
        <div key={i} style={{ wordBreak: 'break-word' }}>
          {line.field && <Typography.Text type="secondary">{t(`admin.audit.fields.${line.key}`, { defaultValue: line.field })}: </Typography.Text>}
          {line.change ? (
            <span data-testid="audit-change">
              {line.before === null ? notSet : <Typography.Text delete>{shown(line.key, line.before)}</Typography.Text>} → {line.after === null ? notSet : <Typography.Text strong>{shown(line.key, line.after)}</Typography.Text>}
            </span>
          ) : (
            shown(line.key, line.value)
          )}
        </div>
      ))}
    </Flex>
  );
}
