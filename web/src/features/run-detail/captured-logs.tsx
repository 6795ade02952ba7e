import type { LogCapture, RunDetail } from '@weir/contract';
import { Alert, App, Button, Checkbox, Empty, Flex, Popconfirm, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { partLabel } from './capture-links';
import { formatBytes } from './job-graph';
import { LogText, useLogFilter } from './log-text';
import { useCaptureLogs, useLogCapturePart, useRunLogCaptures } from './run-detail.queries';
import { DateTime } from '../../components/date-time';

const STATUS_COLOR: Record<LogCapture['status'], string> = { PENDING: 'processing', COMPLETE: 'success', PARTIAL: 'warning', FAILED: 'error' };

/**
 * The logs Weir kept for this run, by event and time, read from Weir's database: they show after
 * the cluster restarted, rolled its logs over or was removed. Same viewer as live logs, no follow.
 */
export function CapturedLogs({ detail, canOperate, captureId, onSelect }: { detail: RunDetail; canOperate: boolean; captureId: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const runId = detail.run.id;
  const q = useRunLogCaptures(runId);
  const captureNow = useCaptureLogs(runId);
  const [threadDump, setThreadDump] = useState(false);
  const [seq, setSeq] = useState<number | undefined>();
  const { filter, controls } = useLogFilter();
  const captures = q.data?.captures ?? [];
  const selected = captures.find((c) => c.id === captureId) ?? captures[0];
  const readable = selected?.parts.filter((p) => p.status === 'OK') ?? [];
  const part = readable.find((p) => p.seq === seq) ?? readable[0];
  const text = useLogCapturePart(runId, selected?.id, part?.seq);
  // A tail's news is at its end (the failure is what the TaskManager wrote last): open it there.
  const textRef = useRef<HTMLPreElement>(null);
  const tailText = part?.selection === 'tail' ? text.data?.text : undefined;
  useEffect(() => {
    const pre = textRef.current;
    if (pre && tailText !== undefined) pre.scrollTop = pre.scrollHeight;
  }, [tailText]);

  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon message={formatError('load', 'logCaptures', q.error)} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary">
          {t('runDetail.captures.limits', { capture: formatBytes(q.data.limits.captureBytes), run: formatBytes(q.data.limits.runBytes), days: q.data.limits.retentionDays })}
        </Typography.Text>
        {canOperate && (
          <Space>
            <Checkbox checked={threadDump} onChange={(e) => setThreadDump(e.target.checked)}>{t('runDetail.captures.threadDump')}</Checkbox>
            <Popconfirm
              title={t('runDetail.captures.confirm')}
              onConfirm={() =>
                captureNow.mutate(
                  { threadDump },
                  { onSuccess: (c) => onSelect(c.id), onError: (err) => void message.error(formatError('capture', 'logs', err)) },
                )
              }
            >
              <Button loading={captureNow.isPending} data-testid="capture-now">{t('runDetail.captures.now')}</Button>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      {captures.length === 0 ? (
        <Empty description={t('runDetail.captures.empty')} />
      ) : (
        <Table<LogCapture>
          data-testid="log-captures"
          size="small"
          rowKey="id"
          dataSource={captures}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected.id] : [], onChange: (keys) => { setSeq(undefined); onSelect(String(keys[0])); } }}
          onRow={(c) => ({ onClick: () => { setSeq(undefined); onSelect(c.id); } })}
          columns={[
            { title: t('runDetail.captures.event'), render: (_, c) => <Tag>{t(`runDetail.captures.trigger.${c.trigger}`)}</Tag> },
            { title: t('runDetail.captures.at'), width: 170, render: (_, c) => <DateTime at={c.triggerAt} /> },
            { title: t('runDetail.captures.status'), render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`runDetail.captures.statuses.${c.status}`)}</Tag> },
            { title: t('runDetail.captures.size'), render: (_, c) => `${formatBytes(c.textBytes)} (${formatBytes(c.storedBytes)} ${t('runDetail.captures.stored')})` },
            { title: t('runDetail.captures.detail'), render: (_, c) => <Typography.Text ellipsis style={{ maxWidth: 420 }}>{c.failure ?? c.detail ?? (c.requestedBy ? t('runDetail.captures.by', { name: c.requestedBy }) : '')}</Typography.Text> },
          ]}
        />
      )}
      {selected && (
        <>
          {selected.parts.filter((p) => p.status === 'FAILED').map((p) => (
            <Alert key={p.seq} type="warning" showIcon message={t('runDetail.captures.partFailed', { part: partLabel(p), reason: p.failure ?? '' })} />
          ))}
          {readable.length > 0 && (
            <Flex gap={12} wrap align="center">
              <Segmented value={part?.seq} onChange={(v) => setSeq(Number(v))} options={readable.map((p) => ({ value: p.seq, label: partLabel(p) }))} data-testid="capture-parts" />
              {controls}
              {part && (
                <Typography.Text type="secondary">
                  {t(part.selection === 'job' ? 'runDetail.captures.selectionJob' : 'runDetail.captures.selectionTail', { kept: formatBytes(part.textBytes), of: formatBytes(part.sourceBytes ?? 0) })}
                </Typography.Text>
              )}
            </Flex>
          )}
          {text.isError && <Alert type="error" showIcon message={formatError('load', 'logs', text.error)} />}
          {text.data?.masked && <Typography.Text type="secondary">{t('runDetail.captures.masked')}</Typography.Text>}
          {part && (text.isPending ? <Spin /> : <LogText ref={textRef} testId="capture-text" text={text.data?.text ?? ''} filter={filter} empty={t('runDetail.logs.empty')} />)}
        </>
      )}
    </Space>
  );
}
