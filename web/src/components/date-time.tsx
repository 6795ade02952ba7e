import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeDateTime, formatDateTime } from './date-time-format';

/** A time as the app shows every time (date-time-format.ts); the hover names its time zone and gives it in UTC. */
export function DateTime({ at }: { at: number | null | undefined }) {
  const { i18n } = useTranslation();
  if (!at) return <span>–</span>;
  return (
    <Tooltip title={describeDateTime(at, i18n.language)}>
      <span data-testid="date-time" data-at={at}>
        {formatDateTime(at, i18n.language)}
      </span>
    </Tooltip>
  );
}
