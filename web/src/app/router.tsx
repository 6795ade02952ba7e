import { createBrowserRouter } from 'react-router-dom';
import { AppShell } from './app-shell';
import { RequireSession } from './require-session';

// Route files stay thin: each page lives in its feature folder and is loaded only when its route is
// first visited. The entry chunk holds just the shell, so every route's first load stays small
// (web/build/bundle-budget.test.ts); the login page and its form are not in it either, since most
// visits come with a session.

export const router = createBrowserRouter([
  { path: '/login', lazy: async () => ({ Component: (await import('../features/auth/login-page')).LoginPage }) },
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
      { path: '*', lazy: async () => ({ Component: (await import('./not-found-page')).NotFoundPage }) },
    ],
  },
]);
