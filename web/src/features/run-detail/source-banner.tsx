import type { SectionSource } from '@weir/contract';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from './format';

/** Says when a section shows Weir's saved copy (or nothing) instead of live data, and why. */
export function SourceBanner({ section }: { section: SectionSource | undefined }) {
  const { t } = useTranslation();
  if (!section || section.source === 'live') return null;
  const reason = section.reason ?? '';
  return (
    <Alert
      data-testid="snapshot-banner"
      data-source={section.source}
      type={section.source === 'snapshot' ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      message={
        section.source === 'snapshot'
          ? t('runDetail.source.snapshot', { time: formatTime(section.capturedAt), reason })
          : t('runDetail.source.none', { reason })
      }
    />
  );
}
