import { CreateAlertRuleRequest, type AlertRule } from '@weir/contract';
import { Alert, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useAlertPermissions } from './alert-permissions';
import { useAlertChannels, useSaveAlertRule } from './alerts.queries';
import { DurationInput } from './duration-input';
import { CONDITION_KINDS, DEFAULT_RULE_VALUES, formValuesToRuleRequest, ruleToFormValues, type RuleFormValues } from './rule-form';
import { TaskPicker } from './task-picker';
import { useTeams } from '../teams/teams.queries';
import { ownerTeamChoice } from '../teams/team-choices';

const RUN_STATUSES = ['FAILED', 'UNKNOWN', 'RESTARTING', 'RECONNECTING', 'FAILING', 'CANCELED', 'FINISHED', 'SUSPENDED', 'RUNNING'] as const;
const LIFECYCLES = ['DEVELOP', 'PUBLISHED', 'ONLINE', 'OFFLINE'] as const;

/** Create or edit a rule: the condition's own fields per kind, who it watches, where it sends. */
export function RuleDrawer({ open, rule, onClose, onSaved }: { open: boolean; rule?: AlertRule; onClose: () => void; onSaved: (rule: AlertRule, created: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RuleFormValues>();
  const save = useSaveAlertRule();
  const { canListChannels } = useAlertPermissions();
  const channels = useAlertChannels(canListChannels && open);
  const [invalid, setInvalid] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const scopeKind = Form.useWatch('scopeKind', form);
  const renotify = Form.useWatch('renotify', form);
  // A new rule belongs to a team where the user operates; the picker shows only when there is a choice.
  const teamChoice = ownerTeamChoice(useTeams().data, 'operator');

  useEffect(() => {
    if (!open) return;
    save.reset();
    setInvalid(null);
    form.resetFields();
    form.setFieldsValue(rule ? ruleToFormValues(rule) : { ...DEFAULT_RULE_VALUES, ...(teamChoice.initial ? { teamId: teamChoice.initial } : {}) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, rule?.id]);

  const submit = () => {
    // The whole store, including fields of other condition kinds that are not mounted right now.
    const body = formValuesToRuleRequest({ ...DEFAULT_RULE_VALUES, ...(form.getFieldsValue(true) as RuleFormValues) });
    // The contract's own schema: the drawer refuses what the server would refuse, before sending.
    const checked = CreateAlertRuleRequest.safeParse(body);
    if (!checked.success) {
      setInvalid(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    setInvalid(null);
    save.mutate({ id: rule?.id, body }, { onSuccess: (saved) => onSaved(saved, !rule) });
  };

  return (
    <Drawer
      open={open}
      width={560}
      title={rule ? t('alerts.rules.editTitle', { name: rule.name }) : t('alerts.rules.newTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {rule ? t('alerts.rules.save') : t('alerts.rules.create')}
          </Button>
        </Flex>
      }
    >
      {save.isError && (
        <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError(rule ? 'save' : 'create', rule ? ['alertRuleNamed', { name: rule.name }] : 'newAlertRule', save.error)} />
      )}
      {invalid && <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={invalid} />}
      <Form<RuleFormValues> form={form} layout="vertical" onFinish={submit}>
        <Flex gap={16} align="flex-start">
          <Form.Item name="name" label={t('alerts.rules.form.name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('alerts.rules.form.nameRequired') }, { max: 100 }]}>
            <Input placeholder={t('alerts.rules.form.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="enabled" label={t('alerts.rules.form.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>

        {!rule && teamChoice.shown && (
          <Form.Item name="teamId" label={t('alerts.rules.form.team')} rules={[{ required: true, message: t('alerts.rules.form.teamRequired') }]}>
            <Select options={teamChoice.options.map((team) => ({ value: team.id, label: team.name }))} />
          </Form.Item>
        )}

        <Typography.Title level={5}>{t('alerts.rules.form.when')}</Typography.Title>
        <Form.Item name="kind" label={t('alerts.rules.form.condition')}>
          <Select
            options={CONDITION_KINDS.map((k) => ({ value: k, label: t(`alerts.conditionKind.${k}`) }))}
            optionRender={(o) => (
              <Flex vertical>
                <span>{o.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                  {t(`alerts.conditionHelp.${o.value as RuleFormValues['kind']}`)}
                </Typography.Text>
              </Flex>
            )}
          />
        </Form.Item>
        {kind === 'status' && (
          <Form.Item name="statuses" label={t('alerts.rules.form.statuses')} rules={[{ required: true, type: 'array', min: 1, message: t('alerts.rules.form.statusesRequired') }]}>
            <Select mode="multiple" options={RUN_STATUSES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        )}
        {kind === 'restarts' && (
          <Flex gap={16}>
            <Form.Item name="restartCount" label={t('alerts.rules.form.restartCount')} rules={[{ required: true }]}>
              <InputNumber min={0} max={10000} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="restartWindow" label={t('alerts.rules.form.within')}>
              <DurationInput min={1} />
            </Form.Item>
          </Flex>
        )}
        {kind === 'no-checkpoint' && (
          <Form.Item name="noCheckpointFor" label={t('alerts.rules.form.noCheckpointFor')}>
            <DurationInput min={1} />
          </Form.Item>
        )}
        {kind === 'metric' && (
          <>
            <Flex gap={16}>
              <Form.Item name="metric" label={t('alerts.rules.form.metric')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('alerts.rules.form.metricRequired') }]} extra={t('alerts.rules.form.metricHelp')}>
                <Input placeholder="numRecordsInPerSecond" />
              </Form.Item>
              <Form.Item name="vertexId" label={t('alerts.rules.form.vertexId')} style={{ width: 170 }} extra={t('alerts.rules.form.vertexIdHelp')}>
                <Input allowClear />
              </Form.Item>
            </Flex>
            <Flex gap={16} wrap>
              <Form.Item name="op" label={t('alerts.rules.form.op')}>
                <Radio.Group optionType="button" options={[{ value: 'above', label: t('alerts.rules.form.above') }, { value: 'below', label: t('alerts.rules.form.below') }]} />
              </Form.Item>
              <Form.Item name="threshold" label={t('alerts.rules.form.threshold')} rules={[{ required: true }]}>
                <InputNumber style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="metricFor" label={t('alerts.rules.form.forAtLeast')}>
                <DurationInput />
              </Form.Item>
            </Flex>
          </>
        )}
        {kind === 'health-check' && (
          <Form.Item name="healthCheck" label={t('alerts.rules.form.healthCheck')}>
            <Radio.Group options={(['restarts', 'checkpoint', 'backpressure'] as const).map((c) => ({ value: c, label: t(`alerts.healthCheck.${c}`) }))} />
          </Form.Item>
        )}

        <Typography.Title level={5}>{t('alerts.rules.form.watch')}</Typography.Title>
        <Form.Item name="scopeKind">
          <Radio.Group
            options={[
              { value: 'all', label: t('alerts.scope.all') },
              { value: 'tasks', label: t('alerts.scope.tasks') },
              { value: 'lifecycles', label: t('alerts.scope.lifecycles') },
            ]}
          />
        </Form.Item>
        {scopeKind === 'tasks' && (
          <Form.Item name="taskIds" label={t('alerts.rules.form.tasks')} rules={[{ required: true, type: 'array', min: 1, message: t('alerts.rules.form.tasksRequired') }]}>
            <TaskPicker mode="multiple" />
          </Form.Item>
        )}
        {scopeKind === 'lifecycles' && (
          <Form.Item name="lifecycles" label={t('alerts.rules.form.lifecycles')} rules={[{ required: true, type: 'array', min: 1, message: t('alerts.rules.form.lifecyclesRequired') }]}>
            <Checkbox.Group options={LIFECYCLES.map((l) => ({ value: l, label: t(`tasks.lifecycle.${l}`) }))} />
          </Form.Item>
        )}

        <Typography.Title level={5}>{t('alerts.rules.form.notify')}</Typography.Title>
        <Form.Item name="channelIds" label={t('alerts.rules.form.channels')} extra={(channels.data?.length ?? 1) === 0 ? t('alerts.rules.form.noChannels') : t('alerts.rules.form.channelsHelp')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            loading={channels.isPending && canListChannels}
            placeholder={t('alerts.rules.form.channelsPlaceholder')}
            options={(channels.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${t(`alerts.channelType.${c.type}`)})`, disabled: !c.enabled && !form.getFieldValue('channelIds')?.includes(c.id) }))}
          />
        </Form.Item>
        <Flex gap={16} align="center">
          <Form.Item name="renotify" label={t('alerts.rules.form.renotify')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {renotify && (
            <Form.Item name="renotifyEvery" label={t('alerts.rules.form.renotifyEvery')} extra={t('alerts.rules.form.renotifyHelp')}>
              <DurationInput min={1} />
            </Form.Item>
          )}
        </Flex>
      </Form>
    </Drawer>
  );
}
