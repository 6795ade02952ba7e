import type { RunDetail } from '@weir/contract';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from './format';

/**
 * Names the details of the run's job that Flink answered oddly (not JSON, a field missing, an
 * error), so a section that shows less than usual says why instead of looking complete. The
 * watcher clears a warning once Flink answers that detail properly again.
 */
export function RunWarnings({ warnings }: { warnings: RunDetail['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert
      data-testid="run-warnings"
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('runDetail.warnings.title', { count: warnings.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((w) => (
            <li key={w.detail} data-testid="run-warning" data-detail={w.detail}>
              {t('runDetail.warnings.item', {
                detail: t(`runDetail.warnings.details.${w.detail}`, { defaultValue: w.detail }),
                since: formatTime(w.at),
                message: w.message.replace(/[.\s]+$/, ''),
              })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
