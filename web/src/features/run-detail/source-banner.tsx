import type { SectionSource } from '@weir/contract';
import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatTime } from './format';
import { sectionReasonText } from './section-reason-text';

/** Says when a section shows Weir's saved copy (or nothing) instead of live data, and why. */
export function SourceBanner({ section }: { section: SectionSource | undefined }) {
  const { t } = useTranslation();
  if (!section || section.source === 'live') return null;
  const reason = sectionReasonText(t, section);
  const unreachable = section.unreachableSince != null;
  const since = unreachable ? formatTime(section.unreachableSince) : '';
  return (
    <Alert
      data-testid="snapshot-banner"
      data-source={section.source}
      data-unreachable={unreachable}
      type={section.source === 'snapshot' ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      message={
        section.source === 'snapshot'
          ? t(unreachable ? 'runDetail.source.snapshotUnreachable' : 'runDetail.source.snapshot', { time: formatTime(section.capturedAt), age: dayjs(section.capturedAt).fromNow(), since, reason })
          : t(unreachable ? 'runDetail.source.noneUnreachable' : 'runDetail.source.none', { since, reason })
      }
    />
  );
}
