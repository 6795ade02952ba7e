import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, useLocation } from 'react-router-dom';
import { EmptyPage } from '../components/empty-page';
import { LoginPage } from '../features/auth/login-page';
import { AppShell } from './app-shell';
import { RequireSession } from './require-session';

// Route files stay thin: each feature's page container lives in its feature folder and is loaded
// only when its route is first visited.

function PlaceholderPage({ feature }: { feature: 'tasks' | 'alerts' | 'audit' }) {
  const { t } = useTranslation();
  return <EmptyPage title={t(`nav.${feature}`)} description={t(`placeholders.${feature}`)} />;
}

function NotFoundPage() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.description', { path: location.pathname })}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../features/overview/overview-page')).OverviewPage }),
      },
      { path: 'tasks', lazy: async () => ({ Component: (await import('../features/tasks/tasks-page')).TasksPage }) },
      { path: 'tasks/new', lazy: async () => ({ Component: (await import('../features/tasks/task-editor-page')).TaskEditorPage }) },
      { path: 'tasks/:id', lazy: async () => ({ Component: (await import('../features/tasks/task-editor-page')).TaskEditorPage }) },
      {
        path: 'clusters',
        lazy: async () => ({ Component: (await import('../features/clusters/clusters-page')).ClustersPage }),
      },
      { path: 'lineage', lazy: async () => ({ Component: (await import('../features/global-lineage/global-lineage-page')).GlobalLineagePage }) },
      { path: 'runs/:runId', lazy: async () => ({ Component: (await import('../features/run-detail/run-detail-page')).RunDetailPage }) },
      { path: 'alerts/:tab?', lazy: async () => ({ Component: (await import('../features/alerts/alerts-page')).AlertsPage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('../features/admin/audit-page')).AuditPage }) },
      { path: 'users', lazy: async () => ({ Component: (await import('../features/admin/users-page')).UsersPage }) },
      { path: 'teams', lazy: async () => ({ Component: (await import('../features/teams/teams-page')).TeamsPage }) },
      { path: 'tokens', lazy: async () => ({ Component: (await import('../features/admin/tokens-page')).TokensPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
