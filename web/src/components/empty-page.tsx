import { Card, Empty } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from './page-header';

/** A page whose feature has no data yet: its title and one sentence saying what will be here. */
export function EmptyPage({ title, description, action }: { title: ReactNode; description: ReactNode; action?: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Empty style={{ padding: '48px 0' }} description={<span style={{ maxWidth: 520, display: 'inline-block' }}>{description}</span>}>
          {action}
        </Empty>
      </Card>
    </>
  );
}
