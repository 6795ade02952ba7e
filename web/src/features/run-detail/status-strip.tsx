import type { RunDetail } from '@weir/contract';
import { Flex, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerNow } from '../../components/use-server-now';
import { statusColor } from '../runs/status-colors';
import { formatMs, formatTime } from './format';
import { statusSegments } from './status-segments';

/** The run's statuses over its life as one strip, beside the list of transitions; each segment says its status and times on hover. */
export function StatusStrip({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  // A run still going ends the strip at Weir's now, the clock its transitions were recorded by.
  const now = useServerNow();
  const end = detail.terminal ? (detail.run.endTime ?? detail.transitions.at(-1)?.at ?? now) : now;
  const segments = useMemo(() => statusSegments(detail.transitions, end), [detail.transitions, end]);
  if (segments.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid="status-strip">
      <Flex style={{ height: 14, borderRadius: 4, overflow: 'hidden' }}>
        {segments.map((segment) => (
          <Tooltip
            key={`${segment.status}-${segment.from}`}
            title={`${segment.status} · ${formatTime(segment.from)} → ${formatTime(segment.to)} (${formatMs(segment.to - segment.from)})`}
          >
            <div
              data-testid="status-strip-segment"
              data-status={segment.status}
              style={{ width: `${segment.share * 100}%`, background: statusColor(segment.status), minWidth: 2 }}
            />
          </Tooltip>
        ))}
      </Flex>
      <Flex justify="space-between">
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {formatTime(segments[0]!.from)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {detail.terminal ? formatTime(end) : t('runDetail.timeline.now')}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
