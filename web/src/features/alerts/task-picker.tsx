import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTaskNames, useTaskSearch } from './alerts.queries';

interface Props {
  id?: string;
  mode?: 'multiple';
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
  allowClear?: boolean;
}

/** A searchable select over Weir's tasks (search by name on the server); chosen tasks keep their names. */
export function TaskPicker({ id, mode, value, onChange, placeholder, style, allowClear = true, ...rest }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useTaskSearch(q);
  const chosen = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const names = useTaskNames(chosen);
  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: Array<{ value: string; label: string }> = [];
    for (const task of search.data ?? []) {
      seen.add(task.id);
      out.push({ value: task.id, label: task.name });
    }
    for (const taskId of chosen) if (!seen.has(taskId)) out.push({ value: taskId, label: names.data?.get(taskId) ?? taskId });
    return out;
  }, [search.data, names.data, chosen]);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      mode={mode}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      onSearch={setQ}
      onDropdownVisibleChange={(open) => !open && setQ('')}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? t('alerts.taskPicker.searching') : t('alerts.taskPicker.none')}
      placeholder={placeholder ?? t('alerts.taskPicker.placeholder')}
      value={mode ? chosen : (chosen[0] ?? undefined)}
      onChange={(v: string | string[] | undefined) => onChange?.(v)}
      options={options}
      style={style}
    />
  );
}
