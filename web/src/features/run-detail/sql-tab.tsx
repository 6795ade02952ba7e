import type { RunDetail } from '@weir/contract';
import { Alert, Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRunSql } from './run-detail.queries';
import { SqlCode } from './sql-code';

export function SqlTab({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  const q = useRunSql(detail.run.id);
  if (q.isPending) return <Spin />;
  const data = q.data;
  if (!data) return null;
  if (data.source === 'none' || data.content === null) return <Empty description={t('runDetail.sql.external')} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {data.source === 'version' ? <Tag color="blue">{t('runDetail.sql.version', { n: data.version })}</Tag> : <Alert type="info" showIcon message={t('runDetail.sql.draft')} />}
      {data.taskKind === 'JAR' && data.jar ? (
        <Card size="small">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('runDetail.sql.jar')}>{data.jar.jar ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.sql.entryClass')}>{data.jar.entryClass ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('runDetail.sql.args')}>
              <Typography.Text code>{data.jar.args.join(' ') || '–'}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('runDetail.sql.parallelism')}>{data.jar.parallelism ?? '–'}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : (
        <SqlCode sql={data.content} />
      )}
      {/* The settings it ran with are on the Configuration tab, in words: not repeated here as JSON. */}
    </Space>
  );
}
