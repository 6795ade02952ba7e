import { Button, Tooltip, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/auth.queries';

/** What the session's role may do on the alerts pages; the server refuses the rest anyway. */
export function useAlertPermissions() {
  const role = useSession().data?.user.role;
  return {
    role,
    /** Rules and silences. */
    canOperate: role === 'operator' || role === 'admin',
    /** Channels: create, edit, delete, send a test. */
    canAdmin: role === 'admin',
    /** Listing channels (their names for the rule form) needs the operator role. */
    canListChannels: role === 'operator' || role === 'admin',
  };
}

/** A button the role may not use stays visible, disabled, with a tooltip naming the role it needs. */
export function GuardedButton({ allowed, need, ...props }: ButtonProps & { allowed: boolean; need: 'operator' | 'admin' }) {
  const { t } = useTranslation();
  if (allowed) return <Button {...props} />;
  return (
    <Tooltip title={t('alerts.needsRole', { role: t(`roles.${need}`) })}>
      {/* A disabled button swallows pointer events; the span carries the tooltip. */}
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        <Button {...props} disabled style={{ ...props.style, pointerEvents: 'none' }} />
      </span>
    </Tooltip>
  );
}
