import type { DiffLine } from '@weir/contract';
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toSideBySide } from './side-by-side';
import styles from './tasks.module.css';

/** Two versions side by side: line numbers, removed lines red on the left, added green on the right. */
export function VersionDiff({ diff, fromLabel, toLabel }: { diff: DiffLine[]; fromLabel: string; toLabel: string }) {
  const { t } = useTranslation();
  const rows = useMemo(() => toSideBySide(diff), [diff]);
  if (!diff.some((l) => l.kind !== 'same')) return <Typography.Text type="secondary">{t('tasks.versions.identical')}</Typography.Text>;
  return (
    <table className={styles.diff} data-testid="version-diff">
      <colgroup>
        <col style={{ width: 44 }} />
        <col />
        <col style={{ width: 44 }} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th colSpan={2} style={{ textAlign: 'left', padding: '4px 8px' }}>
            {fromLabel}
          </th>
          <th colSpan={2} style={{ textAlign: 'left', padding: '4px 8px' }} className={styles.divider}>
            {toLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td className={styles.num}>{row.left?.line ?? ''}</td>
            <td className={row.left ? (row.left.changed ? styles.removed : undefined) : styles.blank} data-side="left" data-changed={row.left?.changed || undefined}>
              {row.left?.text ?? ''}
            </td>
            <td className={`${styles.num} ${styles.divider}`}>{row.right?.line ?? ''}</td>
            <td className={row.right ? (row.right.changed ? styles.added : undefined) : styles.blank} data-side="right" data-changed={row.right?.changed || undefined}>
              {row.right?.text ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
