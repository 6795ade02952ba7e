import type { AlertChannelType, AlertDelivery, AlertDeliveryStatus } from '@weir/contract';

type AlertDeliveryKind = AlertDelivery['kind'];
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<AlertDeliveryStatus, string> = {
  PENDING: 'default',
  SENDING: 'processing',
  SENT: 'success',
  // One attempt failed and another is queued: a warning, not yet a loss.
  FAILED: 'warning',
  GAVE_UP: 'error',
  SUPPRESSED: 'purple',
  CANCELED: 'default',
};

const KIND_COLORS: Record<AlertDeliveryKind, string> = { FIRING: 'red', RESOLVED: 'green', RENOTIFY: 'orange', TEST: 'blue' };

export function DeliveryStatusTag({ status }: { status: AlertDeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`alerts.deliveryStatusHelp.${status}`)}>
      <Tag color={STATUS_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0, fontWeight: 500 }}>
        {t(`alerts.deliveryStatus.${status}`)}
      </Tag>
    </Tooltip>
  );
}

export function DeliveryKindTag({ kind }: { kind: AlertDeliveryKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} bordered={false} data-kind={kind} style={{ marginInlineEnd: 0 }}>
      {t(`alerts.deliveryKind.${kind}`)}
    </Tag>
  );
}

export function IncidentStateTag({ state }: { state: 'FIRING' | 'RESOLVED' }) {
  const { t } = useTranslation();
  return (
    <Tag color={state === 'FIRING' ? 'red' : 'green'} data-state={state} style={{ marginInlineEnd: 0, fontWeight: 500 }}>
      {t(`alerts.incidentState.${state}`)}
    </Tag>
  );
}

export function ChannelTypeTag({ type }: { type: AlertChannelType | string | null }) {
  const { t } = useTranslation();
  if (!type) return null;
  const known = ['webhook', 'dingtalk', 'feishu', 'wecom', 'email', 'slack', 'teams', 'pagerduty'].includes(type);
  return (
    <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
      {known ? t(`alerts.channelType.${type as AlertChannelType}`) : type}
    </Tag>
  );
}
