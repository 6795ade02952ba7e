import type { CreateAlertSilenceRequest } from '@weir/contract';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Space, Button } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { useAlertRules, useCreateAlertSilence } from './alerts.queries';
import { ruleNameText } from './rule-name';
import { TaskPicker } from './task-picker';

export interface SilencePreset {
  ruleId?: string | null;
  taskId?: string | null;
}

interface Values {
  ruleId?: string;
  taskId?: string;
  endsAt: Dayjs;
  reason: string;
}

const QUICK_HOURS = [1, 4, 24] as const;

/** Hold back alerts of a rule and/or task (both empty: everything) until an end time. */
export function SilenceModal({ open, preset, onClose }: { open: boolean; preset?: SilencePreset; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useAlertRules();
  const create = useCreateAlertSilence();

  useEffect(() => {
    if (!open) return;
    create.reset();
    form.setFieldsValue({ ruleId: preset?.ruleId ?? undefined, taskId: preset?.taskId ?? undefined, endsAt: dayjs().add(1, 'hour').startOf('minute'), reason: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, preset?.ruleId, preset?.taskId]);

  const submit = (values: Values) => {
    const body: CreateAlertSilenceRequest = { ruleId: values.ruleId ?? null, taskId: values.taskId ?? null, endsAt: values.endsAt.valueOf(), reason: values.reason.trim() };
    create.mutate(body, {
      onSuccess: () => {
        void message.success(t('alerts.silences.created', { until: values.endsAt.format('YYYY-MM-DD HH:mm') }));
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('alerts.silences.newTitle')}
      okText={t('alerts.silences.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError && <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={formatError('create', 'alertSilence', create.error)} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="ruleId" label={t('alerts.silences.rule')} extra={t('alerts.silences.ruleHelp')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('alerts.silences.anyRule')} options={(rules.data ?? []).map((r) => ({ value: r.id, label: ruleNameText(t, r.name) }))} />
        </Form.Item>
        <Form.Item name="taskId" label={t('alerts.silences.task')}>
          <TaskPicker placeholder={t('alerts.silences.anyTask')} />
        </Form.Item>
        <Form.Item label={t('alerts.silences.endsAt')} required>
          <Space.Compact block>
            <Form.Item
              name="endsAt"
              noStyle
              rules={[
                { required: true, message: t('alerts.silences.endsAtRequired') },
                { validator: async (_, v: Dayjs | undefined) => (v && v.isBefore(dayjs()) ? Promise.reject(new Error(t('alerts.silences.endsAtPast'))) : undefined) },
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label={t('alerts.silences.endsAt')} style={{ flex: 1 }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            {QUICK_HOURS.map((h) => (
              <Button key={h} onClick={() => form.setFieldValue('endsAt', dayjs().add(h, 'hour').startOf('minute'))}>
                {t('alerts.silences.inHours', { count: h })}
              </Button>
            ))}
          </Space.Compact>
        </Form.Item>
        <Form.Item name="reason" label={t('alerts.silences.reason')} rules={[{ required: true, whitespace: true, message: t('alerts.silences.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('alerts.silences.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
