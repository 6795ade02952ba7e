import { ROLE_OPTIONS_ORDER } from './roles';
import type { Role } from '@weir/contract';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** A role picker with the roles in rising order of power. */
export function RoleSelect(props: { value?: Role; onChange?: (role: Role) => void; disabled?: boolean; 'aria-label'?: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  return (
    <Select<Role>
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      aria-label={props['aria-label']}
      size={props.size}
      style={{ minWidth: 120 }}
      options={ROLE_OPTIONS_ORDER.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
