import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/auth.queries';

/**
 * Admin pages show a plain refusal to other roles instead of buttons they cannot use; the server
 * refuses them anyway. `global`: only for global admins (a team's admin is an admin, but not of
 * Weir-wide things such as the accounts).
 */
export function AdminOnly({ children, global = false }: { children: ReactNode; global?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  if (user && (global ? user.globalRole === 'admin' : user.role === 'admin')) return children;
  const role = global ? user?.globalRole : user?.role;
  return (
    <Result
      status="403"
      title={t('admin.forbidden.title')}
      subTitle={t('admin.forbidden.description', { role: role ? t(`roles.${role}`) : '' })}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}
