import type { HealthBand, HealthReason } from '@weir/contract';
import { Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/date-time-format';
import { HEALTH_COLORS } from '../runs/health-colors';
import { reasonText } from './health-text';
import styles from './overview.module.css';

interface HealthScoreProps {
  score: number;
  band: HealthBand;
  reasons: HealthReason[];
  evaluatedAt: number;
}

/** What the score is made of: each reason with the points it costs, the largest first. */
export function HealthReasons({ reasons }: { reasons: HealthReason[] }) {
  const { t, i18n } = useTranslation();
  if (reasons.length === 0) return <span>{t('overview.health.allPass')}</span>;
  return (
    <ul className={styles.healthReasons}>
      {reasons.map((reason) => (
        <li key={reason.check}>
          <strong>
            −{reason.penalty} {t(`overview.health.check.${reason.check}`)}
          </strong>
          : {reasonText(t, i18n.language, reason)}
        </li>
      ))}
    </ul>
  );
}

/** The overview's health cell: a small bar in the band's colour with the score; the reasons on hover. */
export function HealthScore({ score, band, reasons, evaluatedAt }: HealthScoreProps) {
  const { t, i18n } = useTranslation();
  const title = (
    <div data-testid="health-tooltip">
      <div style={{ marginBottom: 4 }}>
        <strong>{t('overview.health.tooltipTitle', { score, band: t(`overview.health.band.${band}`) })}</strong>
      </div>
      <HealthReasons reasons={reasons} />
      <div style={{ marginTop: 4, opacity: 0.75, fontSize: 12 }}>{t('overview.health.evaluatedAt', { time: formatDateTime(evaluatedAt, i18n.language) })}</div>
    </div>
  );
  return (
    <Tooltip title={title} placement="left" styles={{ root: { maxWidth: 420 } }}>
      <div className={styles.healthCell} data-testid="health-score" data-score={score} data-band={band} tabIndex={0} aria-label={t('overview.health.aria', { score, band: t(`overview.health.band.${band}`) })}>
        <Progress percent={score} steps={5} size={[6, 8]} strokeColor={HEALTH_COLORS[band]} showInfo={false} />
        <Typography.Text style={{ color: HEALTH_COLORS[band], fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{score}</Typography.Text>
      </div>
    </Tooltip>
  );
}
