import { Empty } from 'antd';
import type { ReactNode } from 'react';

/**
 * Weir's one look for "nothing here": the small image, what is missing in a sentence, and why or
 * what to do in a second one. Used for tables (as their `locale.emptyText`) and cards alike, so a
 * tab never shows antd's bare "No data" beside a sentence of Weir's.
 */
export function EmptyState({ title, hint, children, testId }: { title: ReactNode; hint?: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <Empty
      data-testid={testId ?? 'empty-state'}
      style={{ padding: '24px 0', margin: 0 }}
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <span style={{ maxWidth: 520, display: 'inline-block' }}>
          <span style={{ fontWeight: 500 }}>{title}</span>
          {hint && (
            <>
              <br />
              <span style={{ opacity: 0.75 }}>{hint}</span>
            </>
          )}
        </span>
      }
    >
      {children}
    </Empty>
  );
}
