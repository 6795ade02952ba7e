import type { CreateClusterRequest } from '@weir/contract';
import { Alert, Form, Input, Modal } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useRegisterCluster } from './clusters.queries';

interface FormValues {
  name: string;
  restUrl: string;
  gatewayUrl?: string;
  historyUrl?: string;
  description?: string;
}

const HTTP_URL = /^https?:\/\/[^\s/]+/i;

/** Optional fields left blank are omitted, not sent as empty strings the server would reject as URLs. */
function toRequest(values: FormValues): CreateClusterRequest {
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    name: values.name.trim(),
    restUrl: values.restUrl.trim(),
    gatewayUrl: optional(values.gatewayUrl),
    historyUrl: optional(values.historyUrl),
    description: optional(values.description),
  };
}

export function RegisterClusterModal({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: (name: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const register = useRegisterCluster();

  const urlRule: Rule = { pattern: HTTP_URL, message: t('clusters.form.urlInvalid') };

  const close = () => {
    register.reset();
    form.resetFields();
    onClose();
  };

  const submit = (values: FormValues) =>
    register.mutate(toRequest(values), {
      onSuccess: (cluster) => {
        onRegistered(cluster.name);
        close();
      },
    });

  return (
    <Modal
      title={t('clusters.form.title')}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('clusters.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={register.isPending}
      destroyOnHidden
      width={560}
    >
      {register.error && (
        <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError('register', 'cluster', register.error)} />
      )}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional" disabled={register.isPending} preserve={false}>
        <Form.Item name="name" label={t('clusters.form.name')} rules={[{ required: true, whitespace: true, message: t('clusters.form.nameRequired') }, { max: 100 }]}>
          <Input placeholder={t('clusters.form.namePlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item
          name="restUrl"
          label={t('clusters.form.restUrl')}
          extra={t('clusters.form.restUrlHelp')}
          rules={[{ required: true, whitespace: true, message: t('clusters.form.restUrlRequired') }, urlRule]}
        >
          <Input placeholder="http://jobmanager:8081" />
        </Form.Item>
        <Form.Item name="gatewayUrl" label={t('clusters.form.gatewayUrl')} extra={t('clusters.form.gatewayUrlHelp')} rules={[urlRule]}>
          <Input placeholder="http://sql-gateway:8083" />
        </Form.Item>
        <Form.Item name="historyUrl" label={t('clusters.form.historyUrl')} extra={t('clusters.form.historyUrlHelp')} rules={[urlRule]}>
          <Input placeholder="http://historyserver:8082" />
        </Form.Item>
        <Form.Item name="description" label={t('clusters.form.description')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
