import type { RunDetail } from '@weir/contract';
import { Empty, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineageResult } from '../lineage/lineage.types';
import { LineageView } from '../lineage/lineage-view';
import { useRunLineage, useRunSql } from './run-detail.queries';

export function LineageTab({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  const q = useRunLineage(detail.run.id);
  const sql = useRunSql(detail.run.id);
  if (q.isPending) return <Spin />;
  const data = q.data;
  if (!data || data.source === 'none' || !data.lineage) return <Empty description={t('runDetail.lineage.none')} />;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {data.source === 'stored' ? t('runDetail.lineage.stored', { n: sql.data?.version ?? '' }) : t('runDetail.lineage.analysed')}
      </Typography.Text>
      {/* The API serves the analyser's LineageResult; its zod shape moves into the contract with the lineage routes. */}
      <LineageView lineage={data.lineage as unknown as LineageResult} height={560} />
    </Space>
  );
}
