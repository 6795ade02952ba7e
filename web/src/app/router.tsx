import { createBrowserRouter } from 'react-router-dom';
import { OverviewPage } from '../features/overview/overview-page';
import { withPageTexts } from '../i18n/i18n';
import { AppShell } from './app-shell';
import { RequireSession } from './require-session';

// Route files stay thin: each page lives in its feature folder and, but for the overview (the landing
// page), is loaded only when its route is first visited; web/build/bundle-budget.test.ts keeps the
// first load in check. The login page and its form are not in the entry, since most visits come with
// a session. Each page but the overview loads with the other pages' English texts (withPageTexts),
// which the overview's first load leaves out.

export const router = createBrowserRouter([
  { path: '/login', lazy: async () => ({ Component: (await import('../features/auth/login-page')).LoginPage }) },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      // Part of the entry, not lazy: its code (the table, the filters) is then fetched with the entry's
      // from index.html instead of after the entry has run; lazily loaded, it was interactive about
      // 0.5 s later than before the split on a busy 2-core machine.
      { index: true, Component: OverviewPage },
      { path: 'tasks', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/tasks/tasks-page'))).TasksPage }) },
      { path: 'tasks/new', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/tasks/task-editor-page'))).TaskEditorPage }) },
      { path: 'tasks/:id', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/tasks/task-editor-page'))).TaskEditorPage }) },
      {
        path: 'clusters',
        lazy: async () => ({ Component: (await withPageTexts(() => import('../features/clusters/clusters-page'))).ClustersPage }),
      },
      { path: 'lineage', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/global-lineage/global-lineage-page'))).GlobalLineagePage }) },
      { path: 'runs/:runId', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/run-detail/run-detail-page'))).RunDetailPage }) },
      { path: 'alerts/:tab?', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/alerts/alerts-page'))).AlertsPage }) },
      { path: 'audit', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/admin/audit-page'))).AuditPage }) },
      { path: 'users', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/admin/users-page'))).UsersPage }) },
      { path: 'teams', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/teams/teams-page'))).TeamsPage }) },
      { path: 'tokens', lazy: async () => ({ Component: (await withPageTexts(() => import('../features/admin/tokens-page'))).TokensPage }) },
      { path: '*', lazy: async () => ({ Component: (await withPageTexts(() => import('./not-found-page'))).NotFoundPage }) },
    ],
  },
]);
