import type { RunDetail, RunExceptions } from '@weir/contract';
import { Alert, Empty, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { captureNear } from './capture-links';
import { useRunExceptions, useRunLogCaptures } from './run-detail.queries';
import { SourceBanner } from './source-banner';
import { DateTime } from '../../components/date-time';

type Entry = RunExceptions['entries'][number];

function Trace({ text }: { text: string }) {
  return <pre style={{ maxHeight: 360, overflow: 'auto', fontSize: 12, background: '#fafafa', padding: 8, margin: 0, whiteSpace: 'pre' }}>{text}</pre>;
}

export function ExceptionsTab({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  const q = useRunExceptions(detail.run.id, detail.terminal);
  const captures = useRunLogCaptures(detail.run.id).data?.captures ?? [];
  if (q.isPending) return <Spin />;
  const data = q.data;
  if (!data) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {detail.run.submissionError === null && <SourceBanner section={data} />}
      {data.truncated && <Alert type="info" showIcon message={t('runDetail.exceptions.truncated')} />}
      {data.entries.length === 0 ? (
        <Empty description={t('runDetail.exceptions.empty')} />
      ) : (
        <Table<Entry>
          data-testid="exceptions-table"
          size="small"
          rowKey={(e) => `${e.at}-${e.name}`}
          dataSource={data.entries}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          expandable={{
            expandedRowRender: (e) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Trace text={e.stacktrace} />
                {e.concurrent.length > 0 && (
                  <>
                    <Typography.Text strong>{t('runDetail.exceptions.concurrent')}</Typography.Text>
                    {e.concurrent.map((c, i) => (
                      <div key={i}>
                        <Typography.Text>{`${c.taskName ?? ''} ${c.location ?? ''}`}</Typography.Text>
                        <Trace text={c.stacktrace} />
                      </div>
                    ))}
                  </>
                )}
              </Space>
            ),
          }}
          columns={[
            { title: t('runDetail.exceptions.time'), width: 170, render: (_, e) => <DateTime at={e.at} /> },
            { title: t('runDetail.exceptions.exception'), render: (_, e) => <Typography.Text code style={{ whiteSpace: 'normal' }}>{e.message}</Typography.Text> },
            { title: t('runDetail.exceptions.task'), render: (_, e) => e.taskName ?? <Typography.Text type="secondary">{t('runDetail.exceptions.global')}</Typography.Text> },
            { title: t('runDetail.exceptions.location'), render: (_, e) => [e.taskManagerId, e.location].filter(Boolean).join(' @ ') || '–' },
            {
              title: t('runDetail.captures.link'),
              width: 80,
              render: (_, e) => {
                // The logs Weir kept when this exception failed or restarted the job.
                const capture = captureNear(e.at, captures);
                return capture ? (
                  <Link to={{ search: `?tab=logs&logs=captures&capture=${capture.id}` }} title={t('runDetail.captures.linkTitle')} data-testid="exception-capture-link" onClick={(ev) => ev.stopPropagation()}>
                    {t('runDetail.captures.link')}
                  </Link>
                ) : '–';
              },
            },
          ]}
        />
      )}
    </Space>
  );
}
