import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import type { ClusterPushToken } from '@weir/contract';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A cluster's push token with its push URL and a copy button: the new one right after a rotation, or the
 * current one when an admin asks for it (`fresh` false), which the server has recorded in the audit log.
 */
export function PushTokenModal({ clusterName, pushToken, fresh, onClose }: { clusterName: string; pushToken: ClusterPushToken; fresh: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  // The browser may refuse the clipboard (no permission, or the page not focused): then say so.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pushToken.token);
      setCopied(true);
    } catch {
      void message.error(t('clusters.pushToken.copyFailed'));
    }
  };

  return (
    <Modal
      open
      destroyOnHidden
      title={t(fresh ? 'clusters.pushToken.title' : 'clusters.pushToken.titleCurrent', { name: clusterName })}
      onCancel={onClose}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('clusters.pushToken.done')}
        </Button>
      }
      width={640}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t(fresh ? 'clusters.pushToken.warning' : 'clusters.pushToken.readWarning')} />
      <Typography.Text strong>{t('clusters.pushToken.label')}</Typography.Text>
      <Space.Compact style={{ width: '100%', marginTop: 8, marginBottom: 16 }}>
        <Input readOnly value={pushToken.token} aria-label={t('clusters.pushToken.label')} style={{ fontFamily: 'monospace' }} onFocus={(e) => e.target.select()} />
        <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
          {copied ? t('clusters.pushToken.copied') : t('clusters.pushToken.copy')}
        </Button>
      </Space.Compact>
      <Typography.Text strong>{t('clusters.pushToken.url')}</Typography.Text>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        {pushToken.url ? <Typography.Text code copyable>{pushToken.url}</Typography.Text> : <Typography.Text type="secondary">{t('clusters.pushToken.urlUnknown', { path: pushToken.path, setting: 'WEIR_PUBLIC_URL' })}</Typography.Text>}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('clusters.pushToken.usage', { key: 'weir.push.token' })}
      </Typography.Paragraph>
    </Modal>
  );
}
