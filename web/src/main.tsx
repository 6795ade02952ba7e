import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { i18nReady } from './i18n/i18n';
import { AppProviders, queryClient } from './app/providers';
import { router } from './app/router';
import './app/global.css';
import { sessionQuery } from './features/auth/auth.queries';

// Ask who is logged in now, while the first page's chunks load: the session guard renders only once
// they have, and would otherwise start this request (and the page's data requests after it) that late.
void queryClient.prefetchQuery(sessionQuery);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Not a top-level await: that would make the bundler split the entry into many chunks, so that
// pages importing from it could not wait on it.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  ),
);
