import type { BulkOperationResult } from '@weir/contract';
import { Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One line per task: what the bulk operation did to it, or why it could not. */
export function BulkResultModal({ action, result, onClose }: { action: 'online' | 'offline'; result: BulkOperationResult | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={result !== null}
      title={result ? t('tasks.bulk.resultTitle', { action: t(`tasks.bulk.${action}`), succeeded: result.succeeded, failed: result.failed }) : ''}
      onCancel={onClose}
      onOk={onClose}
      okText={t('tasks.bulk.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={760}
    >
      <Table
        size="small"
        rowKey="taskId"
        pagination={false}
        dataSource={result?.items ?? []}
        columns={[
          { title: t('tasks.bulk.task'), key: 'task', width: 200, render: (_, item) => item.taskName ?? item.taskId },
          {
            title: t('tasks.bulk.outcome'),
            key: 'outcome',
            render: (_, item) => (
              <span data-bulk-ok={item.ok}>
                <Tag color={item.ok ? 'green' : 'red'}>{item.ok ? t('tasks.bulk.ok') : t('tasks.bulk.failed')}</Tag>
                <Typography.Text type={item.ok ? undefined : 'danger'}>{item.ok ? item.result?.message : item.error?.message}</Typography.Text>
              </span>
            ),
          },
        ]}
      />
    </Modal>
  );
}
