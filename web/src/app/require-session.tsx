import { Alert, Button, Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { formatError } from '../api/format-error';
import { useSession } from '../features/auth/auth.queries';
import { loginPathFor } from '../features/auth/return-path';

/** Renders its children only for a logged-in user; everyone else goes to /login and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) {
    return (
      <Flex style={{ minHeight: '100vh' }} align="center" justify="center">
        <Spin size="large" />
      </Flex>
    );
  }
  // Only a first load that failed stops the app: a failed refresh keeps the page and its state as they are,
  // the next refresh tries again (a 401 still ends the session, through the API client).
  if (session.isLoadingError) {
    return (
      <Flex style={{ minHeight: '100vh', padding: 24 }} align="center" justify="center">
        <Alert
          type="error"
          showIcon
          message={formatError('load', 'session', session.error)}
          action={<Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>}
        />
      </Flex>
    );
  }
  if (!session.data) return <Navigate to={loginPathFor(location)} replace />;
  return children;
}
