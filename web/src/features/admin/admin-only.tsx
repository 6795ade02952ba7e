import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/auth.queries';

/** Admin pages show a plain refusal to other roles instead of buttons they cannot use; the server refuses them anyway. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const role = session.data?.user.role;
  if (role === 'admin') return children;
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
