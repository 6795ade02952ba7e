import type { OverviewCounts, OverviewRunStatus } from '@weir/contract';
import { Card, Skeleton, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from '../runs/status-colors';
import { CARD_STATUSES, flinkTermBeside } from './run-status';
import styles from './overview.module.css';

interface StatusCardsProps {
  counts: OverviewCounts | undefined;
  /** The status filter: none (Total selected) or exactly the card's status. */
  selected: OverviewRunStatus[];
  onSelect: (status: OverviewRunStatus | null) => void;
}

const TOTAL_COLOR = '#112641';

function Count({ value }: { value: number | undefined }) {
  if (value === undefined) return <Skeleton.Button active size="small" style={{ width: 48 }} />;
  return (
    <span className={styles.cardCount} data-count={value}>
      {value.toLocaleString()}
    </span>
  );
}

/** The status cards of the reference page: Total (batch / streaming), then one per status; a click filters the list. */
export function StatusCards({ counts, selected, onSelect }: StatusCardsProps) {
  const { t } = useTranslation();
  const onlyOne = selected.length === 1 ? selected[0] : undefined;
  const totalSelected = selected.length === 0;
  const terms = new Map(CARD_STATUSES.map((status) => [status, flinkTermBeside(status, t(`overview.status.${status}`))]));
  const anyTerm = [...terms.values()].some(Boolean);

  return (
    <div className={styles.cards} role="group" aria-label={t('overview.columns.status')}>
      <Tooltip title={t('overview.cards.clearHint')} mouseEnterDelay={0.6}>
        <Card
          size="small"
          hoverable
          className={styles.card}
          data-testid="status-card-total"
          data-selected={totalSelected}
          role="button"
          aria-pressed={totalSelected}
          tabIndex={0}
          onClick={() => onSelect(null)}
          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(null)}
          style={{ borderTopColor: TOTAL_COLOR, ...(totalSelected ? { boxShadow: `0 0 0 2px ${TOTAL_COLOR}33`, borderColor: TOTAL_COLOR } : {}) }}
        >
          <Typography.Text type="secondary" className={styles.cardLabel}>
            <span>{t('overview.cards.total')}</span>
            {/* Keeps the counts on one line with the status cards' when they name Flink's term. */}
            {anyTerm && <span className={styles.cardCode}>&nbsp;</span>}
          </Typography.Text>
          <div className={styles.cardBody}>
            <Count value={counts?.total} />
            {counts && (
              <span className={styles.cardSplit}>
                <span data-testid="count-batch">
                  <span>{t('overview.cards.batch')}</span> {counts.batch.toLocaleString()}
                </span>
                <span data-testid="count-streaming">
                  <span>{t('overview.cards.streaming')}</span> {counts.streaming.toLocaleString()}
                </span>
              </span>
            )}
          </div>
        </Card>
      </Tooltip>
      {CARD_STATUSES.map((status) => {
        const isSelected = onlyOne === status;
        const color = STATUS_COLORS[status];
        const label = t(`overview.status.${status}`);
        const lost = status === 'UNKNOWN' && counts && counts.lost > 0 ? counts.lost : 0;
        return (
          <Tooltip key={status} title={isSelected ? t('overview.cards.clearHint') : t('overview.cards.filterHint', { status: label })} mouseEnterDelay={0.6}>
            <Card
              size="small"
              hoverable
              className={styles.card}
              data-testid={`status-card-${status}`}
              data-selected={isSelected}
              role="button"
              aria-pressed={isSelected}
              tabIndex={0}
              onClick={() => onSelect(isSelected ? null : status)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(isSelected ? null : status)}
              style={{ borderTopColor: color, ...(isSelected ? { boxShadow: `0 0 0 2px ${color}40`, borderColor: color } : {}) }}
            >
              <Typography.Text type="secondary" className={styles.cardLabel}>
                <span data-testid="status-card-label">{label}</span>
                {terms.get(status) && <span className={styles.cardCode}>{terms.get(status)}</span>}
              </Typography.Text>
              <div className={styles.cardBody}>
                <span style={{ color: counts?.byStatus[status] ? color : undefined }}>
                  <Count value={counts?.byStatus[status]} />
                </span>
                {lost > 0 && (
                  <Typography.Text type="secondary" className={styles.cardSplit}>
                    {t('overview.cards.lostHint', { count: lost })}
                  </Typography.Text>
                )}
              </div>
            </Card>
          </Tooltip>
        );
      })}
    </div>
  );
}
