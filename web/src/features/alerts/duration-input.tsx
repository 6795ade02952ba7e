import { InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Duration, DurationUnit } from './rule-form';

/** A duration as a number and a unit, as a form control (value/onChange from Form.Item). */
export function DurationInput({ id, value, onChange, min = 0, 'aria-label': label }: { id?: string; value?: Duration; onChange?: (d: Duration) => void; min?: number; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const current = value ?? { value: 0, unit: 'm' as DurationUnit };
  return (
    <Space.Compact>
      <InputNumber id={id} aria-label={label} min={min} value={current.value} onChange={(v) => onChange?.({ ...current, value: typeof v === 'number' ? v : 0 })} style={{ width: 120 }} />
      <Select
        aria-label={label ? `${label} ${t('alerts.units.unit')}` : undefined}
        value={current.unit}
        onChange={(unit: DurationUnit) => onChange?.({ ...current, unit })}
        style={{ width: 110 }}
        options={(['s', 'm', 'h'] as const).map((u) => ({ value: u, label: t(`alerts.units.name.${u}`) }))}
      />
    </Space.Compact>
  );
}
