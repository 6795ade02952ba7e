import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { FLINK_YARN_VERSIONS } from '@weir/contract';
import { formatError } from '../../api/format-error';
import { useSession } from '../auth/auth.queries';
import { clusterOwnerChoice } from '../teams/team-choices';
import { useTeams } from '../teams/teams.queries';
import { useRegisterCluster } from './clusters.queries';
import { toRegisterRequest, type RegisterClusterForm } from './register-cluster-request';

const HTTP_URL = /^https?:\/\/[^\s/]+/i;
const ABSOLUTE_PATH = /^\//;

export function RegisterClusterModal({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: (name: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterClusterForm>();
  const register = useRegisterCluster();
  const session = useSession();
  const teams = useTeams();
  const owner = clusterOwnerChoice(teams.data, session.data?.user.globalRole);

  const urlRule: Rule = { pattern: HTTP_URL, message: t('clusters.form.urlInvalid') };

  const close = () => {
    register.reset();
    form.resetFields();
    onClose();
  };

  const submit = (values: RegisterClusterForm) =>
    register.mutate(toRegisterRequest(values), {
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
      <Form<RegisterClusterForm> form={form} initialValues={{ kind: 'session', authType: 'none', teamId: owner.initial, queue: 'default', flinkVersion: '1.20.1' }} layout="vertical" onFinish={submit} requiredMark="optional" disabled={register.isPending} preserve={false}>
        <Form.Item name="name" label={t('clusters.form.name')} rules={[{ required: true, whitespace: true, message: t('clusters.form.nameRequired') }, { max: 100 }]}>
          <Input placeholder={t('clusters.form.namePlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('clusters.kind.label')} extra={t('clusters.form.kindHelp')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'session', label: t('clusters.kind.session') },
              { value: 'yarn', label: t('clusters.kind.yarn') },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'yarn' ? (
              <>
                <Form.Item name="restUrl" label={t('clusters.form.rmUrl')} extra={t('clusters.form.rmUrlHelp')} rules={[{ required: true, whitespace: true, message: t('clusters.form.rmUrlRequired') }, urlRule]}>
                  <Input placeholder="http://resourcemanager:8088" />
                </Form.Item>
                <Form.Item
                  name="hadoopConfDir"
                  label={t('clusters.form.hadoopConfDir')}
                  extra={t('clusters.form.hadoopConfDirHelp')}
                  rules={[{ required: true, whitespace: true, message: t('clusters.form.hadoopConfDirRequired') }, { pattern: ABSOLUTE_PATH, message: t('clusters.form.hadoopConfDirInvalid') }, { max: 1024 }]}
                >
                  <Input placeholder="/etc/hadoop/conf" />
                </Form.Item>
                <Form.Item name="queue" label={t('clusters.form.queue')} extra={t('clusters.form.queueHelp')} rules={[{ required: true, whitespace: true, message: t('clusters.form.queueRequired') }, { max: 255 }]}>
                  <Input placeholder="default" />
                </Form.Item>
                <Form.Item name="flinkVersion" label={t('clusters.form.flinkVersion')} extra={t('clusters.form.flinkVersionHelp')}>
                  <Select aria-label={t('clusters.form.flinkVersion')} options={FLINK_YARN_VERSIONS.map((version) => ({ value: version, label: version }))} />
                </Form.Item>
              </>
            ) : (
              <>
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
              </>
            )
          }
        </Form.Item>
        {owner.shown && (
          <Form.Item name="teamId" label={t('teams.picker.cluster')} extra={t('teams.picker.clusterHelp')} rules={[{ required: true, message: t('teams.picker.clusterRequired') }]}>
            <Select
              aria-label={t('teams.picker.cluster')}
              loading={teams.isPending}
              options={owner.options.map((option) => ({ value: option.value, label: option.teamName ?? t('teams.picker.clusterShared') }))}
            />
          </Form.Item>
        )}
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'yarn' ? null : (
              <>
                <Form.Item name="authType" label={t('clusters.form.auth')} extra={t('clusters.form.authHelp')}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'none', label: t('clusters.form.authNone') },
                      { value: 'basic', label: t('clusters.form.authBasic') },
                      { value: 'bearer', label: t('clusters.form.authBearer') },
                    ]}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={['authType']}>
                  {({ getFieldValue }) =>
                    getFieldValue('authType') === 'basic' ? (
                      <>
                        <Form.Item name="username" label={t('clusters.form.username')} rules={[{ required: true, whitespace: true, message: t('clusters.form.usernameRequired') }, { max: 255 }]}>
                          <Input autoComplete="off" />
                        </Form.Item>
                        <Form.Item name="password" label={t('clusters.form.password')} rules={[{ required: true, message: t('clusters.form.passwordRequired') }, { max: 1024 }]}>
                          <Input.Password autoComplete="new-password" />
                        </Form.Item>
                      </>
                    ) : getFieldValue('authType') === 'bearer' ? (
                      <Form.Item name="token" label={t('clusters.form.token')} rules={[{ required: true, whitespace: true, message: t('clusters.form.tokenRequired') }, { max: 4096 }]}>
                        <Input.Password autoComplete="off" />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
              </>
            )
          }
        </Form.Item>
        <Form.Item name="description" label={t('clusters.form.description')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
