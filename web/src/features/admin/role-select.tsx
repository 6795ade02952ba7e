import { GLOBAL_ROLE_OPTIONS_ORDER, ROLE_OPTIONS_ORDER } from './roles';
import type { GlobalRole, Role } from '@weir/contract';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface RoleSelectProps<R> {
  value?: R;
  onChange?: (role: R) => void;
  disabled?: boolean;
  'aria-label'?: string;
  size?: 'small' | 'middle';
}

function RolePicker<R extends GlobalRole>({ roles, ...props }: RoleSelectProps<R> & { roles: readonly R[] }) {
  const { t } = useTranslation();
  return (
    <Select<R>
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      aria-label={props['aria-label']}
      size={props.size}
      style={{ minWidth: 120 }}
      options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}

/** A role picker (a team's role, a token's) with the roles in rising order of power. */
export function RoleSelect(props: RoleSelectProps<Role>) {
  return <RolePicker roles={ROLE_OPTIONS_ORDER} {...props} />;
}

/** A user's role over every team, from "Teams only" (none) up to admin. */
export function GlobalRoleSelect(props: RoleSelectProps<GlobalRole>) {
  return <RolePicker roles={GLOBAL_ROLE_OPTIONS_ORDER} {...props} />;
}
